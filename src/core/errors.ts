/**
 * The error catalogue: every error the collector raises has a stable code (`COL_ERR_*`), listed in
 * docs/errors.md. Parse failures of messages are values, not errors: they never come through here.
 */

export const ERROR_CODES = {
  COL_ERR_USAGE: 'bad command line',
  COL_ERR_CONFIG: 'invalid configuration',
  COL_ERR_CONFIG_READ: 'configuration file unreadable',
  COL_ERR_GEOIP_DB: 'GeoIP database missing or corrupt',
  COL_ERR_ASSETS: 'asset inventory invalid',
  COL_ERR_LISTEN: 'listener could not start',
  COL_ERR_TLS: 'TLS settings invalid',
  COL_ERR_OUTPUT: 'output could not start',
  COL_ERR_ES_SETUP: 'Elasticsearch setup failed',
  COL_ERR_LDAP: 'directory sync failed',
  COL_ERR_PARSERS: 'parser files invalid',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class CollectorError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = 'CollectorError';
  }
}

export class UsageError extends CollectorError {
  constructor(message: string) {
    super('COL_ERR_USAGE', message);
  }
}

export function configError(message: string): CollectorError {
  return new CollectorError('COL_ERR_CONFIG', message);
}
