/**
 * User names as the pipelines read them: `user, SGT:name` groups after an address, `DOMAIN\user`
 * and `user@domain` splits, the FTD security events' `DOMAIN\user` and placeholders, and Cisco ISE
 * endpoint profiles (device and host fields).
 */
import type { EcsDoc } from '../../src/core/types.js';
import { deleteField, setField } from '../../src/ecs/fields.js';
import type { Work } from './work.js';
import { get2, get3 } from './access.js';
import { SECURITY_EVENT_IDS } from './messages/security-events.js';

/** `LOCAL\user, 5:Name` -> username, SGT tag and name (the pipeline's CISCO_USER_OR_SGT). */
export function userSgt(w: Work, text: string, side: 'source' | 'destination'): void {
  const t = text.trim();
  let user = t;
  let tag: string | undefined;
  let name: string | undefined;
  const comma = t.indexOf(',');
  if (comma >= 0) {
    user = t.slice(0, comma);
    const sg = /^\s*(\d+)(?::(\w+))?/.exec(t.slice(comma + 1));
    if (sg !== null) { tag = sg[1]; name = sg[2]; }
  } else {
    const sg = /^(\d+):(\w+)$/.exec(t);
    if (sg !== null) { user = ''; tag = sg[1]; name = sg[2]; }
  }
  user = user.replace(/\$$/, '').replace(/\)$/, '');
  if (user !== '') w.c[side + '_username'] = user;
  if (tag !== undefined) w.c[side + '_user_security_group_tag'] = Number(tag);
  if (name !== undefined) w.c[side + '_user_security_group_tag_name'] = name;
}

/** source.user.name `LOCAL\dom\user@host` -> name, domain, email (the masked `*****` is kept). */
export function splitUser(doc: EcsDoc, side: 'source' | 'destination'): void {
  const u = get3(doc, side, 'user', 'name');
  if (typeof u !== 'string' || u === '' || /^\*+$/.test(u)) return;
  let s = u;
  if (s.startsWith('LOCAL\\')) s = s.slice(6);
  const bs = s.indexOf('\\');
  if (bs > 0 && s.indexOf('\\', bs + 1) < 0) {
    setField(doc, side + '.user.domain', s.slice(0, bs));
    s = s.slice(bs + 1);
  }
  const at = s.indexOf('@');
  if (at > 0) {
    const dom = s.slice(at + 1);
    if (/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(dom)) {
      setField(doc, side + '.user.email', s);
      setField(doc, side + '.user.domain', dom);
      s = s.slice(0, at);
    }
  }
  const dollar = s.indexOf('$');
  if (dollar > 0) s = s.slice(0, dollar);
  setField(doc, side + '.user.name', s);
}

/** The side users from their SGT groups and vendor keys, split into name, domain and email. */
export function sideUsers(w: Work): void {
  const doc = w.doc;
  const c = w.c;
  if (w.srcUserSgt !== undefined) userSgt(w, w.srcUserSgt, 'source');
  if (w.dstUserSgt !== undefined) userSgt(w, w.dstUserSgt, 'destination');
  if (c.source_username !== undefined && get3(doc, 'source', 'user', 'name') === undefined) {
    setField(doc, 'source.user.name', c.source_username);
  }
  if (c.destination_username !== undefined && get3(doc, 'destination', 'user', 'name') === undefined) {
    setField(doc, 'destination.user.name', c.destination_username);
  }
  splitUser(doc, 'source');
  splitUser(doc, 'destination');
}

/** user.name: FTD placeholders dropped and `DOMAIN\` cut in security events, else the destination user, unquoted (ASA). */
export function userName(w: Work): void {
  const doc = w.doc;
  const ftd = w.flavor === 'ftd';
  if (ftd) {
    const un = get2(doc, 'user', 'name');
    if (un === 'Not Found' || un === 'No Authentication Required') { deleteField(doc, 'user.id'); deleteField(doc, 'user.name'); }
    else if (typeof un === 'string' && un.indexOf('\\') >= 0 && (w.id === '' || SECURITY_EVENT_IDS.has(w.id))) {
      setField(doc, 'user.name', un.slice(un.lastIndexOf('\\') + 1));
    }
  }
  if (get2(doc, 'user', 'name') === undefined) {
    const du = get3(doc, 'destination', 'user', 'name');
    if (typeof du === 'string' && du !== '') setField(doc, 'user.name', du);
  }
  const un = get2(doc, 'user', 'name');
  if (typeof un === 'string' && !ftd && un !== '') {
    const q0 = un.charCodeAt(0), q1 = un.charCodeAt(un.length - 1);
    if (q0 === 34 || q0 === 39 || q1 === 34 || q1 === 39) setField(doc, 'user.name', un.replace(/^['"]|['"]$/g, ''));
  }
}

/** Cisco ISE endpoint profile `Workstation:Microsoft-Workstation:Windows11-Workstation` -> device / host. */
export function endpointProfile(doc: EcsDoc, v: string): void {
  if (v === 'Invalid ID') return;
  let s = v.replace(/Device/g, ' ');
  s = s.replace(/^.*Macintosh-Workstation/, 'Macintosh:Mac');
  s = s.replace(/^.*Microsoft-Workstation/, 'Microsoft:Microsoft');
  s = s.replace(/^.*ChromeBook-Workstation/, 'ChromeBook:ChromeBook');
  s = s.replace(/Workstation|[-_]/g, ' ');
  const parts = s.split(':').map((p) => p.trim());
  if (parts[0]) setField(doc, 'device.manufacturer', parts[0]);
  if (parts[1]) setField(doc, 'host.type', parts[1]);
  if (parts[2]) setField(doc, 'device.model.name', parts[2]);
  if (parts[3]) setField(doc, 'host.os.full', parts[3]);
}
