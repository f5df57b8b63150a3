/**
 * A dataset read from one file (the asset inventory, the user dictionary) and read again when the
 * file changes: a new file that does not load is reported and the data loaded before stays.
 */
import { basename, dirname, resolve } from 'node:path';
import { watchDirectory, type DirWatch } from './watch.js';
import type { EnrichLog } from './log.js';

export interface WatchedFileOptions<T> {
  /** reads the file; throws (a CollectorError naming the file and line) when it is bad */
  load: (file: string) => T;
  /** what the file is, for the log: `asset inventory` */
  what: string;
  /** what a load brought, for the log: `1200 entries` */
  summary: (data: T) => string;
  log: EnrichLog;
  /** called with the data of each successful reload (not the first load) */
  onReload: (data: T) => void;
}

export class WatchedFile<T> {
  readonly file: string;
  private data: T;
  private watcher: DirWatch | null = null;
  /** reloads done and rejected, for tests and metrics */
  reloads = 0;
  rejected = 0;

  /** Loads the file now (throws when it is bad); with `watch`, reloads it when it changes. */
  constructor(file: string, watch: boolean, private readonly opts: WatchedFileOptions<T>) {
    this.file = resolve(file);
    this.data = opts.load(this.file);
    const name = basename(this.file);
    if (watch) this.watcher = watchDirectory(dirname(this.file), (n) => n === name, () => this.reload());
  }

  get current(): T {
    return this.data;
  }

  /** Re-reads the file; a bad file is reported and the current data stays. Returns success. */
  reload(): boolean {
    let data: T;
    try {
      data = this.opts.load(this.file);
    } catch (e) {
      this.rejected++;
      this.opts.log('warn', `${(e as Error).message}; keeping the previous ${this.opts.what}`);
      return false;
    }
    this.data = data;
    this.opts.onReload(data);
    this.reloads++;
    this.opts.log('info', `${this.opts.what} ${this.file} loaded: ${this.opts.summary(data)}`);
    return true;
  }

  close(): void {
    this.watcher?.close();
    this.watcher = null;
  }
}
