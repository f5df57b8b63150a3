/** `type=traffic` logs (forward, local, multicast, sniffer), as Elastic's traffic pipeline maps them. */
import type { EcsDoc } from '../../src/core/types.js';
import type { KvMap } from '../../src/ecs/kv.js';
import { appendUnique, isIp, setField } from '../../src/ecs/fields.js';
import { append, applySteps, drop, take, type KvStep } from '../../src/ecs/kv-ops.js';

const REMOVE = ['dstport', 'tranport', 'rcvdbyte', 'rcvdpkt', 'sentbyte', 'srcport', 'sentpkt', 'transport'];

/** The pipeline's renames and conversions, line by line (the keys they read are independent). */
const TRAFFIC: readonly KvStep[] = [
  ['rename', 'dstip', 'destination.ip'],
  ['long', 'dstport', 'destination.port'],
  ['long', 'tranport', 'destination.nat.port'],
  ['long', 'rcvdbyte', 'destination.bytes'],
  ['long', 'rcvdpkt', 'destination.packets'],
  ['rename', 'dstname', 'destination.address'],
  ['rename', 'dstunauthuser', 'destination.user.name'],
  ['rename', 'group', 'source.user.group.name'],
  ['long', 'sentbyte', 'source.bytes'],
  ['rename', 'srcdomain', 'source.domain'],
  ['rename', 'srcip', 'source.ip'],
  ['rename', 'srcmac', 'source.mac'],
  ['long', 'srcport', 'source.port'],
  ['rename', 'unauthuser', 'source.user.name'],
  ['rename?', 'user', 'source.user.name'],
  ['long', 'sentpkt', 'source.packets'],
  ['long', 'transport', 'source.nat.port'],
  ['rename', 'app', 'network.application'],
  ['rename', 'filename', 'file.name'],
  ['rename?', 'logid', 'event.code'],
  ['rename', 'msg', 'message'],
  ['rename', 'comment', 'rule.description'],
  ['rename?', 'policyid', 'rule.id'],
  ['rename', 'poluuid', 'rule.uuid'],
  ['rename', 'policytype', 'rule.ruleset'],
  ['rename', 'policyname', 'rule.name'],
  ['rename', 'proto', 'network.iana_number'],
  ['rename', 'srcthreatfeed', 'threat.feed.name'],
  ['rename', 'url', 'url.path'],
];

function categorize(doc: EcsDoc, fw: KvMap): void {
  setField(doc, 'event.kind', 'event');
  const action = fw.action;
  const hasAction = action !== undefined && action !== '';
  if (hasAction) {
    setField(doc, 'event.action', action);
    setField(doc, 'event.outcome', 'success');
  }
  appendUnique(doc, 'event.category', 'network');
  append(doc, 'event.type', 'connection');
  if (action === 'start') append(doc, 'event.type', 'start');
  if (hasAction && action !== 'start') append(doc, 'event.type', 'end');
  if (fw.app !== undefined && fw.app !== '' && action !== 'deny') append(doc, 'event.type', 'protocol');
  const utm = fw.utmaction;
  if ((utm === undefined || utm === '') && action !== 'deny') append(doc, 'event.type', 'allowed');
  if (utm === 'block' || action === 'deny') append(doc, 'event.type', 'denied');
}

/** A NAT address key goes to `path` when it is an address, else it is dropped. */
function natIp(doc: EcsDoc, fw: KvMap, k: string, path: string): void {
  const v = fw[k];
  if (v !== undefined && isIp(v)) setField(doc, path, v);
  else delete fw[k];
}

export function mapTraffic(doc: EcsDoc, fw: KvMap): void {
  categorize(doc, fw);
  natIp(doc, fw, 'tranip', 'destination.nat.ip');
  natIp(doc, fw, 'transip', 'source.nat.ip');
  if (fw.dstcollectedemail) append(doc, 'email.to.address', fw.dstcollectedemail);
  if (fw.collectedemail) append(doc, 'email.from.address', fw.collectedemail);
  applySteps(doc, fw, TRAFFIC);
  const appcat = take(fw, 'appcat');
  if (appcat !== undefined) setField(doc, 'rule.category', appcat.replace(/\./g, '-'));
  const service = take(fw, 'service');
  if (service !== undefined) setField(doc, 'network.protocol', service.toLowerCase());
  drop(fw, REMOVE);
}
