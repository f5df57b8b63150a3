/**
 * Connection, NAT, URL-filter, shun, TCP-normalizer and threat-detection messages of the guide that
 * Elastic's pipeline does not parse (or parses only for FTD): the two ends with their interfaces
 * and mapped addresses, the transport, and what the message names (translation type, URL, rates).
 */
import type { Handler, Work } from '../work.js';
import { match, put, vput } from '../work.js';
import { addressAfter, endAfter, fromTo, onInterface, readEnd, readMapped, setEnd, srcDst, transportIn, valueAfter } from './shapes.js';
import { table } from '../../../src/core/null-proto.js';

/** `from A to B` with the interface of `on interface X`. */
function fromToOn(w: Work): boolean {
  if (!fromTo(w)) return false;
  onInterface(w);
  return true;
}

/** `src A dst B` (305005, 305006, 305013, 106011): FTD's 305006/305013 name the protocol network.protocol. */
function srcDstFlow(w: Work): boolean {
  if (!srcDst(w)) return false;
  const t = w.msg.split(' ', 1)[0];
  if (w.id === '305006' && t !== undefined) vput(w, 'translation_type', t);
  if (w.flavor === 'ftd' && (w.id === '305006' || w.id === '305013')) {
    const net = w.doc.network as Record<string, unknown> | undefined;
    if (net?.transport !== undefined) { net.protocol = net.transport; delete net.transport; }
  }
  return true;
}

/** 106025/106026 `Failed to determine the security context for the packet:vlan:src dst sport dport proto`. */
function securityContext(w: Work): boolean {
  const s = w.msg;
  const k = s.indexOf('packet:');
  if (k < 0) return false;
  const parts = s.slice(k + 7).trim().split(/\s+/);
  const first = parts[0] ?? '';
  const c = first.indexOf(':');
  put(w, 'source.address', c >= 0 ? first.slice(c + 1) : first);
  put(w, 'destination.address', parts[1]);
  put(w, 'source.port', parts[2]);
  put(w, 'destination.port', parts[3]);
  put(w, 'network.transport', parts[4]);
  return true;
}

/** H.323 pre-allocations (302003, 302004, 302012, 302033): `foreign_address`/`faddr` and `local_address`/`laddr`. */
function h323(w: Work): boolean {
  const s = w.msg;
  const f = endAfter(s, 'foreign_address ') ?? endAfter(s, 'faddr ');
  const l = endAfter(s, 'local_address ') ?? endAfter(s, 'laddr ');
  if (f === null && l === null) return false;
  if (f !== null) setEnd(w, 'source', f);
  if (l !== null) setEnd(w, 'destination', l);
  put(w, 'network.protocol', s.indexOf('H245') >= 0 ? 'h245' : s.indexOf('H225') >= 0 ? 'h225' : 'h323');
  return true;
}

/** Built/Teardown GRE (302017, 302018): `id from if:a (m) to if:b/cid (m/cid) [duration t bytes n]`. */
function gre(w: Work): boolean {
  const s = w.msg;
  const k = s.indexOf('connection ');
  if (k < 0) return false;
  const id = s.slice(k + 11, s.indexOf(' ', k + 11));
  vput(w, 'connection_id', id);
  put(w, 'network.transport', 'gre');
  const a = endAfter(s, ' from ', k);
  if (a === null) return false;
  setEnd(w, 'source', { ...a, port: undefined });
  const am = readMapped(s, a.end);
  if (am !== null) w.natsrc = am.addr;
  const b = endAfter(s, ' to ', am?.end ?? a.end);
  if (b !== null) {
    setEnd(w, 'destination', { ...b, port: undefined });
    const bm = readMapped(s, b.end);
    if (bm !== null) w.natdst = bm.addr;
  }
  if (s.startsWith('Built ')) put(w, 'network.direction', s.slice(6, s.indexOf(' ', 6)));
  const d = valueAfter(s, ' duration ', 0, ' ');
  if (d !== null) w.hms = d.v;
  const bytes = valueAfter(s, ' bytes ', 0, ' ');
  put(w, 'network.bytes', bytes?.v);
  return true;
}

/** Built/Teardown TCP/UDP state-bypass (302303, 302304, 302305, 302306): `id from A (m) to B (m)`. */
function stateBypass(w: Work): boolean {
  const s = w.msg;
  const t = s.split(' ', 3)[1];
  put(w, 'network.transport', t);
  const k = s.indexOf('connection ');
  if (k < 0) return false;
  vput(w, 'connection_id', s.slice(k + 11, s.indexOf(' ', k + 11)));
  const a = endAfter(s, ' from ', k);
  if (a === null) return false;
  setEnd(w, 'source', a);
  const am = readMapped(s, a.end);
  if (am !== null) { w.natsrc = am.addr; vput(w, 'mapped_source_port', am.port); }
  const b = endAfter(s, ' to ', am?.end ?? a.end);
  if (b !== null) {
    setEnd(w, 'destination', b);
    const bm = readMapped(s, b.end);
    if (bm !== null) { w.natdst = bm.addr; vput(w, 'mapped_destination_port', bm.port); }
  }
  const d = valueAfter(s, ' duration ', 0, ' ');
  if (d !== null) w.hms = d.v;
  put(w, 'network.bytes', valueAfter(s, ' bytes ', 0, ' ')?.v);
  return true;
}

/** 303003-303005 FTP strict inspection: the ends, FTP over TCP. */
function ftp(w: Work): boolean {
  if (!fromTo(w)) return false;
  put(w, 'network.protocol', 'ftp');
  put(w, 'network.transport', 'tcp');
  return true;
}

/** 304003-304007 `URL Server a ... [URL u]`: the filter server as destination. */
function urlServer(w: Work): boolean {
  const e = endAfter(w.msg, 'URL Server ');
  if (e === null) return false;
  put(w, 'destination.address', e.addr);
  const u = valueAfter(w.msg, ' URL ', e.end, '\n');
  put(w, 'url.original', u?.v);
  return true;
}

/** 305009/305010 `Built|Teardown type translation from if[(acl)]:real [(user)] to if:mapped [duration t]`. */
function translation(w: Work): boolean {
  const s = w.msg;
  vput(w, 'translation_type', s.split(' ', 3)[1]);
  const k = s.indexOf(' from ');
  const t = k < 0 ? -1 : s.indexOf(' to ', k);
  if (t < 0) return false;
  // the ACL name after the interface and the identity-firewall user after the address are dropped
  const a = readEnd(s.slice(k + 6, t).replace(/\([^()]*\)/g, '').replace(/\s+/g, ''), 0);
  if (a === null) return false;
  put(w, 'source.address', a.addr);
  vput(w, 'source_interface', a.iface);
  const b = readEnd(s, t + 4);
  if (b !== null) {
    w.natsrc = b.addr;
    vput(w, 'destination_interface', b.iface);
  }
  const d = valueAfter(s, ' duration ', 0, ' ');
  if (d !== null) w.hms = d.v;
  return true;
}

/** 338302/338303 `Address a discovered for domain d ...` / `Address a (d) timed out ...`. */
function dynamicAddress(w: Work): boolean {
  const e = endAfter(w.msg, 'Address ');
  if (e === null) return false;
  put(w, 'destination.address', e.addr);
  const d = valueAfter(w.msg, 'for domain ', 0, ' ');
  put(w, 'destination.domain', d?.v);
  return true;
}

/** 401002-401005 shuns: `Shun added: a b port p`, `Shun deleted: a`, `Shunned packet: a ==> b on interface i`. */
function shun(w: Work): boolean {
  const s = w.msg;
  const at = s.indexOf('resources for ');
  const colon = s.indexOf(': ');
  if (colon < 0) return false;
  const rest = s.slice(at >= 0 ? at + 14 : colon + 2).split(' ');
  const a = rest[0];
  if (a === undefined || a === '') return false;
  put(w, 'source.address', a.replace(/,$/, ''));
  const b = rest[1] === '==>' ? rest[2] : rest[1];
  if (b !== undefined && b !== 'on' && b !== 'port') put(w, 'destination.address', b);
  const pk = rest.indexOf('port');
  if (pk >= 0) { put(w, 'source.port', rest[pk + 1]); put(w, 'destination.port', rest[pk + 3]); }
  if (w.id === '401004') onInterface(w, 'destination_interface');
  return true;
}

/** 602101 `PMTU-D packet n bytes greater than effective mtu m, dest_addr=a, src_addr=b, prot=p`. */
function pmtu(w: Work): boolean {
  const s = w.msg;
  const d = valueAfter(s, 'dest_addr=');
  const src = valueAfter(s, 'src_addr=');
  if (d === null || src === null) return false;
  put(w, 'destination.address', d.v);
  put(w, 'source.address', src.v);
  put(w, 'network.protocol', valueAfter(s, 'prot=')?.v);
  put(w, 'source.bytes', valueAfter(s, 'packet ', 0, ' ')?.v);
  vput(w, 'effective_mtu', valueAfter(s, 'effective mtu ')?.v);
  return true;
}

/** 710001/710002/710004/710006/710007 `... from a[/p] to iface:b[/p]` (710006 without ports). */
function toBox(w: Work): boolean {
  if (!fromTo(w)) return false;
  const s = w.msg;
  const word = s.split(' ', 1)[0] ?? '';
  if (transportIn(word, word.length) !== undefined) put(w, 'network.transport', word);
  return true;
}

/** 733101 `Object a is targeted|is attacking. Current burst rate is ...`. */
function threatObject(w: Work): boolean {
  const s = w.msg;
  const e = endAfter(s, 'Object ');
  if (e === null) return false;
  put(w, s.indexOf('is attacking') >= 0 ? 'source.address' : 'destination.address', e.addr);
  const rates = /Current burst rate is (\d+) per second, max configured rate is (\d+); Current average rate is (\d+) per second, max configured rate is (\d+); Cumulative total count is (\d+)/.exec(s);
  if (rates !== null) {
    w.c.burst = {
      object: e.addr, current_rate: rates[1], configured_rate: rates[2], avg_rate: rates[3], configured_avg_rate: rates[4],
      cumulative_count: rates[5],
    };
  }
  return true;
}

const XLATE = /^LU allocate xlate failed for (?<translation_type>\w+-\w+) (?<protocol>\w+) translation from (?<sif>[^:\s]*):(?<src>[^\s/]+)\/(?<sport>\d+) \((?<natsrc>[^\s/]+)\/(?<mapped_source_port>\d+)\) to (?<dif>[^:\s]*):(?<dst>[^\s/]+)\/(?<dport>\d+) \((?<natdst>[^\s/]+)\/(?<mapped_destination_port>\d+)\)/;

/** 210007 (FTD) LU xlate failure: the translation, both ends with their mapped addresses. */
function luXlate(w: Work): boolean {
  return match(w, XLATE);
}

/** 210022 (FTD) `LU missed n updates`. */
function luMissed(w: Work): boolean {
  const s = w.msg;
  if (!s.startsWith('LU missed ')) return false;
  vput(w, 'missed_updates_count', s.slice(10, s.indexOf(' ', 10)));
  return true;
}

export const FLOWS = table<Handler>({
  '106011': srcDstFlow, '106025': securityContext, '106026': securityContext,
  '302003': h323, '302004': h323, '302012': h323, '302033': h323, '302017': gre, '302018': gre,
  '302303': stateBypass, '302305': stateBypass,
  '303003': ftp, '303004': ftp, '303005': ftp,
  '304003': urlServer, '304004': urlServer, '304005': urlServer, '304006': urlServer, '304007': urlServer,
  '305005': srcDstFlow, '305006': srcDstFlow, '305013': srcDstFlow, '305009': translation, '305010': translation,
  '305014': fromTo, '305015': fromTo, '305016': fromTo,
  '338302': dynamicAddress, '338303': dynamicAddress,
  '401002': shun, '401003': shun, '401004': shun, '401005': shun,
  '419001': fromTo, '419003': fromTo, '500003': fromToOn, '500004': fromTo, '500005': fromTo, '507001': fromTo,
  '602101': pmtu, '710001': toBox, '710002': toBox, '710004': toBox, '710006': toBox, '710007': toBox,
  '733101': threatObject, '733102': addressAfter('host ', 'source.address'), '733103': addressAfter('host ', 'source.address'), '210007': luXlate, '210022': luMissed,
  '113042': fromTo,
});
