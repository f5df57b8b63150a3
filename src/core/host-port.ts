/** `HOST:PORT` (IPv6 as `[::1]:9102`), as `http.listen` and `--http` take it. */
import { configError } from './errors.js';

export function parseHostPort(s: string, key = 'http.listen'): { host: string; port: number } {
  const m = /^(\[[0-9a-fA-F:.]+\]|[^:\s[\]]+):(\d{1,5})$/.exec(s.trim());
  if (!m || Number(m[2]) > 65535) throw configError(`${key}: not HOST:PORT: "${s}"`);
  const host = m[1]!.startsWith('[') ? m[1]!.slice(1, -1) : m[1]!;
  return { host, port: Number(m[2]) };
}
