/**
 * Squid access log lines as pfSense's squid package (native `squid` format) and OPNsense (JSON,
 * ECS-like) send them over syslog. Fields as Elastic's pfsense integration maps them: `http.*`,
 * `url.*`, `source.*`, `squid.request_status`, `squid.hierarchy_status`.
 */
import type { EcsDoc } from '../../src/core/types.js';
import { isIp, setField, toInt } from '../../src/ecs/fields.js';
import { setUrl } from '../../src/ecs/url.js';
import { set2, set3 } from '../../src/ecs/set-path.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
function obj(v: unknown): Record<string, any> | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, any>) : undefined;
}

function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v === '' || v === '-' ? undefined : v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

function outcome(doc: EcsDoc): void {
  const code = doc.http?.response?.status_code as number | undefined;
  if (code !== undefined) set2(doc, 'event', 'outcome', code < 400 ? 'success' : 'failure');
}

function address(doc: EcsDoc, side: string, v: string | undefined): void {
  if (v === undefined) return;
  setField(doc, side + '.address', v);
  if (isIp(v)) setField(doc, side + '.ip', v);
}

/** OPNsense's JSON access log. */
function parseJson(s: string, doc: EcsDoc): string | null {
  let j: Record<string, any> | undefined;
  try {
    j = obj(JSON.parse(s));
  } catch {
    return 'parse_squid_json';
  }
  if (j === undefined) return 'parse_squid_json';
  const http = obj(j.http), req = obj(http?.request), resp = obj(http?.response);
  set3(doc, 'http', 'request', 'method', str(req?.method));
  set3(doc, 'http', 'request', 'referrer', str(req?.referrer));
  const bytes = toInt(resp?.bytes);
  if (bytes !== undefined) set3(doc, 'http', 'response', 'bytes', bytes);
  const status = toInt(obj(resp?.body)?.status_code ?? resp?.status_code);
  if (status !== undefined) set3(doc, 'http', 'response', 'status_code', status);
  set3(doc, 'http', 'response', 'mime_type', str(resp?.mime_type));
  set2(doc, 'http', 'version', str(http?.version));
  address(doc, 'source', str(obj(j.source)?.ip) ?? str(obj(j.source)?.address));
  address(doc, 'destination', str(obj(j.destination)?.ip) ?? str(obj(j.destination)?.address));
  set2(doc, 'user', 'name', str(obj(j.user)?.name));
  set2(doc, 'user_agent', 'original', str(obj(j.user_agent)?.original));
  const url = str(obj(j.url)?.original);
  if (url !== undefined) squidUrl(doc, url);
  const labels = obj(j.labels);
  set2(doc, 'squid', 'request_status', str(labels?.request_status));
  set2(doc, 'squid', 'hierarchy_status', str(labels?.hierarchy_status));
  return null;
}

const STATUS = /^[A-Z_]+\/[0-9]{3}$/;

/** A URL through the one splitter (as uri_parts reads it); a CONNECT target `host:port` also as domain and port. */
function squidUrl(doc: EcsDoc, v: string): void {
  const url: EcsDoc = {};
  setUrl(url, v);
  doc.url = url;
  if (v.indexOf('://') >= 0 || v.indexOf('/') >= 0) return;
  const colon = v.lastIndexOf(':');
  const p = colon > 0 ? toInt(v.slice(colon + 1)) : undefined;
  if (p !== undefined && p > 0 && p <= 65535) {
    url.domain = v.slice(0, colon);
    url.port = p;
  }
}

/** Native format: `[time elapsed] client status/code bytes method url user hier/peer type`. */
function parseNative(s: string, doc: EcsDoc): string | null {
  const t = s.split(' ').filter((x) => x !== '');
  let i = 0;
  while (i + 1 < t.length && !STATUS.test(t[i + 1]!)) i++;
  if (i + 1 >= t.length || t.length < i + 8) return 'parse_squid';
  address(doc, 'source', t[i]);
  const st = t[i + 1]!;
  const slash = st.indexOf('/');
  set2(doc, 'squid', 'request_status', st.slice(0, slash));
  set3(doc, 'http', 'response', 'status_code', toInt(st.slice(slash + 1)));
  const bytes = toInt(t[i + 2]);
  if (bytes !== undefined) set3(doc, 'http', 'response', 'bytes', bytes);
  set3(doc, 'http', 'request', 'method', t[i + 3]);
  if (t[i + 4] !== '-') squidUrl(doc, t[i + 4]!);
  // the ident column, which Elastic's grok files as the referrer
  const user = t[i + 5]!;
  if (user !== '-') {
    set3(doc, 'http', 'request', 'referrer', user);
    set2(doc, 'user', 'name', user);
  }
  const hier = t[i + 6]!;
  const hs = hier.indexOf('/');
  set2(doc, 'squid', 'hierarchy_status', hs >= 0 ? hier.slice(0, hs) : hier);
  if (hs >= 0) address(doc, 'destination', hier.slice(hs + 1));
  if (t[i + 7] !== '-') set3(doc, 'http', 'response', 'mime_type', t[i + 7]);
  return null;
}

export function parseSquid(s: string, doc: EcsDoc): string | null {
  set2(doc, 'event', 'category', ['web']);
  const step = s.charCodeAt(0) === 123 ? parseJson(s, doc) : parseNative(s, doc);
  outcome(doc);
  return step;
}
