/**
 * How a family recognises its lines: rules of program names (`log.syslog.appname`, exact or with
 * `*` at either end), literal starts of the message (`starts_with`: the text after the program, or
 * the program and the text as written),
 * literal markers anywhere in the line, sender networks, and an optional regular expression that
 * confirms. Inside a rule every kind given must hold (one of its entries); a family matches when any
 * of its rules does. Programs are one Set lookup, markers one indexOf each, senders one cached
 * lookup per address: cheap enough to try on every line the built-in families leave.
 */
import { BlockList, isIPv6 } from 'node:net';
import type { Node } from 'yaml';
import type { SyslogMessage } from '../core/types.js';
import { guardRegex, type GuardedRegex } from './regex-guard.js';
import type { YamlReader } from './yaml-reader.js';

/** Text a confirming pattern looks at, at most: the start of a longer message. */
const MATCH_REGEX_MAX = 4096;
const SENDER_CACHE_MAX = 4096;

interface Glob {
  kind: 'prefix' | 'suffix' | 'contains';
  text: string;
}

export class MatchRule {
  readonly exact = new Set<string>();
  readonly globs: Glob[] = [];
  hasPrograms = false;
  startsWith: string[] = [];
  /** startsWith by first character: a line is compared only with the literals that start as it does */
  private byFirst = new Map<number, string[]>();
  markers: string[] = [];
  senders: { list: BlockList; text: string[] } | null = null;
  regex: GuardedRegex | null = null;
  private readonly senderCache = new Map<string, boolean>();

  /** the kinds that cost nothing on lines of other devices (allowed before the built-in families) */
  get narrow(): boolean {
    return this.hasPrograms || this.startsWith.length > 0 || this.senders !== null;
  }

  program(name: string | null): boolean {
    if (name === null) return false;
    if (this.exact.has(name)) return true;
    for (const g of this.globs) {
      if (g.kind === 'prefix' ? name.startsWith(g.text) : g.kind === 'suffix' ? name.endsWith(g.text) : name.indexOf(g.text) >= 0) return true;
    }
    return false;
  }

  setStartsWith(list: string[]): void {
    this.startsWith = list;
    this.byFirst = new Map();
    for (const s of list) {
      const c = s.charCodeAt(0);
      const l = this.byFirst.get(c);
      if (l === undefined) this.byFirst.set(c, [s]);
      else l.push(s);
    }
  }

  private starts(text: string): boolean {
    const l = this.byFirst.get(text.charCodeAt(0));
    if (l === undefined) return false;
    for (let i = 0; i < l.length; i++) if (text.startsWith(l[i]!)) return true;
    return false;
  }

  sender(ip: string): boolean {
    const s = this.senders!;
    let ok = this.senderCache.get(ip);
    if (ok === undefined) {
      try {
        ok = ip !== '' && s.list.check(ip, isIPv6(ip) ? 'ipv6' : 'ipv4');
      } catch {
        ok = false;
      }
      if (this.senderCache.size >= SENDER_CACHE_MAX) this.senderCache.clear();
      this.senderCache.set(ip, ok);
    }
    return ok;
  }

  /** null when the line matches, else why not (for --explain; the hot path calls test). */
  why(msg: SyslogMessage, ip: string): string | null {
    if (this.hasPrograms && !this.program(msg.appname)) {
      return `program ${msg.appname === null ? '(none)' : JSON.stringify(msg.appname)} is not one of ${[...this.exact, ...this.globs.map(globText)].join(', ')}`;
    }
    if (this.startsWith.length > 0 && !this.startsWith.some((s) => msg.content.startsWith(s) || msg.message.startsWith(s))) return `the message does not start with ${this.startsWith.map((s) => JSON.stringify(s)).join(' or ')}`;
    if (this.markers.length > 0 && !this.markers.some((s) => msg.raw.indexOf(s) >= 0)) return `no ${this.markers.map((s) => JSON.stringify(s)).join(' or ')} in the line`;
    if (this.senders !== null && !this.sender(ip)) return `sender ${ip || '(none)'} is not in ${this.senders.text.join(', ')}`;
    if (this.regex !== null && !this.regex.re.test(head(msg.content))) return 'the match regex does not match the message';
    return null;
  }

  test(msg: SyslogMessage, ip: string): boolean {
    if (this.hasPrograms && !this.program(msg.appname)) return false;
    if (this.startsWith.length > 0 && !this.starts(msg.content) && !this.starts(msg.message)) return false;
    if (this.markers.length > 0) {
      let ok = false;
      for (let i = 0; i < this.markers.length && !ok; i++) ok = msg.raw.indexOf(this.markers[i]!) >= 0;
      if (!ok) return false;
    }
    if (this.senders !== null && !this.sender(ip)) return false;
    if (this.regex !== null) return this.regex.re.test(head(msg.content));
    return true;
  }
}

function head(s: string): string {
  return s.length <= MATCH_REGEX_MAX ? s : s.slice(0, MATCH_REGEX_MAX);
}

function globText(g: Glob): string {
  return g.kind === 'prefix' ? g.text + '*' : g.kind === 'suffix' ? '*' + g.text : '*' + g.text + '*';
}

const RULE_KEYS = ['programs', 'starts_with', 'markers', 'senders', 'regex'];

function cidr(s: string): { addr: string; bits: number; type: 'ipv4' | 'ipv6' } | null {
  const [addr, bits, extra] = s.split('/');
  if (addr === undefined || extra !== undefined) return null;
  const v6 = isIPv6(addr);
  const max = v6 ? 128 : 32;
  const b = bits === undefined ? max : /^\d{1,3}$/.test(bits) ? Number(bits) : -1;
  if (b < 0 || b > max) return null;
  const list = new BlockList();
  try {
    list.addSubnet(addr, b, v6 ? 'ipv6' : 'ipv4');
  } catch {
    return null;
  }
  return { addr, bits: b, type: v6 ? 'ipv6' : 'ipv4' };
}

function compileRule(r: YamlReader, node: Node, path: string, regexChecked: boolean): MatchRule | null {
  const m = r.map(node, path);
  if (m === null) return null;
  r.onlyKeys(m, RULE_KEYS, path);
  const rule = new MatchRule();
  const pn = r.get(m, 'programs');
  if (pn !== undefined) {
    rule.hasPrograms = true;
    for (const p of r.strList(pn, `${path}.programs`)) {
      const lead = p.startsWith('*'), trail = p.endsWith('*') && p.length > 1;
      const text = p.slice(lead ? 1 : 0, trail ? -1 : undefined);
      if (text === '' || text.indexOf('*') >= 0) r.fail(pn, `${path}.programs`, `"${p}": a * goes only at the start or the end of a name`);
      else if (lead && trail) rule.globs.push({ kind: 'contains', text });
      else if (lead) rule.globs.push({ kind: 'suffix', text });
      else if (trail) rule.globs.push({ kind: 'prefix', text });
      else rule.exact.add(text);
    }
  }
  const sn = r.get(m, 'starts_with');
  if (sn !== undefined) rule.setStartsWith(r.strList(sn, `${path}.starts_with`).filter((s) => s !== ''));
  const mn = r.get(m, 'markers');
  if (mn !== undefined) {
    rule.markers = r.strList(mn, `${path}.markers`);
    if (rule.markers.some((s) => s.length < 2)) r.fail(mn, `${path}.markers`, 'a marker is at least 2 characters (every line would be searched for it)');
  }
  const cn = r.get(m, 'senders');
  if (cn !== undefined) {
    const list = new BlockList();
    const text: string[] = [];
    for (const s of r.strList(cn, `${path}.senders`)) {
      const c = cidr(s);
      if (c === null) r.fail(cn, `${path}.senders`, `not an IP or CIDR: "${s}"`);
      else {
        list.addSubnet(c.addr, c.bits, c.type);
        text.push(s);
      }
    }
    rule.senders = { list, text };
  }
  const rn = r.get(m, 'regex');
  if (rn !== undefined) {
    const src = r.str(rn, `${path}.regex`);
    if (src !== null) {
      const g = guardRegex(src, '', regexChecked);
      if (typeof g === 'string') r.fail(rn, `${path}.regex`, g);
      else rule.regex = g;
    }
  }
  if (!rule.hasPrograms && rule.startsWith.length === 0 && rule.markers.length === 0 && rule.senders === null) {
    r.fail(node, path, 'a rule needs programs, starts_with, markers or senders (a regex alone would run on every line)');
    return null;
  }
  return rule;
}

/** The family's `match:` (one rule or a list of rules). */
export function compileMatch(r: YamlReader, node: Node | undefined, path: string, regexChecked: boolean): MatchRule[] {
  if (node === undefined) {
    r.fail(node, path, 'is required: how lines of this family are recognised (programs, starts_with, markers, senders)');
    return [];
  }
  const items = r.isSeq(node) ? r.list(node, path) ?? [] : [node];
  const out: MatchRule[] = [];
  items.forEach((n, i) => {
    const rule = compileRule(r, n, r.isSeq(node) ? `${path}[${i}]` : path, regexChecked);
    if (rule !== null) out.push(rule);
  });
  return out;
}
