/**
 * ECS categorization. ASA: a table by message id (event.type/outcome/action/category). FTD: by
 * event.action, with event.type refined by the outcome, as Elastic's two pipelines do.
 */
import type { EcsDoc } from '../../src/core/types.js';

interface Cat { category?: string[]; type?: string[]; outcome?: string; action?: string }

const C = (type: string[], outcome?: string, action?: string, category?: string[]): Cat => ({ type, outcome, action, category });
const DENY = C(['connection', 'denied'], 'success', 'firewall-rule');
const AUTH_OK = C(['allowed', 'info'], 'success', 'logged-in', ['authentication', 'network']);
const AUTH_FAIL = C(['denied', 'info'], 'failure', 'logon-failed', ['authentication', 'network']);
const START = C(['connection', 'start'], 'success', 'flow-creation');
const END_OK = C(['connection', 'end'], 'success', 'flow-expiration');
const END = C(['connection', 'end'], undefined, 'flow-expiration');
const VPN_ERR = C(['connection', 'denied'], 'failure', 'client-vpn-error');
const DF_INFO = C(['connection', 'info'], undefined, 'dynamic-filter');
const DF_DENY = C(['connection', 'denied'], 'failure', 'dynamic-filter');

export const ASA_CATEGORIES = new Map<string, Cat>(Object.entries({
  '110002': C(['connection', 'info'], 'failure', 'firewall-rule'),
  '111007': C(['info'], 'success', 'configuration', ['configuration']),
  '111009': C(['info'], 'success', 'configuration', ['configuration']),
  '111010': C(['change'], 'success', 'configuration', ['configuration']),
  '113004': AUTH_OK, '113005': AUTH_FAIL, '113008': AUTH_OK, '113009': AUTH_OK, '113012': AUTH_OK, '113015': AUTH_FAIL,
  '113019': C(['connection', 'end'], undefined, 'client-vpn-disconnected'),
  '113021': AUTH_FAIL,
  '113022': C(['info'], 'failure', 'server-failed'), '113023': C(['info'], 'success', 'server-active'),
  '113039': C(['connection', 'start'], 'success', 'client-vpn-connected', ['network', 'session']),
  '302013': START, '302014': END, '302015': START, '302016': END_OK, '302018': END_OK, '302020': START, '302021': END_OK,
  '302022': START, '302023': END_OK, '302024': START, '302025': END_OK, '302026': START, '302027': END_OK,
  '302036': END, '302304': END, '302306': END,
  '303002': C(['access'], 'success', 'ftp', ['network', 'file']),
  '304001': C(['access', 'allowed'], 'success', 'url-access'),
  '304002': C(['access', 'denied'], 'failure', 'url-access'),
  '305011': C(['creation'], 'success', 'nat-slot', ['network', 'configuration']),
  '305012': C(['deletion'], 'success', 'nat-slot', ['network', 'configuration']),
  '315011': C(['connection', 'end'], undefined, 'ssh-session-ended'),
  '338301': C(['connection', 'info'], undefined, 'firewall-rule'),
  '419002': C(['connection', 'info'], undefined, 'firewall-rule'),
  '425005': C(['info'], undefined, 'interface-switchover'),
  '434004': C(['info'], undefined, 'bypass'),
  '502103': C(['user', 'change'], 'success', 'privilege-level-changed', ['iam']),
  '507003': C(['connection', 'end'], undefined, 'flow-termination'),
  '602303': C(['connection', 'start'], 'success', 'sa-created'),
  '602304': C(['connection', 'end'], 'success', 'sa-deleted'),
  '605004': AUTH_FAIL, '605005': AUTH_OK,
  '607001': C(['info'], 'success', 'firewall-rule'),
  '609001': START, '609002': END_OK,
  '611101': AUTH_OK, '611102': AUTH_FAIL,
  '611103': C(['info'], 'success', 'logged-out', ['authentication', 'network']),
  '713049': C(['connection', 'start'], 'success', 'firewall-rule'),
  '713120': C(['connection', 'info'], 'success', 'firewall-rule'),
  '713202': C(['connection', 'info'], undefined, 'firewall-rule'),
  '713901': C(['info'], 'failure', 'client-vpn-error'), '713902': C(['info'], 'failure', 'client-vpn-error'),
  '713903': C(['info']), '713904': C(['info']), '713905': C(['info']), '713906': C(['info']),
  '716002': C(['connection', 'end'], undefined, 'client-vpn-disconnected'),
  '716003': C(['allowed', 'info'], 'success', undefined, ['authentication', 'network']),
  '716039': AUTH_FAIL,
  '716058': C(['connection', 'end'], undefined, 'client-vpn-disconnected'),
  '716059': C(['connection', 'start'], undefined, 'client-vpn-resumed'),
  '721016': C(['connection', 'start'], 'success', 'client-vpn-connected'),
  '721018': C(['connection', 'end'], 'success', 'client-vpn-disconnected'),
  '722011': C(['info']), '722022': C(['connection', 'info'], 'success'), '722023': C(['connection', 'end'], 'success'),
  '722028': C(['connection', 'end'], 'success'), '722032': C(['connection', 'start'], 'success'),
  '722033': C(['connection', 'start'], 'success'), '722034': C(['connection', 'info']), '722037': C(['connection', 'end']),
  '722051': C(['connection', 'info'], 'success', 'address-assigned'), '722055': C(['connection', 'info']),
  '725001': C(['connection', 'start'], 'success'), '725002': C(['connection', 'info'], 'success'),
  '725007': C(['connection', 'end'], 'failure'), '725016': C(['connection', 'info'], 'success'),
  '733100': C(['info']),
  '734001': AUTH_OK,
  '737003': C(['connection', 'info'], 'failure'), '737006': C(['connection', 'info'], 'success'),
  '737016': C(['connection', 'info'], 'success'), '737026': C(['connection', 'info'], 'success'),
  '737034': C(['connection', 'info'], 'failure'),
  '750002': C(['connection', 'start'], 'success', 'connection-started'), '750003': C(['connection', 'start'], 'failure'),
  '805001': C(['connection', 'start'], 'success', 'flow-offload-started'),
  '805002': C(['connection', 'end'], 'success', 'flow-offload-ended'),
} satisfies Record<string, Cat>));
for (const id of ['106001', '106002', '106006', '106007', '106010', '106012', '106013', '106014', '106015', '106016',
  '106017', '106018', '106020', '106021', '106022', '106023', '106027', '106103', '313001', '313004', '313005',
  '313008', '313009', '322001', '434002', '710003', '710005', '710006']) ASA_CATEGORIES.set(id, DENY);
for (const id of ['113029', '113030', '113031', '113032', '113033', '113034', '113035', '113036', '113037', '113038',
  '113040']) ASA_CATEGORIES.set(id, VPN_ERR);
for (const id of ['338001', '338002', '338003', '338004', '338101', '338102', '338103', '338104', '338201', '338202']) {
  ASA_CATEGORIES.set(id, DF_INFO);
}
for (const id of ['338005', '338006', '338007', '338008', '338203', '338204']) ASA_CATEGORIES.set(id, DF_DENY);

// Ids of the guide Elastic's table leaves out, categorized as their neighbours are.
for (const id of ['109005', '109007']) ASA_CATEGORIES.set(id, AUTH_OK);
for (const id of ['109006', '109008', '109024', '109025', '109031', '109033', '109034', '113016', '113017']) {
  ASA_CATEGORIES.set(id, AUTH_FAIL);
}
for (const id of ['106011', '106025', '106026', '305005', '305006', '305013', '401004', '710004']) ASA_CATEGORIES.set(id, DENY);
for (const id of ['302017', '302035', '302303', '302305']) ASA_CATEGORIES.set(id, START);
ASA_CATEGORIES.set('302018', END);
ASA_CATEGORIES.set('305009', C(['creation'], 'success', 'nat-slot', ['network', 'configuration']));
ASA_CATEGORIES.set('305010', C(['deletion'], 'success', 'nat-slot', ['network', 'configuration']));
for (const id of ['710001', '710002']) ASA_CATEGORIES.set(id, C(['connection', 'allowed'], 'success', 'firewall-rule'));
ASA_CATEGORIES.set('751025', C(['connection', 'info'], 'success', 'address-assigned'));

/** Outcome-dependent entries (106100, 106102 permitted/denied; 111004 OK/FAILED), keyed by the written outcome. */
const ASA_BY_OUTCOME = new Map<string, Map<string, Cat>>([
  ['106100', new Map([
    ['denied', DENY], ['permitted', C(['connection', 'allowed'], 'success', 'firewall-rule')],
    ['est-allowed', C(['connection', 'allowed'], 'success', 'firewall-rule')],
  ])],
  ['106102', new Map([['denied', DENY], ['permitted', C(['connection', 'allowed'], 'success', 'firewall-rule')]])],
  ['111004', new Map([
    ['failed', C(['info'], 'failure', 'configuration', ['configuration'])],
    ['ok', C(['change'], 'success', 'configuration', ['configuration'])],
  ])],
]);

function applyCat(ev: EcsDoc, c: Cat): void {
  if (c.category) ev.category = [...c.category];
  if (c.type) ev.type = [...c.type];
  if (c.outcome) ev.outcome = c.outcome;
  if (c.action) ev.action = c.action;
}

export function categorizeAsa(ev: EcsDoc, code: string, outcome: string | undefined): void {
  if (outcome !== undefined) {
    const c = ASA_BY_OUTCOME.get(code)?.get(outcome.toLowerCase());
    if (c) applyCat(ev, c);
  }
  const c = ASA_CATEGORIES.get(code);
  if (c) applyCat(ev, c);
}

interface FtdCat { kind: string; category: string[]; type: string[]; outcome?: string }
const FTD_ACTIONS = new Map<string, FtdCat>(Object.entries({
  'connection-finished': { kind: 'event', category: ['network'], type: ['connection', 'end'] },
  'connection-started': { kind: 'event', category: ['network'], type: ['connection', 'start'] },
  'file-detected': { kind: 'event', category: ['file'], type: ['info'] },
  'firewall-rule': { kind: 'event', category: ['network'], type: ['info'] },
  'flow-creation': { kind: 'event', category: ['network'], type: ['connection', 'start'] },
  'flow-expiration': { kind: 'event', category: ['network'], type: ['connection', 'end'] },
  'intrusion-detected': { kind: 'alert', category: ['intrusion_detection'], type: ['info'] },
  'malware-detected': { kind: 'event', category: ['malware'], type: ['info'] },
  bypass: { kind: 'event', category: ['network'], type: ['info'] },
  error: { kind: 'event', outcome: 'failure', category: ['network'], type: ['info', 'end'] },
  deleted: { kind: 'event', category: ['network'], type: ['info', 'end'] },
  creation: { kind: 'event', category: ['network'], type: ['info', 'connection', 'start'] },
} satisfies Record<string, FtdCat>));

const FTD_OUTCOME_TYPES = new Map<string, [string, string | undefined, string | undefined]>(Object.entries({
  // outcome -> [new outcome, type to add, category to add]
  success: ['success', 'allowed', undefined],
  failure: ['failure', 'denied', undefined],
  trust: ['success', 'allowed', undefined],
  block: ['success', 'denied', undefined],
  'block with reset': ['success', 'denied', undefined],
  'domain not found': ['success', 'denied', undefined],
  monitor: ['success', undefined, undefined],
  monitored: ['success', undefined, 'intrusion_detection'],
  pass: ['success', 'allowed', undefined],
} satisfies Record<string, [string, string | undefined, string | undefined]>));

export function categorizeFtd(ev: EcsDoc): void {
  const a = typeof ev.action === 'string' ? FTD_ACTIONS.get(ev.action) : undefined;
  if (a === undefined) return;
  ev.kind = a.kind;
  ev.category = [...a.category];
  ev.type = [...a.type];
  if (a.outcome) ev.outcome = a.outcome;
  const out = ev.outcome;
  if (typeof out !== 'string') return;
  if (!ev.category.includes('network') && !ev.category.includes('intrusion_detection')) return;
  const m = FTD_OUTCOME_TYPES.get(out);
  if (m === undefined) return;
  ev.outcome = m[0];
  if (m[1]) ev.type.push(m[1]);
  if (m[2]) ev.category.push(m[2]);
}
