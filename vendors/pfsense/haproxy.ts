/**
 * HAProxy's logs from the pfSense package, as Elastic's pfsense `haproxy` pipeline reads them, in
 * its order: `Connect from ip:port to ip:port (frontend/MODE)`; the HTTP log format
 * (`ip:port [date] frontend backend/server TR/Tw/Tc/Tr/Ta status bytes cookie cookie state
 * ac/fc/bc/sc/rc sq/bq {headers} {headers} "request"`); the TCP format (`... Tw/Tc/Tt bytes state
 * ac/fc/bc/sc/rc sq/bq`); the error form (`ip:port [date] frontend/bind: message`). Lines of none
 * of these shapes (start-up, health checks) give only their text.
 */
import type { EcsDoc } from '../../src/core/types.js';
import type { VendorContext } from '../../src/core/stages.js';
import { appendUnique, isIp, setField, toInt } from '../../src/ecs/fields.js';
import { setUrl } from '../../src/ecs/url.js';
import { isoTime } from '../../src/ecs/base.js';
import { zonedToEpoch } from '../../src/syslog/timezone.js';
import { set1, set2, set3 } from '../../src/ecs/set-path.js';

const MONTHS: ReadonlyMap<string, number> = new Map(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'].map((m, i) => [m, i + 1]));

/** `host:port` into side.address/ip/port; false when it is not one. */
function endpoint(doc: EcsDoc, side: string, v: string | undefined): boolean {
  if (v === undefined) return false;
  const colon = v.lastIndexOf(':');
  const port = colon > 0 ? toInt(v.slice(colon + 1)) : undefined;
  if (port === undefined || port <= 0 || port > 65535) return false;
  const host = v.slice(0, colon);
  if (host !== '-') {
    setField(doc, side + '.address', host);
    if (isIp(host)) setField(doc, side + '.ip', host);
  }
  setField(doc, side + '.port', port);
  return true;
}

/** `15/Mar/2024:10:00:00.123` in the sender's zone (the pipeline reads it in event.timezone, else UTC). */
function requestDate(doc: EcsDoc, v: string, ctx: VendorContext): void {
  const d = +v.slice(0, 2), mo = MONTHS.get(v.slice(3, 6)), y = +v.slice(7, 11);
  const hh = +v.slice(12, 14), mi = +v.slice(15, 17), ss = +v.slice(18, 20), ms = v.charCodeAt(20) === 46 ? +v.slice(21, 24) : 0;
  if (mo === undefined || !(d >= 1 && d <= 31 && y > 1970 && hh <= 23 && mi <= 59 && ss <= 60 && ms >= 0)) return;
  doc['@timestamp'] = isoTime(zonedToEpoch(y, mo, d, hh, mi, ss, ms, ctx.timezone));
}

/** `a/b/c` as longs at the given paths (a missing or non-numeric part is skipped). */
function slashLongs(doc: EcsDoc, v: string | undefined, paths: readonly (string | null)[]): boolean {
  if (v === undefined) return false;
  const parts = v.split('/');
  if (parts.length !== paths.length) return false;
  for (let i = 0; i < parts.length; i++) if (toInt(parts[i]) === undefined) return false;
  for (let i = 0; i < parts.length; i++) if (paths[i] !== null) setField(doc, paths[i]!, toInt(parts[i]));
  return true;
}

const CONNECTIONS = ['haproxy.connections.active', 'haproxy.connections.frontend', 'haproxy.connections.backend', 'haproxy.connections.server', 'haproxy.connections.retries'];
const QUEUES = ['haproxy.server_queue', 'haproxy.backend_queue'];
const HTTP_TIMERS = ['haproxy.http.request.time_wait_ms', 'haproxy.total_waiting_time_ms', 'haproxy.connection_wait_time_ms', 'haproxy.http.request.time_wait_without_data_ms', null];
const TCP_TIMERS = ['haproxy.total_waiting_time_ms', 'haproxy.connection_wait_time_ms', null];

function dash(v: string | undefined): string | undefined {
  return v === '-' ? undefined : v;
}

/** The total time (last timer) as event.duration in nanoseconds. */
function duration(doc: EcsDoc, timers: string): void {
  const n = toInt(timers.slice(timers.lastIndexOf('/') + 1));
  if (n !== undefined) set2(doc, 'event', 'duration', n * 1e6);
}

function backend(doc: EcsDoc, t: readonly string[]): void {
  set2(doc, 'haproxy', 'frontend_name', t[2]);
  const be = t[3]!, slash = be.indexOf('/');
  set2(doc, 'haproxy', 'backend_name', be.slice(0, slash));
  set2(doc, 'haproxy', 'server_name', be.slice(slash + 1));
}

/** `"GET /path?q HTTP/1.1"` and the captured headers before it. */
function request(doc: EcsDoc, s: string): void {
  const q = s.indexOf('"');
  const headers = s.slice(0, q < 0 ? s.length : q).trim();
  if (headers.startsWith('{')) {
    const close = headers.indexOf('} {');
    if (close > 0 && headers.endsWith('}')) {
      const req = headers.slice(1, close), resp = headers.slice(close + 3, -1);
      // an empty capture `{}` captures nothing
      if (req !== '') doc.haproxy.http.request.captured_headers = req.split('|');
      if (resp !== '') doc.haproxy.http.response.captured_headers = resp.split('|');
    }
  }
  if (q < 0) return;
  const line = s.slice(q + 1, s.endsWith('"') ? s.length - 1 : s.length);
  doc.haproxy.http.request.raw_request_line = line;
  const sp1 = line.indexOf(' '), sp2 = line.lastIndexOf(' ');
  if (sp1 <= 0 || sp2 <= sp1 || !line.startsWith('HTTP/', sp2 + 1)) return;
  set3(doc, 'http', 'request', 'method', line.slice(0, sp1));
  set2(doc, 'http', 'version', line.slice(sp2 + 6));
  const url: EcsDoc = {};
  setUrl(url, line.slice(sp1 + 1, sp2));
  doc.url = url;
}

function httpFormat(doc: EcsDoc, t: readonly string[], s: string): boolean {
  const status = toInt(t[5]), bytes = toInt(t[6]);
  if (status === undefined || bytes === undefined || !slashLongs({}, t[4], HTTP_TIMERS)) return false;
  if (!slashLongs({}, t[10], CONNECTIONS) || !slashLongs({}, t[11], QUEUES)) return false;
  backend(doc, t);
  slashLongs(doc, t[4], HTTP_TIMERS);
  duration(doc, t[4]!);
  set3(doc, 'http', 'response', 'status_code', status);
  set2(doc, 'haproxy', 'bytes_read', bytes);
  set3(doc, 'http', 'response', 'bytes', bytes);
  set2(doc, 'haproxy', 'http', { request: {}, response: {} });
  set1(doc.haproxy.http.request, 'captured_cookie', dash(t[7]));
  set1(doc.haproxy.http.response, 'captured_cookie', dash(t[8]));
  set2(doc, 'haproxy', 'termination_state', t[9]);
  slashLongs(doc, t[10], CONNECTIONS);
  slashLongs(doc, t[11], QUEUES);
  let rest = 0;
  for (let i = 0; i < 12; i++) rest = s.indexOf(' ', rest) + 1;
  request(doc, s.slice(rest));
  if (Object.keys(doc.haproxy.http.response).length === 0) delete doc.haproxy.http.response;
  appendUnique(doc, 'event.category', 'web');
  set2(doc, 'event', 'outcome', status < 400 ? 'success' : 'failure');
  return true;
}

function tcpFormat(doc: EcsDoc, t: readonly string[]): boolean {
  const bytes = toInt(t[5]);
  if (bytes === undefined || !slashLongs({}, t[4], TCP_TIMERS) || !slashLongs({}, t[7], CONNECTIONS) || !slashLongs({}, t[8], QUEUES)) return false;
  backend(doc, t);
  slashLongs(doc, t[4], TCP_TIMERS);
  duration(doc, t[4]!);
  set2(doc, 'haproxy', 'bytes_read', bytes);
  set2(doc, 'haproxy', 'termination_state', t[6]);
  slashLongs(doc, t[7], CONNECTIONS);
  slashLongs(doc, t[8], QUEUES);
  return true;
}

/** `frontend/bind: message`; the bind is `ip:port`, `:port` or a name. */
function errorFormat(doc: EcsDoc, t: readonly string[], s: string): boolean {
  const fb = t[2];
  const slash = fb === undefined ? -1 : fb.indexOf('/');
  if (slash <= 0) return false;
  set2(doc, 'haproxy', 'frontend_name', fb!.slice(0, slash));
  const bind = fb!.endsWith(':') ? fb!.slice(slash + 1, -1) : fb!.slice(slash + 1);
  set2(doc, 'haproxy', 'bind_name', bind);
  endpoint(doc, 'destination', bind);
  const at = s.indexOf(fb!) + fb!.length + 1;
  set2(doc, 'haproxy', 'error_message', s.slice(at));
  return true;
}

/** `Connect from ip:port to ip:port (frontend/MODE)` */
function connect(doc: EcsDoc, t: readonly string[]): boolean {
  if (t[0] !== 'Connect' || t[1] !== 'from' || !endpoint(doc, 'source', t[2])) return false;
  endpoint(doc, 'destination', t[4]);
  const fm = t[5];
  if (fm !== undefined && fm.startsWith('(') && fm.endsWith(')')) {
    const slash = fm.indexOf('/');
    set2(doc, 'haproxy', 'frontend_name', fm.slice(1, slash));
    set2(doc, 'haproxy', 'mode', fm.slice(slash + 1, -1));
    if (fm.slice(slash + 1, -1) === 'HTTP') appendUnique(doc, 'event.category', 'web');
  }
  return true;
}

export function parseHaproxy(s: string, doc: EcsDoc, ctx: VendorContext): string | null {
  const t = s.split(' ', 13);
  const date = t[1];
  if (!connect(doc, t)) {
    if (date === undefined || date.charCodeAt(0) !== 91 || !endpoint(doc, 'source', t[0])) return null;
    requestDate(doc, date.slice(1, -1), ctx);
    if (!httpFormat(doc, t, s) && !tcpFormat(doc, t)) errorFormat(doc, t, s);
  }
  if (doc.source?.address !== undefined && doc.destination?.address !== undefined) appendUnique(doc, 'event.type', 'access');
  return null;
}
