/**
 * iptables: Linux netfilter LOG target lines (`IN=eth0 OUT= MAC=... SRC=... DST=... PROTO=...`) as
 * plain Linux kernels, Ubiquiti EdgeOS/UniFi (`[WAN_IN-10-D]` rule labels) and other netfilter
 * based firewalls send them, normalised as Elastic's `iptables` integration does. See README.md.
 */
import { type EcsDoc, type SyslogMessage } from '../../src/core/types.js';
import { appendUnique, relatedIp, toInt } from '../../src/ecs/fields.js';
import { communityId } from '../../src/ecs/community-id.js';
import { isoTime } from '../../src/ecs/base.js';
import { readBody, sawProtocol } from './body.js';
import { set2, set3 } from '../../src/ecs/set-path.js';
import { DetectHint, type VendorParser } from '../../src/core/stages.js';

/** Ubiquiti's one-letter rule actions, and how actions map to event.type. */
const ACTION_NAMES: ReadonlyMap<string, string> = new Map([['d', 'drop'], ['a', 'accept']]);
const ACTION_TYPES: ReadonlyMap<string, string> = new Map([['drop', 'denied'], ['accept', 'allowed'], ['deny', 'denied'], ['drop_input', 'denied']]);
/** Transports Elastic's community_id processor knows by name. */
const CID_PROTOCOLS: ReadonlyMap<string, number> = new Map([
  ['icmp', 1], ['igmp', 2], ['tcp', 6], ['udp', 17], ['gre', 47], ['ipv6-icmp', 58], ['eigrp', 88], ['ospf', 89], ['pim', 103], ['sctp', 132],
]);

function isWordChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95;
}

/** Index of the `IN=` that starts the LOG text (not inside another word), -1 when none. */
function findIn(s: string): number {
  let i = s.indexOf('IN=');
  for (let tries = 0; i >= 0 && tries < 8; tries++) {
    if (i === 0 || !isWordChar(s.charCodeAt(i - 1))) return i;
    i = s.indexOf('IN=', i + 3);
  }
  return -1;
}

/** `[RULESET-NUMBER-ACTION]` right before `IN=` (EdgeOS / UniFi). */
function readUbiquiti(s: string, inAt: number, doc: EcsDoc): string | undefined {
  if (inAt < 2 || s.charCodeAt(inAt - 1) !== 93 /* ] */) return undefined;
  const open = s.lastIndexOf('[', inAt - 2);
  if (open < 0 || inAt - open > 256) return undefined;
  const label = s.slice(open + 1, inAt - 1);
  const last = label.lastIndexOf('-');
  const mid = last > 0 ? label.lastIndexOf('-', last - 1) : -1;
  if (mid < 0) return undefined;
  const ruleSet = label.slice(0, mid);
  const ruleNumber = label.slice(mid + 1, last);
  set3(doc, 'iptables', 'ubiquiti', 'rule_set', ruleSet);
  set3(doc, 'iptables', 'ubiquiti', 'rule_number', ruleNumber);
  set2(doc, 'rule', 'name', ruleSet);
  set2(doc, 'rule', 'id', ruleNumber);
  const dash = ruleSet.indexOf('-');
  if (dash >= 0) {
    const second = ruleSet.indexOf('-', dash + 1);
    const inZone = ruleSet.slice(0, dash);
    const outZone = ruleSet.slice(dash + 1, second < 0 ? ruleSet.length : second);
    set3(doc, 'iptables', 'ubiquiti', 'input_zone', inZone);
    set3(doc, 'iptables', 'ubiquiti', 'output_zone', outZone);
    set3(doc, 'observer', 'ingress', 'zone', inZone);
    set3(doc, 'observer', 'egress', 'zone', outZone);
  }
  const action = label.slice(last + 1);
  return action === '' ? undefined : action;
}

/** A word of letters, digits and `_` at the start of t, or ''. */
function leadingWord(t: string, from: number): string {
  let e = from;
  while (e < t.length && e - from < 64 && isWordChar(t.charCodeAt(e))) e++;
  return t.slice(from, e);
}

/**
 * The action named before the LOG text: `iptables DROP_INPUT:` after `kernel:`, else (no
 * `kernel:` tag) the first `WORD:` of the line (`DENY: IN=...`), as Elastic's grok reads it.
 */
function prefixAction(msg: SyslogMessage, content: string, inAt: number): string | undefined {
  if (msg.appname === 'kernel') {
    let p = content.indexOf(':') + 1;
    while (content.charCodeAt(p) === 32) p++;
    if (content.startsWith('iptables ', p)) {
      p += 9;
      while (content.charCodeAt(p) === 32) p++;
      const w = leadingWord(content, p);
      return w === '' ? undefined : w;
    }
    return undefined;
  }
  let p = 0;
  while (p < inAt) {
    const w = leadingWord(content, p);
    if (w !== '' && content.charCodeAt(p + w.length) === 58) return w;
    const sp = content.indexOf(' ', p);
    if (sp < 0 || sp >= inAt) break;
    p = sp + 1;
  }
  return undefined;
}

export const parser: VendorParser = {
  id: 'iptables',
  dataset: 'iptables.log',
  samples: [
    '<4>Mar 14 08:00:00 gw kernel: [12345.678] DROP IN=eth0 OUT= MAC=00:11:22:33:44:55:66:77:88:99:aa:bb:08:00 SRC=10.1.1.7 DST=10.2.2.9 LEN=60 TOS=0x00 PREC=0x00 TTL=52 ID=1234 DF PROTO=TCP SPT=50123 DPT=22 WINDOW=29200 RES=0x00 SYN URGP=0',
  ],
  requires: DetectHint.equals,

  detect(msg: SyslogMessage): boolean {
    const c = msg.content;
    const i = c.indexOf('IN=');
    return (i >= 0 && c.indexOf(' SRC=', i) > 0) || findUdm(c) >= 0;
  },

  parse(msg, doc, ctx): string | null {
    set2(doc, 'event', 'kind', 'event');
    set2(doc, 'event', 'category', ['network']);
    if (doc['@timestamp'] === undefined) doc['@timestamp'] = isoTime(ctx.receivedAt);
    const content = msg.content;
    if (msg.appname === 'kernel' && msg.hostname !== null) set2(doc, 'observer', 'name', msg.hostname);
    const inAt = findIn(content);
    if (inAt < 0) return udm(content, doc);
    const action = readUbiquiti(content, inAt, doc) ?? prefixAction(msg, content, inAt);
    const ok = readBody(content, inAt, doc);
    if (action !== undefined) setAction(doc, action);
    flow(doc);
    return ok ? null : 'parse_log_text';
  },
};

/** The action as Elastic's script maps it (`d` drop, `a` accept) and the event type it implies. */
function setAction(doc: EcsDoc, text: string): void {
  const lower = text.toLowerCase();
  const action = ACTION_NAMES.get(lower) ?? lower;
  set2(doc, 'event', 'action', action);
  const t = ACTION_TYPES.get(action);
  if (t !== undefined) appendUnique(doc, 'event.type', t);
}

/** `connection`, related.ip and the Community ID for the transports Elastic's processor knows. */
function flow(doc: EcsDoc): void {
  const sip = doc.source?.ip as string | undefined;
  const dip = doc.destination?.ip as string | undefined;
  relatedIp(doc, sip);
  relatedIp(doc, dip);
  if (sip === undefined || dip === undefined) return;
  appendUnique(doc, 'event.type', 'connection');
  const t = doc.network?.transport as string | undefined;
  const proto = t !== undefined ? CID_PROTOCOLS.get(t) : toInt(doc.network?.iana_number);
  if (proto === undefined) return;
  const icmp = proto === 1 || proto === 58;
  const id = communityId(
    sip, dip, proto,
    icmp ? doc.iptables?.icmp?.type : doc.source?.port,
    icmp ? doc.iptables?.icmp?.code : doc.destination?.port,
  );
  if (id !== undefined) set2(doc, 'network', 'community_id', id);
}

/** `TTL=`, ` TL=` or ` L=` before a `PROTO=`: the UniFi Dream Machine's text without IN=/SRC=. */
function findUdm(c: string): number {
  const proto = c.indexOf(' PROTO=');
  if (proto < 0) return -1;
  for (const k of UDM_KEYS) {
    const at = c.lastIndexOf(k, proto);
    if (at >= 0 && proto - at < 64) return at + 1;
  }
  return -1;
}

const UDM_KEYS = [' TTL=', ' TL=', ' L='];

/** The UniFi Dream Machine form: TTL, ID, flags and the transport, without addresses. */
function udm(content: string, doc: EcsDoc): string | null {
  const at = findUdm(content);
  if (at < 0) return 'no_log_text';
  readBody(content, at, doc);
  return sawProtocol(doc) ? null : 'parse_log_text';
}
