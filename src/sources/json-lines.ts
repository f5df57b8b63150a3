/**
 * JSON lines over TCP (`--listen json+tcp://HOST:PORT`): what applications send to Logstash's `tcp`
 * input with the `json_lines` codec (logstash-logback-encoder's LogstashTcpSocketAppender, Python's
 * python-logstash-async AsynchronousLogstashHandler, winston/pino Logstash transports; port 5000 by
 * convention). One JSON object per line (TcpSource with framing `lf`), mapped to ECS:
 *
 * | JSON (first found)                                              | ECS                          |
 * | --------------------------------------------------------------- | ---------------------------- |
 * | `@timestamp`, `timestamp`, `time` (ISO 8601 or epoch ms)         | `@timestamp`                 |
 * | `message`, `msg`                                                 | `message`                    |
 * | `level`, `log.level`, `levelname`, `severity`                    | `log.level` (lower case)     |
 * | `logger_name`, `logger`, `log.logger`                            | `log.logger`                 |
 * | `thread_name`, `thread`                                          | `process.thread.name`        |
 * | `stack_trace`, `exception`, `exc_info`, `error.stack_trace`      | `error.stack_trace`, `error.type`, `error.message` |
 * | `host.name`, `HOSTNAME`, `hostname`, `host`, `logsource`         | `host.name`                  |
 * | `service.name`, `service_name`, `app_name`, `application`, `appname`, `program` | `service.name` |
 * | `pid`, `process_id`, `process.pid`                               | `process.pid`                |
 * | `tags` (strings)                                                  | `tags`                       |
 *
 * Python's handler nests its details under `extra` (`extra.logger_name`, `extra.stack_trace`,
 * `extra.thread_name`...): looked up there too. Everything else is kept, as sent, under `app.*`
 * (the JSON's own structure; `@version` dropped). A line that is not a JSON object is still indexed:
 * `message` and `event.original` hold the line, `syslog_ecs.parse.status` is `unknown` with step
 * `invalid_json` (or `not_an_object`). Like every event, `event.original` keeps the line (the
 * Elasticsearch output derives its idempotent `_id` from it), `event.dataset` is `json_lines`.
 * Nothing in the JSON is evaluated: it is read by JSON.parse and copied.
 */
import type { EcsDoc, Frame } from '../core/types.js';
import type { SenderStats, Telemetry } from '../core/telemetry.js';
import { isoTime } from '../ecs/base.js';
import type { FrameProcessor, Enricher } from '../core/stages.js';

export const JSON_LINES_FAMILY = 'json_lines';
export const JSON_LINES_DATASET = 'json_lines';
/** where fields that have no ECS home go */
export const JSON_LINES_NAMESPACE = 'app';

export interface JsonLinesOptions {
  telemetry: Telemetry;
  enrichers?: readonly Enricher[];
}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Takes the first present key (removing it from `o`); also looks into `o.extra` (Python). */
function take(o: Obj, keys: readonly string[]): unknown {
  for (const k of keys) {
    if (k in o && o[k] !== null && o[k] !== undefined && o[k] !== '') {
      const v = o[k];
      delete o[k];
      return v;
    }
  }
  const extra = o.extra;
  if (isObj(extra)) {
    for (const k of keys) {
      if (k in extra && extra[k] !== null && extra[k] !== undefined && extra[k] !== '') {
        const v = extra[k];
        delete extra[k];
        return v;
      }
    }
  }
  return undefined;
}

/** Reads a nested ECS-style value (`{"log":{"level":..}}`), removing it. */
function takeNested(o: Obj, a: string, b: string): unknown {
  const parent = o[a];
  if (!isObj(parent) || !(b in parent)) return undefined;
  const v = parent[b];
  delete parent[b];
  if (Object.keys(parent).length === 0) delete o[a];
  return v;
}

function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

/** ISO 8601 text or epoch (seconds or milliseconds) -> ISO in UTC; undefined when unreadable. */
export function readTimestamp(v: unknown): string | undefined {
  let ms: number;
  if (typeof v === 'number' && Number.isFinite(v)) ms = v < 1e11 ? v * 1000 : v;
  else if (typeof v === 'string' && v.length <= 64 && /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(v)) {
    // "2024-03-10 08:00:00,123" (Python's asctime) -> ISO; no zone means UTC
    let t = v.replace(' ', 'T').replace(/,(\d+)/, '.$1');
    if (!/(Z|[+-]\d{2}:?\d{2})$/.test(t)) t += 'Z';
    ms = Date.parse(t);
  } else return undefined;
  if (!Number.isFinite(ms)) return undefined;
  const iso = new Date(ms).toISOString();
  return iso;
}

/** Java/Python stack trace -> type and message of the first line (`java.lang.IllegalStateException: boom`). */
export function errorFromStack(stack: string): { type?: string; message?: string } {
  let first = stack.split('\n', 1)[0]!.trim();
  // Python: the type and message are on the last line of the traceback
  if (first.startsWith('Traceback (most recent call last)')) {
    const lines = stack.trimEnd().split('\n');
    first = lines[lines.length - 1]!.trim();
  }
  const m = /^([A-Za-z_$][\w$.]*(?:Error|Exception|Throwable|Interrupt|Exit|Warning|[A-Z]\w*)):\s?(.*)$/.exec(first);
  if (m) return { type: m[1]!, message: m[2]! };
  if (/^[A-Za-z_$][\w$.]*$/.test(first)) return { type: first };
  return {};
}

export class JsonLinesProcessor implements FrameProcessor {
  constructor(private readonly opts: JsonLinesOptions) {}

  process(frame: Frame, stats: SenderStats): EcsDoc {
    stats.received++;
    stats.lastSeen = frame.receivedAt;
    stats.family = JSON_LINES_FAMILY;
    if (frame.truncated) stats.truncated++;
    let line = frame.data.toString('utf8');
    if (line.endsWith('\r')) line = line.slice(0, -1);
    const doc: EcsDoc = {
      event: { original: line, created: isoTime(frame.receivedAt), dataset: JSON_LINES_DATASET },
    };
    if (frame.senderIp !== '') doc.log = { source: { address: frame.senderIp + ':' + frame.senderPort } };
    let parsed: unknown;
    let step: string | null = null;
    try {
      parsed = JSON.parse(line);
      if (!isObj(parsed)) step = 'not_an_object';
    } catch {
      step = 'invalid_json';
    }
    if (step === null) this.map(parsed as Obj, doc);
    else doc.message = line;
    if (frame.truncated) doc.tags = [...(Array.isArray(doc.tags) ? doc.tags as string[] : []), 'truncated'];
    if (step === null) stats.parsed++;
    else stats.unknown++;
    doc.syslog_ecs = {
      family: JSON_LINES_FAMILY,
      parse: step === null ? { status: 'parsed' } : { status: 'unknown', step },
      listener: frame.listener,
    };
    const enrichers = this.opts.enrichers ?? [];
    for (let i = 0; i < enrichers.length; i++) enrichers[i]!.enrich(doc, frame.senderIp);
    if (step !== null) this.opts.telemetry.sampleUnparsed(stats, line, doc, frame.receivedAt);
    return doc;
  }

  /** Moves the known fields of `o` to their ECS homes; the rest goes under `app`. */
  private map(o: Obj, doc: EcsDoc): void {
    delete o['@version'];
    const ts = readTimestamp(take(o, ['@timestamp', 'timestamp', 'time', 'ts']));
    if (ts !== undefined) doc['@timestamp'] = ts;
    const message = str(take(o, ['message', 'msg', '@message']));
    if (message !== undefined) doc.message = message;

    const log: EcsDoc = doc.log ?? {};
    const level = str(take(o, ['log.level', 'level', 'levelname', 'severity', 'loglevel']) ?? takeNested(o, 'log', 'level'));
    if (level !== undefined) log.level = level.toLowerCase();
    const logger = str(take(o, ['log.logger', 'logger_name', 'logger', 'loggerName']) ?? takeNested(o, 'log', 'logger'));
    if (logger !== undefined) log.logger = logger;
    if (Object.keys(log).length > 0) doc.log = log;

    const thread = str(take(o, ['thread_name', 'thread', 'threadName', 'process.thread.name']));
    const pidRaw = take(o, ['process.pid', 'pid', 'process_id']) ?? takeNested(o, 'process', 'pid');
    const pid = typeof pidRaw === 'number' ? pidRaw : typeof pidRaw === 'string' && /^\d{1,10}$/.test(pidRaw) ? Number(pidRaw) : undefined;
    if (thread !== undefined || pid !== undefined) {
      doc.process = {};
      if (pid !== undefined) doc.process.pid = pid;
      if (thread !== undefined) doc.process.thread = { name: thread };
    }

    const stackRaw = take(o, ['error.stack_trace', 'stack_trace', 'stackTrace', 'exception', 'exc_info', 'exc_text', 'stack'])
      ?? takeNested(o, 'error', 'stack_trace');
    let stack = str(stackRaw);
    if (stack === undefined && isObj(stackRaw)) {
      // {"exception": {"exception_class": ..., "exception_message": ..., "stacktrace": ...}} (logstash-logback variants)
      const cls = str(stackRaw.exception_class ?? stackRaw.class ?? stackRaw.type);
      const msg = str(stackRaw.exception_message ?? stackRaw.message);
      stack = str(stackRaw.stacktrace ?? stackRaw.stack_trace) ?? (cls !== undefined ? `${cls}${msg !== undefined ? ': ' + msg : ''}` : undefined);
    }
    const errType = str(take(o, ['error.type', 'exception_class', 'exc_type']) ?? takeNested(o, 'error', 'type'));
    const errMessage = str(take(o, ['error.message', 'exception_message', 'exc_message']) ?? takeNested(o, 'error', 'message'));
    if (stack !== undefined || errType !== undefined || errMessage !== undefined) {
      const fromStack = stack !== undefined ? errorFromStack(stack) : {};
      const error: EcsDoc = {};
      if (errType ?? fromStack.type) error.type = errType ?? fromStack.type;
      if (errMessage ?? fromStack.message) error.message = errMessage ?? fromStack.message;
      if (stack !== undefined) error.stack_trace = stack;
      doc.error = error;
    }

    const hostRaw = take(o, ['host.name', 'HOSTNAME', 'hostname', 'host', 'logsource', 'source_host']);
    const host = isObj(hostRaw) ? str(hostRaw.name ?? hostRaw.hostname) : str(hostRaw);
    if (host !== undefined) doc.host = { name: host };
    const service = str(take(o, ['service.name', 'service_name', 'app_name', 'application', 'appname', 'program'])
      ?? takeNested(o, 'service', 'name'));
    if (service !== undefined) doc.service = { name: service };

    const tags = o.tags;
    if (Array.isArray(tags) && tags.every((t) => typeof t === 'string')) {
      doc.tags = tags;
      delete o.tags;
    }
    const extra = o.extra;
    if (isObj(extra) && Object.keys(extra).length === 0) delete o.extra;
    if (Object.keys(o).length > 0) doc[JSON_LINES_NAMESPACE] = o;
  }
}
