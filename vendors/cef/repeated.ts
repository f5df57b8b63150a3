/**
 * rsyslog folds repeated lines into `message repeated N times: [ <message> ]`: the event that starts
 * at `at` then ends before the wrapper's closing bracket.
 */
export function withoutRepeatWrapper(raw: string, at: number): string {
  if (raw.charCodeAt(raw.length - 1) !== 93) return raw;
  const w = raw.lastIndexOf('message repeated ', at);
  return w >= 0 && raw.charCodeAt(at - 1) === 32 && raw.charCodeAt(at - 2) === 91 ? raw.slice(0, -1) : raw;
}
