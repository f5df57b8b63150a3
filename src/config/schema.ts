/**
 * The configuration schema: one YAML file, snake_case keys with units. The same table validates a
 * file (errors name the key and its line), applies defaults and generates docs/configuration.md.
 */

/** `required`: a mapping that holds the field must give it (there is no default). */
export type FieldSpec = (
  | { type: 'string'; doc: string; default?: string; example?: string }
  | { type: 'int'; doc: string; default?: number; min?: number; max?: number }
  | { type: 'bool'; doc: string; default?: boolean }
  | { type: 'enum'; doc: string; values: readonly string[]; default?: string }
  | { type: 'string-list'; doc: string; default?: readonly string[] }
  /** `shorthand`: a bare `true`/`false` stands for `{<shorthand>: true/false}` */
  | { type: 'object'; doc: string; fields: Record<string, FieldSpec>; optional?: boolean; shorthand?: string }
  | { type: 'list'; doc: string; of: FieldSpec; default?: readonly unknown[] }
) & { required?: boolean };

const tlsFields: Record<string, FieldSpec> = {
  cert_file: { type: 'string', doc: 'PEM certificate chain of the listener.' },
  key_file: { type: 'string', doc: 'PEM private key of the listener.' },
  ca_file: { type: 'string', doc: 'PEM CA bundle that client certificates must chain to (mutual TLS).' },
  min_version: { type: 'enum', values: ['TLSv1.2', 'TLSv1.3'], default: 'TLSv1.2', doc: 'Lowest TLS version accepted.' },
  ciphers: { type: 'string', doc: 'OpenSSL cipher list for TLS 1.2 (TLS 1.3 suites are fixed by Node).' },
  client_auth: {
    type: 'enum', values: ['none', 'optional', 'required'], default: 'none',
    doc: 'Client certificates: `required` refuses clients without a certificate signed by `ca_file` (mutual TLS).',
  },
  handshake_timeout_ms: { type: 'int', min: 100, default: 10_000, doc: 'Time a client has to finish the TLS handshake.' },
};

/** How to reach a Kafka cluster: the same keys for the Kafka output and the Kafka listener. */
const kafkaConnectionFields: Record<string, FieldSpec> = {
  brokers: { type: 'string-list', doc: 'Bootstrap brokers (`HOST:PORT`) besides those of the URL (`kafka://HOST:PORT,HOST:PORT/TOPIC`).' },
  topic: { type: 'string', doc: 'The topic; default: the URL\'s path.' },
  client_id: { type: 'string', default: 'syslog-ecs', doc: 'Client id the brokers see (their logs, quotas).' },
  connect_timeout_ms: { type: 'int', min: 100, default: 10_000, doc: 'Time to open a connection to a broker.' },
  request_timeout_ms: { type: 'int', min: 1000, default: 30_000, doc: 'Time a broker has to answer a request (for the output: to acknowledge a batch to every in-sync replica).' },
  tls: {
    type: 'object', optional: true, doc: 'TLS to the brokers (none without this section).',
    fields: {
      ca_file: { type: 'string', doc: 'PEM CA bundle the brokers\' certificates must chain to; default: the system\'s.' },
      cert_file: { type: 'string', doc: 'PEM client certificate (mutual TLS), with key_file.' },
      key_file: { type: 'string', doc: 'PEM private key of cert_file.' },
      verify: { type: 'bool', default: true, doc: 'Check the brokers\' certificates and names; false only for tests.' },
      server_name: { type: 'string', doc: 'Name to check the certificates against (SNI); default: the broker\'s host.' },
    },
  },
  sasl: {
    type: 'object', optional: true, doc: 'SASL authentication (none without this section); the password comes from an environment variable or a file, never from this file.',
    fields: {
      mechanism: { type: 'enum', values: ['plain', 'scram-sha-256', 'scram-sha-512'], default: 'scram-sha-512', doc: 'SASL mechanism (`plain` only over TLS).' },
      username: { type: 'string', doc: 'User name.' },
      password_env: { type: 'string', doc: 'Environment variable holding the password.' },
      password_file: { type: 'string', doc: 'File holding the password (one line).' },
    },
  },
};

/** The `kafka:` section of a `kafka://` output (docs/kafka.md). */
export const kafkaOutputSpec: FieldSpec = {
  type: 'object', optional: true, doc: 'Kafka output settings (for `kafka://` URLs; docs/kafka.md).',
  fields: {
    ...kafkaConnectionFields,
    compression: { type: 'enum', values: ['none', 'gzip'], default: 'none', doc: 'Compression of the record batches.' },
    batch_bytes: { type: 'int', min: 1024, max: 16 << 20, default: 512 << 10, doc: 'A batch is sent once its records hold this many bytes (keep it under the brokers\' `message.max.bytes`, 1 MiB by default; a batch a broker refuses as too large is split).' },
    linger_ms: { type: 'int', min: 0, max: 60_000, default: 5, doc: 'Or once its first record has waited this long.' },
    max_buffered_bytes: { type: 'int', min: 1 << 20, default: 32 << 20, doc: 'Records waiting or in flight beyond this make the output full: TCP listeners stop reading, UDP drops and counts (`queue_full`) once twice this or 64 MiB more is reached.' },
    retry_backoff_ms: { type: 'int', min: 10, default: 200, doc: 'First wait before a batch the brokers did not acknowledge is sent again; it doubles up to retry_backoff_max_ms. Batches are retried for as long as the collector runs.' },
    retry_backoff_max_ms: { type: 'int', min: 10, default: 10_000, doc: 'Longest wait between two attempts.' },
    close_timeout_ms: { type: 'int', min: 0, default: 30_000, doc: 'On shutdown, how long unacknowledged records may still be sent; what is left is counted `output_error`.' },
  },
};

/** The `kafka:` section of a `kafka://` listener (docs/kafka.md). */
export const kafkaListenerSpec: FieldSpec = {
  type: 'object', optional: true, doc: 'Kafka input settings (for `kafka://` listeners of an indexer tier; docs/kafka.md).',
  fields: {
    ...kafkaConnectionFields,
    group: { type: 'string', doc: 'Consumer group; default: the URL\'s `?group=`. Indexers of one group share the topic\'s partitions.' },
    from_beginning: { type: 'bool', default: true, doc: 'A group without committed offsets starts at the oldest record (false: at the newest).' },
    commit_interval_ms: { type: 'int', min: 10, default: 1000, doc: 'How often the offsets of the records the outputs acknowledged are committed.' },
    session_timeout_ms: { type: 'int', min: 6000, default: 30_000, doc: 'A member silent this long leaves the group: its partitions go to the others.' },
    max_fetch_bytes: { type: 'int', min: 1 << 16, default: 10 << 20, doc: 'Most bytes one fetch brings (all partitions).' },
  },
};

export const listenerSpec: FieldSpec = {
  type: 'object',
  doc: 'A listener.',
  fields: {
    url: {
      type: 'string', doc: '`udp://HOST:PORT`, `tcp://HOST:PORT` or `tls://HOST:PORT` (IPv6 as `[::]`); `json+tcp://HOST:PORT` for JSON lines from applications (Logstash `json_lines`, docs/operations.md); `kafka://HOST:PORT/TOPIC?group=NAME` for an indexer tier reading what collectors wrote to Kafka (docs/kafka.md).',
      example: 'udp://0.0.0.0:5514',
    },
    name: { type: 'string', doc: 'Name in metrics and documents; defaults to the URL.' },
    timezone: { type: 'string', doc: 'Zone for timestamps without one (IANA name or `+hh:mm`); defaults to `timezone` at top level.' },
    max_message_bytes: { type: 'int', min: 480, max: 16 << 20, default: 65_536, doc: 'Longer lines and datagrams are cut to this size and tagged `truncated`. An octet-counted frame whose count is larger is refused unread and counted (drop reason `oversize`): a count cannot be trusted, and skipping it whole could swallow the messages after it.' },
    max_connections: { type: 'int', min: 1, default: 1024, doc: 'TCP/TLS: connections beyond this are refused (counted).' },
    idle_timeout_ms: { type: 'int', min: 0, default: 600_000, doc: 'TCP/TLS: a connection silent this long is closed (0: never).' },
    framing: { type: 'enum', values: ['auto', 'lf', 'octet-counting'], default: 'auto', doc: 'TCP/TLS framing (RFC 6587); `auto` decides per frame.' },
    receive_buffer_bytes: { type: 'int', min: 0, default: 64 << 20, doc: 'UDP: socket receive buffer asked of the kernel (SO_RCVBUF; Linux books twice this, capped by net.core.rmem_max: raise that to match, see docs/operations.md). It absorbs bursts: 64 MiB holds about 105k datagrams of 300 bytes (58k of 1,000 bytes); the kernel only uses it while a backlog exists.' },
    allow: { type: 'string-list', doc: 'Sender allowlist (IPs/CIDRs); empty: everyone. Others are dropped and counted (`not_allowed`).' },
    tls: { type: 'object', optional: true, doc: 'TLS settings (for `tls://`).', fields: tlsFields },
    kafka: kafkaListenerSpec,
    rate_limit: {
      type: 'object', optional: true, doc: 'Per-sender rate limit (token bucket per sender address); none by default.',
      fields: {
        events_per_s: { type: 'int', min: 1, required: true, doc: 'Sustained events per second each sender may send.' },
        burst: { type: 'int', min: 1, doc: 'Bucket depth: events a sender may send at once above the rate; default events_per_s.' },
        tcp_action: {
          type: 'enum', values: ['pause', 'drop'], default: 'pause',
          doc: 'TCP/TLS over the limit: `pause` stops reading the connection until the bucket refills (flow control, nothing dropped); `drop` drops and counts (`rate_limited`). UDP always drops and counts.',
        },
      },
    },
  },
};

export const senderSpec: FieldSpec = {
  type: 'object',
  doc: 'Settings for senders matching an IP or CIDR; the most specific match wins.',
  fields: {
    match: { type: 'string', doc: 'IP or CIDR.', example: '10.1.0.0/16' },
    family: { type: 'string', doc: 'Vendor family to parse with (skips detection), e.g. `cisco_asa`, or a family of a parser file.' },
    timezone: { type: 'string', doc: 'Zone of the devices\' clocks for stamps without one.' },
  },
};

/**
 * The `elasticsearch:` section of an `http(s)://` output. Secrets are given as an environment
 * variable's name (`*_env`) or a file (`*_file`); `ES_API_KEY`, `ES_USERNAME`/`ES_PASSWORD` and
 * `ES_CLOUD_ID` fill unset credentials.
 */
export const esFields: Record<string, FieldSpec> = {
  urls: { type: 'string-list', doc: 'More nodes of the same cluster (`http(s)://HOST:PORT`), besides the output\'s `url`.' },
  cloud_id: { type: 'string', doc: 'Elastic Cloud id (instead of URLs).' },
  cloud_id_env: { type: 'string', doc: 'Environment variable holding the Elastic Cloud id.' },
  api_key: { type: 'string', doc: 'API key (base64 `id:key`); prefer `api_key_env` or `api_key_file`.' },
  api_key_env: { type: 'string', doc: 'Environment variable holding the API key (default: `ES_API_KEY` when no credentials are given).' },
  api_key_file: { type: 'string', doc: 'File holding the API key.' },
  username: { type: 'string', doc: 'Basic authentication user (default: `ES_USERNAME`); needs a password.' },
  password: { type: 'string', doc: 'Basic authentication password; prefer `password_env` or `password_file`.' },
  password_env: { type: 'string', doc: 'Environment variable holding the password (default: `ES_PASSWORD`).' },
  password_file: { type: 'string', doc: 'File holding the password.' },
  ca_file: { type: 'string', doc: 'PEM CA bundle the cluster\'s certificate must chain to.' },
  ca_fingerprint: { type: 'string', doc: 'SHA-256 fingerprint of the cluster\'s CA (64 hex digits, colons allowed).' },
  tls_verify: { type: 'bool', default: true, doc: 'Verify the cluster\'s certificate (`false` only against test nodes).' },
  index_template: { type: 'string', doc: 'Index name template; default: the output\'s `index_template`. Names matching `logs-*-*` are refused (Elasticsearch makes them data streams: use `data_stream`).' },
  data_stream: {
    type: 'object', optional: true, shorthand: 'enabled', doc: 'Write to data streams `logs-{dataset}-{namespace}` instead of daily indices (`true` or `{enabled, namespace}`).',
    fields: {
      enabled: { type: 'bool', default: true, doc: 'Data streams on.' },
      namespace: { type: 'string', default: 'default', doc: 'Data stream namespace: lower-case letters, digits and `_`.' },
    },
  },
  flush_bytes: { type: 'int', min: 1024, max: 100 << 20, default: 5 << 20, doc: 'A bulk request is sent when this many bytes are batched.' },
  flush_interval_ms: { type: 'int', min: 1, max: 3_600_000, default: 1000, doc: '... or when its oldest event has waited this long.' },
  concurrency: { type: 'int', min: 1, max: 64, default: 2, doc: 'Bulk requests in flight at once.' },
  max_retries: { type: 'int', min: 0, max: 1000, default: 10, doc: 'Attempts after the first for a failed request or a retryable item; then the disk buffer (when there is one) or the dead-letter store.' },
  retry_backoff_ms: { type: 'int', min: 1, max: 600_000, default: 250, doc: 'First retry delay; doubles per attempt with jitter.' },
  retry_backoff_max_ms: { type: 'int', min: 1, max: 3_600_000, default: 30_000, doc: 'Longest retry delay (at least `retry_backoff_ms`).' },
  queue_max_events: { type: 'int', min: 1, max: 100_000_000, default: 10_000, doc: 'Events held in memory (batched and in flight) before the output reports full: TCP listeners stop reading, the overflow goes to the disk buffer.' },
  queue_max_bytes: { type: 'int', min: 1 << 20, max: 1 << 30, default: 32 << 20, doc: 'The same bound in bytes of bulk entries; whichever is reached first. Without a disk buffer, what paused sources still deliver is taken up to as much again, then refused (UDP counts `queue_full`).' },
  request_timeout_ms: { type: 'int', min: 100, max: 3_600_000, default: 60_000, doc: 'A bulk request not answered within this is retried.' },
  compression: { type: 'bool', default: false, doc: 'gzip request bodies.' },
  disk_buffer: {
    type: 'object', optional: true, doc: 'On-disk overflow buffer: segment files, synced before acknowledgement, replayed in order when Elasticsearch is back, kept across restarts. Off by default.',
    fields: {
      path: { type: 'string', required: true, doc: 'Directory of the segment files (one per output).' },
      max_bytes: { type: 'int', min: 1 << 20, default: 1 << 30, doc: 'Bytes on disk at most; past it UDP counts `queue_full` and TCP stays paused.' },
      segment_bytes: { type: 'int', min: 1 << 16, doc: 'Segment file size; default an eighth of `max_bytes` within 1-64 MiB.' },
    },
  },
  dead_letter: {
    type: 'object', optional: true, doc: 'Where refused events go, with the reason: an index and/or a file (the file takes what the index refuses). Default: the index `syslog-ecs-dead-letter`.',
    fields: {
      index: { type: 'string', doc: 'Dead-letter index.' },
      file: { type: 'string', doc: 'Dead-letter NDJSON file.' },
    },
  },
  setup_templates: { type: 'bool', default: true, doc: 'Install the index templates at start (or later, when the cluster first answers).' },
  template_name: { type: 'string', default: 'syslog-ecs', doc: 'Prefix of the index and component template names.' },
};

export const outputSpec: FieldSpec = {
  type: 'object',
  doc: 'An output. File and stdout take the keys below; `http(s)://` outputs take the Elasticsearch keys (docs/configuration.md, Elasticsearch); `kafka://` outputs the `kafka:` keys.',
  fields: {
    url: { type: 'string', doc: '`file:DIR`, `stdout`, `http(s)://HOST:PORT` (Elasticsearch) or `kafka://HOST:PORT/TOPIC` (docs/kafka.md).', example: 'file:./data' },
    flush_interval_ms: { type: 'int', min: 10, default: 1000, doc: 'File output: buffered events are written at least this often.' },
    flush_bytes: { type: 'int', min: 1024, default: 1 << 20, doc: 'File output: write when this many bytes are buffered.' },
    max_buffered_bytes: { type: 'int', min: 1 << 16, default: 32 << 20, doc: 'File output: above this the sources are paused (TCP) or drop and count (UDP). As much memory in 1 MiB blocks stays with the output for reuse while it is busy (fresh memory costs a page fault per 4 KiB, dear on virtual machines); after a minute without writes it keeps 8 MiB.' },
    index_template: { type: 'string', doc: 'File name (and Elasticsearch index) template.', default: 'syslog-ecs-{dataset}-{yyyy.MM.dd}' },
    elasticsearch: { type: 'object', optional: true, doc: 'Elasticsearch output settings (for `http(s)://` URLs; docs/elasticsearch.md).', fields: esFields },
    kafka: kafkaOutputSpec,
  },
};

export const configSpec: Record<string, FieldSpec> = {
  timezone: { type: 'string', default: 'UTC', doc: 'Default zone for timestamps that carry none.' },
  listeners: {
    type: 'list', of: listenerSpec, doc: 'Where syslog is received.',
    default: [{ url: 'udp://[::]:5514' }, { url: 'tcp://[::]:5514' }],
  },
  senders: { type: 'list', of: senderSpec, default: [], doc: 'Per-sender family and timezone overrides.' },
  parsers_dir: {
    type: 'string',
    doc: 'Directory of parser files: families described in YAML, one `*.yml` a family (docs/parsers.md), tried on lines no built-in family claims (or before, when a file says so), besides those shipped in `parsers/`. A file of a shipped family\'s name replaces it. Validated at start and by `check-config`; reloaded when the directory changes and on SIGHUP (a bad edit keeps the families in force and says why).',
    example: '/etc/syslog-ecs/parsers',
  },
  outputs: { type: 'list', of: outputSpec, default: [{ url: 'file:./data' }], doc: 'Where events go; the first is the primary output whose outcomes the loss ledger counts.' },
  pipeline: {
    type: 'object', optional: true, doc: 'Processing.',
    fields: {
      workers: { type: 'int', min: 0, max: 64, default: 0, doc: 'Parser worker threads; the main thread then keeps sockets and outputs. 0 (default): parse on the main thread, the leanest for plain syslog. Workers pay when vendor parsing dominates, above all on a port that many device families share: a worker makes each batch\'s documents parser by parser. Figures in docs/operations.md (parser workers).' },

      shutdown_grace_ms: { type: 'int', min: 0, default: 2000, doc: 'On SIGTERM, how long open TCP connections may still deliver before they are closed.' },
      event_original: {
        type: 'enum', values: ['always', 'on_failure'], default: 'always',
        doc: 'Whether documents keep the raw line in `event.original`. `always` (default; what Elastic\'s integrations do with `preserve_original_event`); `on_failure`: only for events no vendor parser read in full (parse status `unknown`, `parser_error` or `syslog_only`), as the integrations do by default: parsed documents are then about a fifth smaller (1,741 to 1,398 bytes of JSON on average over our fixtures).',
      },
    },
  },
  enrich: {
    type: 'object', optional: true, doc: 'Enrichment.',
    fields: {
      geoip: {
        type: 'object', optional: true, doc: 'GeoIP (MaxMind .mmdb).',
        fields: {
          directory: { type: 'string', default: 'geoip', doc: 'Directory with GeoLite2/GeoIP2 City and ASN databases (told apart by their metadata).' },
          city_database: { type: 'string', doc: 'City (or Country) .mmdb file, relative to `directory`; default: the best one found there.' },
          asn_database: { type: 'string', doc: 'ASN (or ISP) .mmdb file, relative to `directory`; default: the one found there.' },
          cache_entries: { type: 'int', min: 0, default: 100_000, doc: 'Addresses whose GeoIP and inventory answers are kept (at most this many; 0: none).' },
        },
      },
      assets: {
        type: 'object', optional: true, doc: 'Asset inventory (CSV or YAML): columns and what events get in docs/enrichment.md.',
        fields: { file: { type: 'string', doc: 'Inventory file; reloaded on change.' } },
      },
      users: {
        type: 'object', optional: true, doc: 'User dictionary from `syslog-ecs directory-sync` (docs/enrichment.md).',
        fields: { file: { type: 'string', doc: 'users.yaml; reloaded on change.' } },
      },
    },
  },
  http: {
    type: 'object', optional: true, doc: 'Health, metrics and status page.',
    fields: {
      listen: { type: 'string', default: '127.0.0.1:9102', doc: '`HOST:PORT` of /health, /metrics and the status page; empty to disable.' },
      metrics_max_senders: { type: 'int', min: 0, max: 100_000, default: 1000, doc: 'Senders per listener with /metrics series of their own (the first seen); the others are summed under `sender="other"`, so a flood of spoofed addresses cannot grow the scrape. The status page lists them all.' },
    },
  },
};
