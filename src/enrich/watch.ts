/**
 * Watches a directory for files being written or renamed into place (an editor's save, geoipupdate's
 * rename, `directory-sync`'s atomic write) and calls back once per burst of events per file name.
 */
import { watch, type FSWatcher } from 'node:fs';

export interface DirWatch {
  close(): void;
}

export function watchDirectory(dir: string, accept: (name: string) => boolean, onChange: (name: string) => void, debounceMs = 250): DirWatch {
  const timers = new Map<string, NodeJS.Timeout>();
  let w: FSWatcher | null = null;
  try {
    w = watch(dir, { persistent: false }, (_ev, name) => {
      if (name === null) return;
      const n = String(name);
      if (!accept(n)) return;
      const t = timers.get(n);
      if (t) clearTimeout(t);
      timers.set(
        n,
        setTimeout(() => {
          timers.delete(n);
          onChange(n);
        }, debounceMs).unref(),
      );
    });
    w.on('error', () => undefined);
  } catch {
    w = null;
  }
  return {
    close() {
      w?.close();
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
    },
  };
}
