/**
 * `syslog-ecs parse --explain`: for each line, which family took it (a built-in one, a parser
 * file's, or none, and then why each parser file's family did not recognise it), the parse status
 * and the step that failed with its reason, and every field of the document with what produced it:
 * the syslog header, the step of a parser file (`kv (acme.yml:14)`), a built-in family, enrichment.
 */
import type { EcsDoc, Frame } from '../core/types.js';
import type { SenderStats } from '../core/telemetry.js';
import type { Processor } from '../pipeline/process.js';
import type { ParserHolder } from '../parsers/parser-set.js';
import { UserFamily } from '../parsers/family.js';
import { baseDocument } from '../ecs/base.js';
import { getField } from '../ecs/fields.js';

function leaves(v: unknown, path: string, out: [string, unknown][]): void {
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    for (const k of Object.keys(v)) leaves((v as Record<string, unknown>)[k], path === '' ? k : `${path}.${k}`, out);
  } else if (v !== undefined) out.push([path, v]);
}

/** The step that wrote a field or the nearest of its parents. */
function traced(trace: ReadonlyMap<string, string>, path: string): string | undefined {
  for (let p = path; ; ) {
    const t = trace.get(p);
    if (t !== undefined) return t;
    const dot = p.lastIndexOf('.');
    if (dot < 0) return undefined;
    p = p.slice(0, dot);
  }
}

/** Processes one frame as `parse` does and returns the document with its explanation. */
export function explainFrame(processor: Processor, holder: ParserHolder, frame: Frame, stats: SenderStats, n: number): { doc: EcsDoc; text: string } {
  const set = holder.current;
  const trace = new Map<string, string>();
  set.state.trace = trace;
  const prep = processor.prepare(frame, stats);
  const doc = processor.complete(prep, frame, stats);
  set.state.trace = null;
  const { msg, vendor } = prep;
  const out: string[] = [`line ${n}: ${msg.raw}`];
  const user = vendor instanceof UserFamily ? vendor : null;
  if (user !== null) out.push(`  family: ${user.id} (${user.file}${user.beforeBuiltin ? ', tried before the built-in families' : ''})`);
  else if (vendor !== null) out.push(`  family: ${vendor.id} (built-in)`);
  else {
    out.push('  family: none');
    for (const f of set.families) out.push(`    ${f.id}: ${f.whyNot(msg, frame.senderIp) ?? 'recognised, but another family came first'}`);
  }
  const parse = (doc.syslog_ecs as { parse: { status: string; step?: string } }).parse;
  out.push(`  status: ${parse.status}${parse.step !== undefined ? ` at ${parse.step}` : ''}${parse.step !== undefined && user !== null && set.state.reason !== '' ? `: ${set.state.reason}` : ''}`);
  const base = baseDocument(msg, frame, prep.tz);
  const fields: [string, unknown][] = [];
  leaves(doc, '', fields);
  const width = Math.min(40, Math.max(...fields.map(([p]) => p.length)));
  for (const [path, value] of fields) {
    const by = traced(trace, path) ??
      (path.startsWith('syslog_ecs.') || path === 'event.dataset' ? 'collector'
        : getField(base, path) !== undefined ? 'syslog header'
          : vendor !== null && user === null ? `built-in family ${vendor.id}`
            : 'enrichment');
    const shown = JSON.stringify(value);
    out.push(`    ${path.padEnd(width)}  ${shown.length > 80 ? shown.slice(0, 77) + '...' : shown}  <- ${by}`);
  }
  return { doc, text: out.join('\n') + '\n' };
}
