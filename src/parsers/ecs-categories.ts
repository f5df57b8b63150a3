/**
 * The allowed values of ECS's categorisation fields (ECS 8.x, event.kind / category / type /
 * outcome): a constant a parser file sets to one of them is checked at load, so that a typo
 * (`netwrok`) is an error with its line rather than a value no dashboard finds.
 */
export const ECS_ALLOWED: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['event.kind', new Set(['alert', 'asset', 'enrichment', 'event', 'metric', 'state', 'pipeline_error', 'signal'])],
  ['event.category', new Set(['api', 'authentication', 'configuration', 'database', 'driver', 'email', 'file', 'host', 'iam',
    'intrusion_detection', 'library', 'malware', 'network', 'package', 'process', 'registry', 'session', 'threat', 'vulnerability', 'web'])],
  ['event.type', new Set(['access', 'admin', 'allowed', 'change', 'connection', 'creation', 'deletion', 'denied', 'device', 'end',
    'error', 'group', 'indicator', 'info', 'installation', 'protocol', 'start', 'user'])],
  ['event.outcome', new Set(['failure', 'success', 'unknown'])],
]);

/** Why a constant is not an allowed value of its ECS categorisation field, or null. */
export function categoryProblem(field: string, value: unknown): string | null {
  const allowed = ECS_ALLOWED.get(field);
  if (allowed === undefined) return null;
  for (const v of Array.isArray(value) ? value : [value]) {
    if (typeof v !== 'string' || !allowed.has(v)) return `${JSON.stringify(v)} is not an ECS ${field} (${[...allowed].join(', ')})`;
  }
  return null;
}
