/**
 * A family described in a parser file, compiled: its recognition rules, its steps and its declared
 * fields. It is a VendorParser like the built-in ones, so the Processor, the counters and the
 * outputs treat its events alike: `event.dataset` is the file's (`<family>.log` by default), the
 * parse status `parsed`, or `unknown` at the step that failed.
 */
import type { EcsDoc, SyslogMessage } from '../core/types.js';
import type { VendorContext, VendorParser } from '../core/stages.js';
import type { MatchRule } from './match.js';
import { runSteps, type Step } from './steps.js';
import type { RunState } from './run-state.js';

export interface DeclaredField {
  type: string;
  description: string;
  line: number;
}

export class UserFamily implements VendorParser {
  readonly requires = 0;

  constructor(
    readonly id: string,
    readonly dataset: string,
    /** the parser file it comes from */
    readonly file: string,
    readonly description: string,
    /** tried before the built-in families (only with narrow rules: programs, starts_with, senders) */
    readonly beforeBuiltin: boolean,
    readonly rules: readonly MatchRule[],
    readonly steps: readonly Step[],
    readonly fields: ReadonlyMap<string, DeclaredField>,
    readonly samples: readonly string[],
    private readonly state: RunState,
  ) {}

  /** Recognition without a sender address (rules that name senders do not hold). */
  detect(msg: SyslogMessage): boolean {
    return this.matches(msg, '');
  }

  matches(msg: SyslogMessage, senderIp: string): boolean {
    const rules = this.rules;
    for (let i = 0; i < rules.length; i++) if (rules[i]!.test(msg, senderIp)) return true;
    return false;
  }

  /** null when a rule matches, else each rule's reason (for --explain). */
  whyNot(msg: SyslogMessage, senderIp: string): string | null {
    const reasons: string[] = [];
    for (const r of this.rules) {
      const why = r.why(msg, senderIp);
      if (why === null) return null;
      reasons.push(why);
    }
    return reasons.join('; or ');
  }

  parse(msg: SyslogMessage, doc: EcsDoc, ctx: VendorContext): string | null {
    const st = this.state;
    st.reset(doc, msg, ctx);
    return runSteps(this.steps, st);
  }
}
