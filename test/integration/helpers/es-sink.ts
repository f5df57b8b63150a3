/** Shared helpers of the Elasticsearch integration tests. */
import { Client } from '@elastic/elasticsearch';
import { SenderStats } from '../../../src/core/telemetry.js';
import type { EcsDoc } from '../../../src/core/types.js';
import { WriteResult } from '../../../src/core/stages.js';
import type { ElasticsearchOutput } from '../../../src/sinks/elasticsearch/index.js';

export function uniq(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}

/** A syslog-like event with a sequence number (`labels.seq`) and a fixed receive time. */
export function event(seq: number, opts: { ts?: string; dataset?: string; sender?: string; extra?: EcsDoc } = {}): EcsDoc {
  const ts = opts.ts ?? '2024-03-15T12:00:00.000Z';
  const raw = `<134>Mar 15 12:00:00 fw1 %ASA-6-302013: Built outbound TCP connection ${seq} for outside:198.51.100.${seq % 250}/443`;
  return {
    '@timestamp': ts,
    message: raw.slice(raw.indexOf('%')),
    event: { original: raw, created: ts, dataset: opts.dataset ?? 'cisco_asa.log', code: '302013' },
    log: { source: { address: `${opts.sender ?? '10.1.1.1'}:514` }, syslog: { priority: 134 } },
    source: { ip: `198.51.100.${seq % 250}`, port: 443 },
    labels: { seq: String(seq) },
    ...(opts.extra ?? {}),
  };
}

export function statsFor(sender = '10.1.1.1'): SenderStats {
  return new SenderStats('test', sender);
}

/** Writes like a TCP source: on Full, waits for onDrain before the next write. */
export async function writeAll(out: ElasticsearchOutput, docs: Iterable<EcsDoc>, stats: SenderStats): Promise<{ full: number; rejected: number }> {
  let resume: (() => void) | null = null;
  out.onDrain(() => {
    const r = resume;
    resume = null;
    r?.();
  });
  let full = 0;
  let rejected = 0;
  for (const d of docs) {
    const r = out.write(d, stats);
    if (r === WriteResult.Rejected) rejected++;
    if (r !== WriteResult.Ok) {
      full++;
      await new Promise<void>((res) => {
        resume = res;
      });
    }
  }
  return { full, rejected };
}

export async function countDocs(client: Client, index: string): Promise<number> {
  await client.indices.refresh({ index, ignore_unavailable: true, allow_no_indices: true });
  const r = await client.count({ index, ignore_unavailable: true, allow_no_indices: true });
  return r.count;
}

/** distinct values of `field` (`labels.seq`), exactly (composite aggregation pages); throws on a duplicated one */
export async function distinctSeq(client: Client, index: string, field = 'labels.seq'): Promise<number> {
  await client.indices.refresh({ index, ignore_unavailable: true, allow_no_indices: true });
  let after: Record<string, string | number | boolean | null> | undefined;
  let distinct = 0;
  const dups: string[] = [];
  for (;;) {
    const r = await client.search({
      index, size: 0, ignore_unavailable: true, allow_no_indices: true,
      aggs: { seqs: { composite: { size: 10000, sources: [{ seq: { terms: { field } } }], ...(after ? { after } : {}) } } },
    });
    const agg = r.aggregations?.seqs as { buckets: { key: { seq: string }; doc_count: number }[]; after_key?: Record<string, string> };
    for (const b of agg.buckets) {
      distinct++;
      if (b.doc_count > 1 && dups.length < 10) dups.push(`${b.key.seq} x${b.doc_count}`);
    }
    if (agg.buckets.length === 0 || !agg.after_key) break;
    after = agg.after_key;
  }
  if (dups.length > 0) throw new Error(`duplicated events: ${dups.join(', ')}`);
  return distinct;
}

export async function waitFor(cond: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
