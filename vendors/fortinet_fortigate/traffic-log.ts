/** `type=traffic` logs (forward, local, multicast, sniffer), as Elastic maps them. */
import type { EcsDoc } from '../../src/core/types.js';
import type { KvMap } from '../../src/ecs/kv.js';
import { appendUnique, isIp, setField } from '../../src/ecs/fields.js';
import { drop, mv, num, push, take } from './ops.js';

const REMOVE = ['dstport', 'tranport', 'rcvdbyte', 'rcvdpkt', 'sentbyte', 'srcport', 'sentpkt', 'transport'];

export function mapTraffic(doc: EcsDoc, fw: KvMap): void {
  setField(doc, 'event.kind', 'event');
  const action = fw.action;
  const hasAction = action !== undefined && action !== '';
  if (hasAction) {
    setField(doc, 'event.action', action);
    setField(doc, 'event.outcome', 'success');
  }
  appendUnique(doc, 'event.category', 'network');
  push(doc, 'event.type', 'connection');
  if (action === 'start') push(doc, 'event.type', 'start');
  if (hasAction && action !== 'start') push(doc, 'event.type', 'end');
  if (fw.app !== undefined && fw.app !== '' && action !== 'deny') push(doc, 'event.type', 'protocol');
  const utm = fw.utmaction;
  if ((utm === undefined || utm === '') && action !== 'deny') push(doc, 'event.type', 'allowed');
  if (utm === 'block' || action === 'deny') push(doc, 'event.type', 'denied');

  mv(doc, fw, 'dstip', 'destination.ip');
  if (fw.tranip !== undefined && isIp(fw.tranip)) setField(doc, 'destination.nat.ip', fw.tranip);
  else delete fw.tranip;
  num(doc, fw, 'dstport', 'destination.port');
  num(doc, fw, 'tranport', 'destination.nat.port');
  num(doc, fw, 'rcvdbyte', 'destination.bytes');
  num(doc, fw, 'rcvdpkt', 'destination.packets');
  if (fw.dstcollectedemail) push(doc, 'email.to.address', fw.dstcollectedemail);
  mv(doc, fw, 'dstname', 'destination.address');
  mv(doc, fw, 'dstunauthuser', 'destination.user.name');
  mv(doc, fw, 'group', 'source.user.group.name');
  num(doc, fw, 'sentbyte', 'source.bytes');
  mv(doc, fw, 'srcdomain', 'source.domain');
  mv(doc, fw, 'srcip', 'source.ip');
  mv(doc, fw, 'srcmac', 'source.mac');
  num(doc, fw, 'srcport', 'source.port');
  mv(doc, fw, 'unauthuser', 'source.user.name');
  mv(doc, fw, 'user', 'source.user.name', true);
  if (fw.collectedemail) push(doc, 'email.from.address', fw.collectedemail);
  num(doc, fw, 'sentpkt', 'source.packets');
  if (fw.transip !== undefined && isIp(fw.transip)) setField(doc, 'source.nat.ip', fw.transip);
  else delete fw.transip;
  num(doc, fw, 'transport', 'source.nat.port');
  mv(doc, fw, 'app', 'network.application');
  mv(doc, fw, 'filename', 'file.name');
  mv(doc, fw, 'logid', 'event.code', true);
  mv(doc, fw, 'msg', 'message');
  mv(doc, fw, 'comment', 'rule.description');
  mv(doc, fw, 'policyid', 'rule.id', true);
  mv(doc, fw, 'poluuid', 'rule.uuid');
  mv(doc, fw, 'policytype', 'rule.ruleset');
  mv(doc, fw, 'policyname', 'rule.name');
  const appcat = take(fw, 'appcat');
  if (appcat !== undefined) setField(doc, 'rule.category', appcat.replace(/\./g, '-'));
  mv(doc, fw, 'proto', 'network.iana_number');
  const service = take(fw, 'service');
  if (service !== undefined) setField(doc, 'network.protocol', service.toLowerCase());
  mv(doc, fw, 'srcthreatfeed', 'threat.feed.name');
  mv(doc, fw, 'url', 'url.path');
  drop(fw, REMOVE);
}
