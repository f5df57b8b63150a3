/**
 * The user-defined families loaded from the parser directories, as one immutable set: which to try
 * before the built-in families and which after, by id, their declared fields and datasets, and the
 * sources they were built from (parser workers rebuild the same set from them). A reload builds a
 * new set and swaps it in a ParserHolder between two messages: a message is parsed by the set it
 * was dispatched with, so none is lost or half-parsed by a change.
 */
import type { SyslogMessage } from '../core/types.js';
import type { UserFamily } from './family.js';
import { RunState } from './run-state.js';

export interface ParserSource {
  /** the file's path as given (for messages) */
  file: string;
  text: string;
  /** shipped with the collector (a user file of the same family replaces it) */
  shipped: boolean;
}

export class ParserSet {
  readonly byId = new Map<string, UserFamily>();
  private readonly before: UserFamily[];
  private readonly after: UserFamily[];

  constructor(
    readonly families: readonly UserFamily[],
    readonly sources: readonly ParserSource[],
    /** the run state the families share (one message at a time) */
    readonly state: RunState,
  ) {
    for (const f of families) this.byId.set(f.id, f);
    this.before = families.filter((f) => f.beforeBuiltin);
    this.after = families.filter((f) => !f.beforeBuiltin);
  }

  static empty(): ParserSet {
    return new ParserSet([], [], new RunState());
  }

  get hasBefore(): boolean {
    return this.before.length > 0;
  }

  /** The first family tried before the built-in ones that recognises the line. */
  pickBefore(msg: SyslogMessage, senderIp: string): UserFamily | null {
    const b = this.before;
    for (let i = 0; i < b.length; i++) if (b[i]!.matches(msg, senderIp)) return b[i]!;
    return null;
  }

  /** The first of the other families that recognises a line no built-in family claimed. */
  pickAfter(msg: SyslogMessage, senderIp: string): UserFamily | null {
    const a = this.after;
    for (let i = 0; i < a.length; i++) if (a[i]!.matches(msg, senderIp)) return a[i]!;
    return null;
  }

  /** Every declared field and its type (the index template maps them). */
  fieldTypes(): Record<string, string> {
    const out: Record<string, string> = Object.create(null) as Record<string, string>;
    for (const f of this.families) for (const [name, d] of f.fields) out[name] = d.type;
    return out;
  }

  datasets(): string[] {
    return [...new Set(this.families.map((f) => f.dataset))].sort();
  }

  describe(): string {
    return this.families.length === 0 ? 'no families' : this.families.map((f) => f.id).join(', ');
  }
}

/** The set in force; the wiring swaps it on reload (an object, so no module holds mutable state). */
export class ParserHolder {
  constructor(public current: ParserSet) {}
}
