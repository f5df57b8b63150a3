/**
 * Snort's CSV alert lines: pfSense's alert log (`date ,gid,sid,rev,"msg",proto,src,sport,dst,dport,
 * ipid,class,prio,alert,action`) and Snort's default alert_csv (`timestamp,sig_generator,sig_id,
 * sig_rev,msg,proto,src,srcport,dst,dstport,ethsrc,ethdst,ethlen,tcpflags,tcpseq,tcpack,tcplen,
 * tcpwindow,ttl,tos,id,dgmlen,iplen,icmptype,icmpcode,icmpid,icmpseq`), as Elastic's pipeline maps them.
 */
import type { EcsDoc } from '../../src/core/types.js';
import { isIp, setField, toInt } from '../../src/ecs/fields.js';
import { set2, set3 } from '../../src/ecs/set-path.js';

/** Splits a CSV line from p on commas, honouring double-quoted fields. */
export function splitCsv(s: string, p: number): string[] {
  const out: string[] = [];
  const n = s.length;
  while (p <= n) {
    if (s.charCodeAt(p) === 34) {
      const q = s.indexOf('"', p + 1);
      if (q >= 0 && (q + 1 === n || s.charCodeAt(q + 1) === 44)) {
        out.push(s.slice(p + 1, q));
        p = q + 2;
        continue;
      }
    }
    let c = s.indexOf(',', p);
    if (c < 0) c = n;
    out.push(s.slice(p, c));
    p = c + 1;
  }
  return out;
}

function long(doc: EcsDoc, path: string, v: string | undefined): void {
  if (v === undefined || v === '') return;
  const n = v.startsWith('0x') || v.startsWith('0X') ? parseInt(v.slice(2), 16) : toInt(v);
  if (n !== undefined && Number.isFinite(n)) setField(doc, path, n);
}

export /** alert_csv columns 14 to 26, as numbers (hex ones written `0x..`). */
const CSV_LONGS = ['snort.tcp.seq', 'snort.tcp.ack', 'snort.tcp.length', 'snort.tcp.window', 'snort.ip.ttl', 'snort.ip.tos', 'snort.ip.id',
  'snort.dgm.length', 'snort.ip.length', 'snort.icmp.type', 'snort.icmp.code', 'snort.icmp.id', 'snort.icmp.seq'];

export function parseCsv(f: string[], doc: EcsDoc): string | null {
  // f[0] is the stamp
  if (f.length < 10) return 'parse_csv';
  const gid = toInt(f[1]);
  if (gid === undefined) return 'parse_csv';
  set2(doc, 'snort', 'gid', gid);
  set2(doc, 'rule', 'id', f[2]);
  set2(doc, 'rule', 'version', f[3]);
  set2(doc, 'rule', 'description', f[4]);
  const transport = f[5]!.toLowerCase();
  set2(doc, 'network', 'transport', transport);
  for (const [side, ip, port] of [['source', f[6]!, f[7]!], ['destination', f[8]!, f[9]!]] as const) {
    setField(doc, side + '.address', ip);
    if (isIp(ip)) setField(doc, side + '.ip', ip);
    const n = toInt(port);
    if (n !== undefined && n > 0 && n <= 65535) setField(doc, side + '.port', n);
  }
  if (f.length === 15) {
    // pfSense: ...,ipid,classification,priority,alert,action
    long(doc, 'snort.ip.id', f[10]);
    if (!doc.rule) doc.rule = {};
    doc.rule.category = f[11];
    const prio = toInt(f[12]);
    if (prio !== undefined) set2(doc, 'event', 'severity', prio);
    const action = f[14];
    if (action === 'Allow') set2(doc, 'event', 'type', ['allowed']);
    else if (action === 'Block') set2(doc, 'event', 'type', ['denied']);
    return null;
  }
  if (f.length >= 27) {
    // default alert_csv: ethsrc,ethdst,ethlen,tcpflags,tcpseq,tcpack,tcplen,tcpwindow,ttl,tos,id,dgmlen,iplen,icmptype,icmpcode,icmpid,icmpseq
    if (f[10] !== '') set2(doc, 'source', 'mac', f[10]!.toUpperCase().replace(/:/g, '-'));
    if (f[11] !== '') set2(doc, 'destination', 'mac', f[11]!.toUpperCase().replace(/:/g, '-'));
    long(doc, 'snort.eth.length', f[12]);
    const flags = f[13]!.replace(/\*/g, '');
    set3(doc, 'snort', 'tcp', 'flags', flags);
    for (let k = 0; k < CSV_LONGS.length; k++) long(doc, CSV_LONGS[k]!, f[14 + k]);
    return null;
  }
  return 'parse_csv';
}

