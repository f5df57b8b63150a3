/** Types shared by the PAN-OS log-type modules. */
import type { EcsDoc } from '../../src/core/types.js';

/**
 * Column values of one log line by Elastic's csv target name, empty columns left out. Backed by an
 * array of value slots (one per distinct column name of the log type, reused from line to line)
 * and the type's name -> slot table built at load.
 */
export class Fields {
  readonly v: (string | undefined)[];
  readonly ix: ReadonlyMap<string, number>;
  constructor(ix: ReadonlyMap<string, number>) {
    this.ix = ix;
    this.v = new Array<string | undefined>(ix.size).fill(undefined);
  }
  /** the value of a column, undefined when absent or empty */
  get(name: string): string | undefined {
    const i = this.ix.get(name);
    return i === undefined ? undefined : this.v[i];
  }
  /** empties every slot for the next line */
  clear(): void {
    this.v.fill(undefined);
  }
}

export interface LogType {
  /** columns after the seven header columns (receive time, serial, type, subtype, ...), in order */
  readonly columns: readonly string[];
  readonly kind: string;
  readonly category: readonly string[];
  /** writes the type's ECS fields from `f` */
  map(f: Fields, doc: EcsDoc, tz: string, subType: string): void;
}
