/** Types shared by the PAN-OS log-type modules. */
import type { EcsDoc } from '../../src/core/types.js';

/** Column name -> value of one log line, empty columns left out. Names are Elastic's csv targets. */
export type Fields = Record<string, string>;

export interface LogType {
  /** columns after the seven header columns (receive time, serial, type, subtype, ...), in order */
  readonly columns: readonly string[];
  readonly kind: string;
  readonly category: readonly string[];
  /** writes the type's ECS fields from `f` */
  map(f: Fields, doc: EcsDoc, tz: string, subType: string): void;
}

