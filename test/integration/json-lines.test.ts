/**
 * JSON lines over TCP (`--listen json+tcp://...`) with a real client: a tiny Java program logging
 * through Debian's logback and logstash-logback-encoder's LogstashTcpSocketAppender (what Java
 * services point at Logstash's `tcp` input with the `json_lines` codec), compiled with javac here,
 * classpath from /usr/share/java. Checks the ECS mapping (`@timestamp`, `message`, `log.level`,
 * `log.logger`, `error.*`, `host.name`, `service.name`, the rest under `app.*`) and that a line that
 * is not JSON is still indexed with `event.original` and its parse status.
 */
import { execFileSync } from 'node:child_process';
import { connect } from 'node:net';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startCollector, tempDir, readOutput, waitFor, ledger, type Collector } from '../helpers/collector.js';

const JARS = [
  'logback-classic', 'logback-core', 'slf4j-api', 'logstash-logback-encoder', 'jackson-core', 'jackson-databind',
  'jackson-annotations', 'disruptor',
].map((j) => `/usr/share/java/${j}.jar`);

const JAVA_MAIN = `
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import ch.qos.logback.classic.LoggerContext;

public class LogDemo {
  public static void main(String[] args) throws Exception {
    Logger log = LoggerFactory.getLogger("com.example.checkout.PaymentService");
    log.info("order 42 accepted");
    MDC.put("order_id", "42");
    MDC.put("customer", "acme <b>corp</b>");
    log.warn("payment slow: {} ms", 1234);
    MDC.clear();
    try {
      throw new IllegalStateException("card declined");
    } catch (Exception e) {
      log.error("payment failed", e);
    }
    Logger other = LoggerFactory.getLogger("com.example.Audit");
    other.debug("debug line with \\"quotes\\" and a tab\\there");
    // stops the appender: what is queued is sent before the JVM exits
    ((LoggerContext) LoggerFactory.getILoggerFactory()).stop();
  }
}
`;

function logbackXml(port: number): string {
  return `<configuration>
  <appender name="stash" class="net.logstash.logback.appender.LogstashTcpSocketAppender">
    <destination>127.0.0.1:${port}</destination>
    <encoder class="net.logstash.logback.encoder.LogstashEncoder">
      <customFields>{"service_name":"checkout","HOSTNAME":"\${HOSTNAME}","env":"test"}</customFields>
    </encoder>
  </appender>
  <root level="DEBUG"><appender-ref ref="stash"/></root>
</configuration>
`;
}

function sendLines(port: number, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const c = connect(port, '127.0.0.1', () => c.end(text));
    c.on('close', () => resolve());
    c.on('error', reject);
  });
}

describe('json+tcp listener: JSON lines from applications', () => {
  let col: Collector;
  const out = tempDir('syslog-ecs-jsonl-');

  beforeAll(async () => {
    col = await startCollector(['--listen', 'json+tcp://127.0.0.1:0', '--output', `file:${out}`, '--http', '']);
  });
  afterAll(async () => {
    if (col && col.proc.exitCode === null) await col.stop();
  });

  test('a Java service logging with logstash-logback-encoder', () => {
    for (const j of JARS) expect(existsSync(j)).toBe(true);
    const dir = tempDir('syslog-ecs-java-');
    mkdirSync(join(dir, 'classes'));
    writeFileSync(join(dir, 'LogDemo.java'), JAVA_MAIN);
    writeFileSync(join(dir, 'classes', 'logback.xml'), logbackXml(col.port('tcp')));
    const cp = JARS.join(':');
    execFileSync('javac', ['-cp', cp, '-d', join(dir, 'classes'), join(dir, 'LogDemo.java')], { stdio: 'pipe' });
    execFileSync('java', ['-cp', `${join(dir, 'classes')}:${cp}`, 'LogDemo'], { stdio: 'pipe', timeout: 60_000 });
  }, 120_000);

  test('a line that is not JSON, and one that is not an object, are still indexed', async () => {
    await sendLines(col.port('tcp'), 'this is not json {\n[1,2,3]\n{"message":"python style","@timestamp":"2024-03-10 08:00:00,250","level":"ERROR","host":"web-1","program":"billing.py","extra":{"logger_name":"billing","stack_trace":"Traceback (most recent call last):\\n  File \\"x.py\\", line 1\\nZeroDivisionError: division by zero","func_name":"charge"},"tags":["python"]}\r\n');
  });

  test('documents mapped to ECS', async () => {
    await waitFor(() => readOutput(out).length >= 7, 20_000, '7 documents');
    const { code, stderr } = await col.stop();
    expect(code).toBe(0);
    const docs = readOutput(out);
    expect(docs).toHaveLength(7);
    const l = ledger(stderr);
    expect(l.received).toBe(7);
    expect(l.written).toBe(7);
    const by = (msg: string): Record<string, any> => {
      const d = docs.find((x) => x.message === msg);
      if (!d) throw new Error(`no document with message ${msg}: ${JSON.stringify(docs.map((x) => x.message))}`);
      return d;
    };

    const info = by('order 42 accepted');
    expect(info['@timestamp']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Math.abs(Date.parse(info['@timestamp']) - Date.now())).toBeLessThan(120_000);
    expect(info.log.level).toBe('info');
    expect(info.log.logger).toBe('com.example.checkout.PaymentService');
    expect(info.process.thread.name).toBe('main');
    expect(info.service.name).toBe('checkout');
    expect(info.host.name).toBeTruthy(); // logback's own HOSTNAME property
    expect(info.host.name).not.toContain('HOSTNAME');
    expect(info.event.dataset).toBe('json_lines');
    expect(info.event.original).toContain('"order 42 accepted"');
    expect(info.syslog_ecs).toMatchObject({ family: 'json_lines', parse: { status: 'parsed' } });
    expect(info.log.source.address).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(info.app).toMatchObject({ env: 'test', level_value: 20000 });
    expect(info.app['@version']).toBeUndefined();

    const warn = by('payment slow: 1234 ms');
    expect(warn.log.level).toBe('warn');
    expect(warn.app).toMatchObject({ order_id: '42', customer: 'acme <b>corp</b>' });

    const err = by('payment failed');
    expect(err.log.level).toBe('error');
    expect(err.error.type).toBe('java.lang.IllegalStateException');
    expect(err.error.message).toBe('card declined');
    expect(err.error.stack_trace).toContain('at LogDemo.main(LogDemo.java');

    const dbg = by('debug line with "quotes" and a tab\there');
    expect(dbg.log.level).toBe('debug');
    expect(dbg.log.logger).toBe('com.example.Audit');

    const bad = by('this is not json {');
    expect(bad.event.original).toBe('this is not json {');
    expect(bad.syslog_ecs.parse).toEqual({ status: 'unknown', step: 'invalid_json' });
    expect(bad['@timestamp']).toBe(bad.event.created); // no time of its own: the output uses the receive time
    const arr = by('[1,2,3]');
    expect(arr.syslog_ecs.parse).toEqual({ status: 'unknown', step: 'not_an_object' });

    const py = by('python style');
    expect(py['@timestamp']).toBe('2024-03-10T08:00:00.250Z');
    expect(py.log.level).toBe('error');
    expect(py.log.logger).toBe('billing');
    expect(py.host.name).toBe('web-1');
    expect(py.service.name).toBe('billing.py');
    expect(py.error).toMatchObject({ type: 'ZeroDivisionError', message: 'division by zero' });
    expect(py.tags).toEqual(['python']);
    expect(py.app).toEqual({ extra: { func_name: 'charge' } });
    expect(py.event.original.endsWith('\r')).toBe(false);
  });
});
