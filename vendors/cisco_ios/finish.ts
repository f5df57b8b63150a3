/**
 * The pipeline's common tail, run after the per-message step: addresses become `*.ip` (or
 * `*.domain` when not an IP), numbers become numbers, `network.*` totals and type, `related.*`,
 * the MAC in Elastic's form and the Community ID.
 */
import type { EcsDoc } from '../../src/core/types.js';
import { appendUnique, isIp, relatedHost, relatedIp, relatedUser, toInt, ianaNumber } from '../../src/ecs/fields.js';
import { communityId } from '../../src/ecs/community-id.js';
import { set2 } from '../../src/ecs/set-path.js';

function addressToIp(side: EcsDoc | undefined): void {
  if (side === undefined || typeof side.address !== 'string') return;
  const a = side.address.trim();
  if (isIp(a)) side.ip = a;
  else if (a !== '') side.domain = a;
}

function numberField(side: EcsDoc | undefined, key: string): void {
  if (side === undefined || typeof side[key] !== 'string') return;
  const n = toInt(side[key].trim());
  if (n === undefined) delete side[key];
  else side[key] = n;
}

export function finish(doc: EcsDoc): void {
  const src = doc.source as EcsDoc | undefined;
  const dst = doc.destination as EcsDoc | undefined;
  addressToIp(dst);
  addressToIp(src);
  numberField(src, 'port');
  numberField(src, 'packets');
  numberField(dst, 'port');
  if (src?.bytes !== undefined || dst?.bytes !== undefined) {
    set2(doc, 'network', 'bytes', (src?.bytes ?? 0) + (dst?.bytes ?? 0));
  }
  if (src?.packets !== undefined) set2(doc, 'network', 'packets', src.packets);
  const sip = src?.ip as string | undefined;
  if (sip !== undefined) {
    if (sip.includes('.')) set2(doc, 'network', 'type', 'ipv4');
    else if (doc.network?.type === undefined) set2(doc, 'network', 'type', 'ipv6');
  }
  if (typeof src?.mac === 'string') src.mac = src.mac.replace(/:/g, '-').toUpperCase();
  relatedIp(doc, sip);
  relatedIp(doc, dst?.ip);
  relatedHost(doc, src?.domain);
  relatedHost(doc, dst?.domain);
  relatedUser(doc, src?.user?.name);
  relatedUser(doc, doc.user?.name);
  communityIdOf(doc, sip, dst?.ip);
}

function communityIdOf(doc: EcsDoc, sip: string | undefined, dip: string | undefined): void {
  if (sip === undefined || dip === undefined) return;
  const net = doc.network as EcsDoc | undefined;
  let proto: number | undefined;
  if (typeof net?.transport === 'string') proto = ianaNumber(net.transport);
  else if (net?.iana_number !== undefined) proto = toInt(net.iana_number);
  if (proto === undefined || proto < 0 || proto > 255) return;
  let sp: number | undefined = doc.source?.port;
  let dp: number | undefined = doc.destination?.port;
  if (proto === 1 || proto === 58) {
    sp = toInt(doc.icmp?.type);
    dp = toInt(doc.icmp?.code);
  }
  const id = communityId(sip, dip, proto, sp, dp);
  if (id !== undefined) set2(doc, 'network', 'community_id', id);
}

export { appendUnique };
