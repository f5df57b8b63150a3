/**
 * Settings of the Elasticsearch output. They are read from the `elasticsearch:` section of the one
 * configuration schema (src/config/schema.ts) by src/config/elasticsearch.ts.
 */

export interface EsAuth {
  apiKey?: string;
  username?: string;
  password?: string;
}

export interface EsTls {
  caFile?: string;
  /** PEM text read from ca_file */
  ca?: string;
  caFingerprint?: string;
  /** false only with `tls_verify: false` (tests against self-signed nodes) */
  rejectUnauthorized: boolean;
}

export interface EsSettings {
  /** node URLs (one or more), or empty with cloudId */
  urls: string[];
  cloudId?: string;
  auth: EsAuth;
  tls: EsTls;
  /** index name template (time-based indices): `syslog-ecs-{dataset}-{yyyy.MM.dd}` */
  indexTemplate: string;
  dataStream: { enabled: boolean; namespace: string };
  /** a bulk request is sent when this many bytes are batched */
  flushBytes: number;
  /** ... or when the oldest batched event is this old */
  flushIntervalMs: number;
  /** bulk requests in flight at once */
  concurrency: number;
  /** attempts after the first for a failed request or a retryable item */
  maxRetries: number;
  /** first backoff; doubles per attempt with full jitter, capped at retryBackoffMaxMs */
  retryBackoffMs: number;
  retryBackoffMaxMs: number;
  /** events held in memory (batched + in flight) before the output reports Full */
  queueMaxEvents: number;
  /** the same bound in bytes of bulk entries */
  queueMaxBytes: number;
  requestTimeoutMs: number;
  compression: boolean;
  diskBuffer: { path: string; maxBytes: number; segmentBytes: number } | null;
  deadLetter: { index: string | null; file: string | null };
  setupTemplates: boolean;
  /** index template name prefix and component template names start with this */
  templateName: string;
  /** the datasets events may carry (data stream templates are made for each); set by the wiring, not a config key */
  datasets: readonly string[];
  /** fields parser files declare, with their types (mapped beside ECS and the built-in families'); set by the wiring */
  extraFields: Readonly<Record<string, string>>;
}
