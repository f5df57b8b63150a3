/** Every message id the family reads, to its handler (the message folders' tables in one Map; later tables win). */
import type { Handler } from './work.js';
import { FIREWALL } from './messages/firewall.js';
import { VPN } from './messages/vpn.js';
import { AAA } from './messages/aaa.js';
import { IKE } from './messages/ike.js';
import { WEBVPN } from './messages/webvpn.js';
import { FLOWS } from './messages/flows.js';
import { KNOWN } from './messages/known.js';
import { TUNNELS } from './messages/tunnels.js';

export const HANDLERS = new Map<string, Handler>();
for (const table of [KNOWN, FIREWALL, VPN, AAA, IKE, WEBVPN, FLOWS, TUNNELS]) for (const id in table) HANDLERS.set(id, table[id]!);
