/**
 * What one message's run through a family carries: the document, the temporaries, and (when a
 * run is explained) which step wrote each field. One per loaded parser set, reset per message: no
 * allocation per message beyond the values themselves.
 */
import type { EcsDoc, SyslogMessage } from '../core/types.js';
import type { VendorContext } from '../core/stages.js';
import type { FieldRef } from './field-path.js';
import { isForbiddenKey } from './field-path.js';
import { getParts, setParts } from '../ecs/fields.js';

export class RunState {
  doc: EcsDoc = {};
  msg: SyslogMessage | null = null;
  ctx: VendorContext = { timezone: 'UTC', receivedAt: 0 };
  /** temporaries by name (names from the parser file, values from the wire) */
  readonly temps = new Map<string, unknown>();
  /** field -> label of the step that wrote it last; null unless the run is explained */
  trace: Map<string, string> | null = null;
  /** why the failing step failed (filled only when the run is explained) */
  reason = '';
  /** label of the step running, for the trace */
  step = '';
  /** label of the step that failed (the innermost, when steps nest) */
  failed = '';

  reset(doc: EcsDoc, msg: SyslogMessage, ctx: VendorContext): void {
    this.doc = doc;
    this.msg = msg;
    this.ctx = ctx;
    this.temps.clear();
    this.reason = '';
    this.failed = '';
  }

  /**
   * Notes why the current step failed; callers build the text only when the run is explained
   * (`st.trace === null ? false : st.because(...)`), so a failure costs nothing otherwise.
   */
  because(why: string): false {
    this.reason = why;
    return false;
  }

  read(f: FieldRef): unknown {
    if (f.temp) {
      const v = this.temps.get(f.name);
      if (v !== undefined || this.msg === null) return v;
      // what the syslog header parser read, under names of their own: `_content` is the program and
      // text as written (RFC 3164 TAG and MSG), `_raw` the whole line
      return f.name === '_content' ? this.msg.content : f.name === '_raw' ? this.msg.raw : undefined;
    }
    return getParts(this.doc, f.parts);
  }

  /** The field as text: strings as they are, numbers and booleans written out; undefined otherwise. */
  readText(f: FieldRef): string | undefined {
    const v = this.read(f);
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    return undefined;
  }

  /** Writes a value; empty strings, null and undefined are not written (as the built-in families do). */
  write(f: FieldRef, v: unknown): void {
    if (v === undefined || v === null || v === '') return;
    if (f.temp) {
      this.temps.set(f.name, v);
      return;
    }
    // names from the parser file, checked at load: the walk never meets a prototype key
    setParts(this.doc, f.parts, v);
    if (this.trace !== null) this.trace.set(f.name, this.step);
  }

  /** The object at a field (created when absent or not an object), for steps that fill several keys. */
  objectAt(f: FieldRef): Record<string, unknown> {
    const cur = this.read(f);
    if (cur !== null && typeof cur === 'object' && !Array.isArray(cur)) {
      if (this.trace !== null) this.trace.set(f.name, this.step);
      return cur as Record<string, unknown>;
    }
    const obj: Record<string, unknown> = {};
    // write() skips empty values only: an object is written
    this.write(f, obj);
    return obj;
  }

  remove(f: FieldRef): void {
    if (f.temp) {
      this.temps.delete(f.name);
      return;
    }
    let cur: unknown = this.doc;
    const parts = f.parts;
    for (let i = 0; i < parts.length - 1; i++) {
      if (cur === null || typeof cur !== 'object') return;
      cur = (cur as Record<string, unknown>)[parts[i]!];
    }
    if (cur !== null && typeof cur === 'object') delete (cur as Record<string, unknown>)[parts[parts.length - 1]!];
    if (this.trace !== null) this.trace.delete(f.name);
  }

  /** Appends to an array field once per value (`related.ip`, `event.type`). */
  appendUnique(f: FieldRef, v: unknown): void {
    if (v === undefined || v === null || v === '') return;
    const cur = this.read(f);
    if (Array.isArray(cur)) {
      if (!cur.includes(v)) cur.push(v);
      if (this.trace !== null) this.trace.set(f.name, this.step);
    } else if (cur === undefined || cur === null) this.write(f, [v]);
    else if (cur !== v) this.write(f, [cur, v]);
  }

  /**
   * Keys named by the wire under one object (kv's `target`): a null-prototype object, the
   * forbidden keys skipped, at most `max` keys.
   */
  writeWireKeys(f: FieldRef, entries: Iterable<[string, string]>, max: number): number {
    let obj = this.read(f) as Record<string, unknown> | undefined;
    if (obj === undefined || obj === null || typeof obj !== 'object' || Array.isArray(obj)) {
      obj = Object.create(null) as Record<string, unknown>;
      this.write(f, obj);
    }
    let n = 0;
    for (const [k, v] of entries) {
      if (n >= max) break;
      if (k === '' || v === '' || isForbiddenKey(k)) continue;
      obj[k] = v;
      n++;
    }
    return n;
  }
}
