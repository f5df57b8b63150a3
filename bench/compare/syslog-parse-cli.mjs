#!/usr/bin/env node
/**
 * The npm package `syslog-parse` behind the same `parse` interface as syslog-ecs, so the shared
 * scorers can measure it beside our parser:
 *   ../shared/tools/syslog-rfc-score --cli 'node bench/compare/syslog-parse-cli.mjs' --cases ../shared/corpus/syslog-rfc/cases.jsonl
 * Reads the octet-counted (or LF) stream, prints one JSON document per message with the fields
 * mapped to the ECS names the scorer reads. A message it cannot parse still gets its document
 * (event.original only), as the scorer requires.
 */
import { readFileSync } from 'node:fs';
import syslogParse from 'syslog-parse';

const args = process.argv.slice(2);
const octet = args.includes('octet-counting');
const file = args[args.length - 1];
const buf = readFileSync(file === '-' ? 0 : file);

function frames() {
  const out = [];
  if (!octet) return buf.toString('utf8').split('\n').filter((l) => l.trim() !== '');
  let p = 0;
  while (p < buf.length) {
    const sp = buf.indexOf(32, p);
    const n = Number(buf.subarray(p, sp).toString('latin1'));
    out.push(buf.subarray(sp + 1, sp + 1 + n).toString('utf8'));
    p = sp + 1 + n;
  }
  return out;
}

let out = '';
for (const raw of frames()) {
  const r = syslogParse(raw);
  const doc = { event: { original: raw } };
  if (r) {
    doc['@timestamp'] = r.time.toISOString();
    doc.message = r.message;
    doc.log = { syslog: { priority: r.priority, facility: { code: r.facilityCode }, severity: { code: r.severityCode }, hostname: r.host || undefined, appname: r.process, procid: r.pid === undefined ? undefined : String(r.pid) } };
  }
  out += JSON.stringify(doc) + '\n';
}
process.stdout.write(out);
