/** Every message id the family reads, to its handler (the message folders' tables in one Map). */
import type { Handler } from './work.js';
import { FIREWALL } from './messages/firewall.js';
import { VPN } from './messages/vpn.js';

export const HANDLERS = new Map<string, Handler>();
for (const table of [FIREWALL, VPN]) for (const id in table) HANDLERS.set(id, table[id]!);
