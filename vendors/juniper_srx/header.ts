/**
 * Fallback for RFC 5424 lines whose STRUCTURED-DATA is malformed (Junos writes unescaped quotes
 * and `]` in some values), which the shared header parser leaves unread: reads
 * `<PRI>1 STAMP HOST APP PID MSGID [junos@...` by fixed delimiters.
 */
import type { SyslogMessage } from '../../src/core/types.js';
import { readIsoStamp, stamp } from '../../src/syslog/timestamp.js';

export interface Header5424 {
  time: number;
  hostname: string | null;
  appname: string | null;
  procid: string | null;
  msgid: string | null;
}

function field(v: string): string | null {
  return v === '-' || v === '' ? null : v;
}

export function reread5424(msg: SyslogMessage, tz: string): Header5424 | null {
  const s = msg.raw;
  const gt = s.indexOf('>');
  if (gt < 0 || gt > 12 || s.charCodeAt(gt + 1) !== 49 /* 1 */ || s.charCodeAt(gt + 2) !== 32) return null;
  const t = gt + 3;
  const e = readIsoStamp(s, t, tz, true);
  if (e < 0 || s.charCodeAt(e) !== 32) return null;
  const time = stamp.ms;
  const parts = s.slice(e + 1, Math.min(s.length, e + 1 + 1024)).split(' ', 5);
  if (parts.length < 4) return null;
  return {
    time, hostname: field(parts[0]!), appname: field(parts[1]!), procid: field(parts[2]!), msgid: field(parts[3]!),
  };
}
