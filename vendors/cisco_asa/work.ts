/**
 * The per-message working state shared by the Cisco ASA and FTD parsers, and the small helpers the
 * message handlers use to fill it. `c` collects the vendor namespace (`cisco.asa.*` / `cisco.ftd.*`)
 * before it is moved into the document; `natsrc`/`natdst` and `hms` are the pipeline's temporary
 * values (mapped addresses, `h:mm:ss` duration) resolved by the finisher.
 */
import type { EcsDoc } from '../../src/core/types.js';
import { getField, setField } from '../../src/ecs/fields.js';
import { table } from '../../src/core/null-proto.js';

export type Flavor = 'asa' | 'ftd';

export interface Work {
  flavor: Flavor;
  /** six-digit message id, '' when the message had none */
  id: string;
  /** message body after `%ASA-6-302013: ` */
  msg: string;
  doc: EcsDoc;
  /** vendor namespace fields */
  c: Record<string, unknown>;
  natsrc: string | undefined;
  natdst: string | undefined;
  /** duration as written (`1:02:03`, `1h:24m:30s`, or seconds) */
  hms: string | undefined;
  /** ASA `_temp_.outcome` (106100 permitted/denied, 111004 OK/FAILED) */
  outcome: string | undefined;
  /** source/destination user-or-SGT text as written inside parentheses */
  srcUserSgt: string | undefined;
  dstUserSgt: string | undefined;
  /** key-value pairs of a 43000x security event */
  security: Record<string, string> | undefined;
  /** the syslog header's host and program, for a message without a marker */
  msgHost: string | null;
  msgApp: string | null;
}

export type Handler = (w: Work) => boolean;

/** Sets an ECS field (dotted path) on the document; empty values are skipped. */
export function put(w: Work, path: string, value: string | number | undefined): void {
  if (value === undefined || value === '') return;
  setField(w.doc, path, value);
}

/** Sets a vendor field. */
export function vput(w: Work, key: string, value: unknown): void {
  if (value === undefined || value === null || value === '') return;
  w.c[key] = value;
}

/** Appends to an ECS field, turning a scalar into an array (the FTD security-event script's appendOrCreate). */
export function putAppend(w: Work, path: string, value: string): void {
  if (value === '') return;
  const cur = getField(w.doc, path);
  if (cur === undefined) setField(w.doc, path, value);
  else if (Array.isArray(cur)) cur.push(value);
  else setField(w.doc, path, [cur, value]);
}

/** Regex handlers run only on messages up to this length (real ones are far shorter). */
export const MAX_REGEX_INPUT = 4096;

/**
 * Runs `re` on the message and writes its named groups: `src` -> source.address, `sport`, `dst`,
 * `dport`, `transport`, `sif` / `dif` (interfaces), `natsrc`/`natdst`, `hms`; other group names are
 * dotted ECS paths with `_` for `.` when they start with an ECS set, else vendor keys.
 */
export function match(w: Work, re: RegExp, s: string = w.msg): boolean {
  if (s.length > MAX_REGEX_INPUT) return false;
  const m = re.exec(s);
  if (m === null || m.groups === undefined) return false;
  const g = m.groups;
  for (const k in g) {
    const v = g[k];
    if (v === undefined || v === '') continue;
    apply(w, k, v);
  }
  return true;
}

const GROUP_PATHS = table<string>({
  src: 'source.address', sport: 'source.port', dst: 'destination.address', dport: 'destination.port',
  transport: 'network.transport', protocol: 'network.protocol', direction: 'network.direction',
  iana: 'network.iana_number', reason: 'event.reason', suser: 'source.user.name', duser: 'destination.user.name',
  sgroup: 'source.user.group.name', user: 'user.name', server_user: 'server.user.name', url: 'url.original',
  sdomain: 'source.domain', ddomain: 'destination.domain', nbytes: 'network.bytes', sbytes: 'source.bytes',
  dbytes: 'destination.bytes', smac: 'source.mac', email: 'user.email', ua: 'user_agent.original',
  client_user: 'client.user.name', file_path: 'file.path', event_id: 'event.id', net_type: 'network.type',
  sip: 'source.ip', dip: 'destination.ip', input_type: 'input.type', suser_domain: 'source.user.domain',
});

export function apply(w: Work, key: string, v: string): void {
  switch (key) {
    case 'sif': w.c.source_interface = v; return;
    case 'dif': w.c.destination_interface = v; return;
    case 'natsrc': w.natsrc = v; return;
    case 'natdst': w.natdst = v; return;
    case 'hms': w.hms = v; return;
    case 'outcome': w.outcome = v; return;
    case 'susgt': w.srcUserSgt = v; return;
    case 'dusgt': w.dstUserSgt = v; return;
    default: break;
  }
  const p = GROUP_PATHS[key];
  if (p !== undefined) setField(w.doc, p, v);
  else {
    // `burst__object` -> c.burst.object
    const j = key.indexOf('__');
    if (j < 0) w.c[key] = v;
    else {
      const outer = key.slice(0, j);
      const inner = (w.c[outer] ??= {}) as Record<string, unknown>;
      inner[key.slice(j + 2)] = v;
    }
  }
}
