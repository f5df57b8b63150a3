/**
 * event.kind / outcome / category / type / action of the RT_* processes, as Elastic's sub-pipelines
 * set them from the tag (and, for RT_AAMW and RT_SECINTEL, the action; for RT_IDS, the attack name).
 */
import type { EcsDoc } from '../../src/core/types.js';
import type { KvMap } from '../../src/ecs/kv.js';
import { appendUnique } from '../../src/ecs/fields.js';
import { set2 } from '../../src/ecs/set-path.js';

const DENIED = ['info', 'denied', 'connection'] as const;
const ALLOWED = ['allowed', 'connection'] as const;

function withLs(tags: readonly string[]): ReadonlySet<string> {
  return new Set(tags.flatMap((t) => [t, t + '_LS']));
}

const UTM_ALERTS = withLs(['AV_VIRUS_DETECTED_MT', 'WEBFILTER_URL_BLOCKED', 'ANTISPAM_SPAM_DETECTED_MT', 'CONTENT_FILTERING_BLOCKED_MT']);
const UTM_ACTIONS: ReadonlyMap<string, string> = new Map([
  ['WEBFILTER_URL_BLOCKED', 'web_filter'], ['CONTENT_FILTERING_BLOCKED_MT', 'content_filter'],
  ['ANTISPAM_SPAM_DETECTED_MT', 'antispam_filter'], ['AV_VIRUS_DETECTED_MT', 'virus_detected'],
]);
const IDP_ALERTS = withLs(['IDP_ATTACK_LOG_EVENT', 'IDP_APPDDOS_APP_STATE_EVENT', 'IDP_APPDDOS_APP_ATTACK_EVENT']);
const IDP_ACTIONS: ReadonlyMap<string, string> = new Map([
  ['IDP_APPDDOS_APP_STATE_EVENT', 'application_ddos'], ['IDP_APPDDOS_APP_ATTACK_EVENT', 'application_ddos'],
  ['IDP_ATTACK_LOG_EVENT', 'security_threat'],
]);
const SCREEN_ALERTS = withLs(['RT_SCREEN_TCP', 'RT_SCREEN_UDP', 'RT_SCREEN_ICMP', 'RT_SCREEN_IP', 'RT_SCREEN_TCP_DST_IP', 'RT_SCREEN_TCP_SRC_IP']);
/** event.action of a screen by its attack name */
const SCREEN_ACTIONS: ReadonlyMap<string, string> = new Map([
  ['ICMP flood!', 'flood_detected'], ['UDP flood!', 'flood_detected'], ['SYN flood!', 'flood_detected'],
  ['SYN flood Src-IP based!', 'flood_detected'], ['SYN flood Dst-IP based!', 'flood_detected'],
  ['TCP port scan!', 'scan_detected'],
  ['TCP sweep!', 'sweep_detected'], ['IP sweep!', 'sweep_detected'], ['UDP sweep!', 'sweep_detected'], ['Address sweep!', 'sweep_detected'],
  ['ICMP fragment!', 'fragment_detected'], ['SYN fragment!', 'fragment_detected'],
  ['IP spoofing!', 'spoofing_detected'],
  ['Src IP session limit!', 'session_limit_detected'], ['Dst IP session limit!', 'session_limit_detected'],
  ['Land attack!', 'attack_detected'], ['WinNuke attack!', 'attack_detected'],
  ['No TCP flag!', 'illegal_tcp_flag_detected'], ['SYN and FIN bits!', 'illegal_tcp_flag_detected'], ['FIN but no ACK bit!', 'illegal_tcp_flag_detected'],
]);
const AAMW_ALERTS: ReadonlySet<string> = new Set(['SRX_AAMW_ACTION_LOG', 'AAMW_MALWARE_EVENT_LOG', 'AAMW_HOST_INFECTED_EVENT_LOG', 'AAMW_ACTION_LOG']);

function base(doc: EcsDoc, tag: string | undefined): void {
  set2(doc, 'event', 'kind', 'event');
  if (tag !== undefined) set2(doc, 'event', 'outcome', 'success');
  appendUnique(doc, 'event.category', 'network');
}

function verdict(doc: EcsDoc, alert: boolean, category: string, denied: boolean, action: string | undefined): void {
  if (alert) {
    set2(doc, 'event', 'kind', 'alert');
    appendUnique(doc, 'event.category', category);
  }
  for (const t of denied ? DENIED : ALLOWED) appendUnique(doc, 'event.type', t);
  set2(doc, 'event', 'action', action);
}

function noLs(tag: string): string {
  return tag.endsWith('_LS') ? tag.slice(0, -3) : tag;
}

type Categorize = (doc: EcsDoc, tag: string, srx: KvMap) => void;

/** By process; RT_FLOW has its own (flow.ts). */
export const CATEGORIZE: ReadonlyMap<string, Categorize> = new Map<string, Categorize>([
  ['RT_UTM', (doc, tag) => {
    const alert = UTM_ALERTS.has(tag);
    verdict(doc, alert, 'malware', alert, UTM_ACTIONS.get(noLs(tag)));
  }],
  ['RT_IDP', (doc, tag) => {
    const alert = IDP_ALERTS.has(tag);
    verdict(doc, alert, 'intrusion_detection', alert, IDP_ACTIONS.get(noLs(tag)));
  }],
  ['RT_IDS', (doc, tag, srx) => {
    const alert = SCREEN_ALERTS.has(tag);
    const name = srx.attack_name;
    const action = name === undefined ? undefined : SCREEN_ACTIONS.get(name) ?? (name.startsWith('Tunnel') ? 'tunneling_screen' : undefined);
    verdict(doc, alert, 'intrusion_detection', alert, action);
  }],
  ['RT_AAMW', (doc, tag, srx) => {
    const blocked = srx.action === 'BLOCK' || tag === 'AAMW_MALWARE_EVENT_LOG';
    verdict(doc, AAMW_ALERTS.has(tag) && srx.action !== 'PERMIT', 'malware', blocked, blocked ? 'malware_detected' : undefined);
  }],
  ['RT_SECINTEL', (doc, tag, srx) => {
    const blocked = srx.action === 'BLOCK';
    verdict(doc, tag === 'SECINTEL_ACTION_LOG' && srx.action !== 'PERMIT', 'malware', blocked, blocked ? 'malware_detected' : undefined);
  }],
]);

/** The event fields of a security process (before its keys move). */
export function categorize(process: string, tag: string | undefined, srx: KvMap, doc: EcsDoc): void {
  const fn = CATEGORIZE.get(process);
  if (fn === undefined) return;
  base(doc, tag);
  fn(doc, tag ?? '', srx);
}
