/**
 * The dead-letter store: events Elasticsearch refused (mapping conflicts and other 4xx), or that
 * could not be written within the retry budget, with the reason and the original event.
 *
 * Index mode writes `{@timestamp, message, error: {type, reason}, dead_letter: {index, id, status,
 * attempts}, event: {original}}` with op_type `create` and the event's own `_id` (a replay does not
 * duplicate); the original document is kept as a JSON string that nothing indexes, so it cannot
 * conflict again. File mode appends the same record as one NDJSON line, with the original event as
 * an object under `event.original`, and fsyncs. With both, the file takes what the index refuses.
 */
import { appendFileSync, mkdirSync, openSync, closeSync, fsyncSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Entry } from './encoder.js';
import type { BulkService } from './service.js';
import { describeError } from './retry.js';

export interface DeadLetterRecord {
  entry: Entry;
  /** HTTP status of the item (0 when the request as a whole failed) */
  status: number;
  type: string;
  reason: string;
  attempts: number;
}

export interface DeadLetterOptions {
  index: string | null;
  file: string | null;
}

/** The dead-letter document of a record, as JSON text. `inlineOriginal`: the event as an object (file mode). */
export function deadLetterJson(r: DeadLetterRecord, now: string, inlineOriginal: boolean): string {
  const doc = r.entry.json;
  const meta = {
    '@timestamp': now,
    message: `${r.type}: ${r.reason}`,
    error: { type: r.type, message: r.reason },
    dead_letter: { index: r.entry.index, id: r.entry.id, status: r.status, attempts: r.attempts },
  };
  const head = JSON.stringify(meta);
  return head.slice(0, -1) + ',"event":{"original":' + (inlineOriginal ? doc : JSON.stringify(doc)) + '}}';
}

export class DeadLetterStore {
  constructor(
    private readonly opts: DeadLetterOptions,
    private readonly bulk: BulkService | null,
  ) {
    if (opts.file !== null) mkdirSync(dirname(opts.file), { recursive: true });
  }

  get description(): string {
    return [this.opts.index !== null ? `index ${this.opts.index}` : '', this.opts.file !== null ? `file ${this.opts.file}` : '']
      .filter(Boolean).join(', then ');
  }

  /**
   * Stores records; returns for each whether it was stored. Never throws. `indexUsable: false`
   * skips the index (Elasticsearch is unreachable) and goes straight to the file.
   */
  async store(records: readonly DeadLetterRecord[], indexUsable = true): Promise<boolean[]> {
    const stored = records.map(() => false);
    if (records.length === 0) return stored;
    const now = new Date().toISOString();
    let lastError = '';
    if (this.opts.index !== null && this.bulk !== null && indexUsable) {
      const index = this.opts.index;
      const prefix = '{"create":{"_index":' + JSON.stringify(index) + ',"_id":';
      let body = '';
      for (const r of records) body += prefix + JSON.stringify(r.entry.id) + '}}\n' + deadLetterJson(r, now, false) + '\n';
      try {
        const res = await this.bulk.bulk(body);
        records.forEach((_r, i) => {
          const it = res.items?.[i];
          if (it === undefined || (it.status >= 200 && it.status < 300) || it.status === 409) stored[i] = true;
          else lastError = `${it.status} ${it.error?.type ?? ''}: ${it.error?.reason ?? ''}`;
        });
      } catch (e) {
        lastError = describeError(e);
      }
    }
    if (this.opts.file !== null) {
      let text = '';
      const idx: number[] = [];
      records.forEach((r, i) => {
        if (!stored[i]) {
          text += deadLetterJson(r, now, true) + '\n';
          idx.push(i);
        }
      });
      if (idx.length > 0) {
        try {
          appendFileSync(this.opts.file, text);
          const fd = openSync(this.opts.file, 'r');
          try {
            fsyncSync(fd);
          } finally {
            closeSync(fd);
          }
          for (const i of idx) stored[i] = true;
        } catch (e) {
          lastError = describeError(e);
        }
      }
    }
    if (stored.some((s) => !s)) {
      process.stderr.write(`syslog-ecs: elasticsearch: dead-letter store (${this.description}) failed: ${lastError}\n`);
    }
    return stored;
  }
}
