/**
 * The vendor registry: every family parser, in detection order. Specific markers come first
 * (`%FTD-` before `%ASA-`, Check Point's CEF before generic CEF), broad shapes last (Cisco IOS
 * `%FAC-SEV-MNEM`, CEF, LEEF, netfilter `IN=... OUT=...`).
 */
import { parser as ciscoFtd } from './cisco_ftd/index.js';
import { parser as ciscoAsa } from './cisco_asa/index.js';
import { parser as checkpoint } from './checkpoint/index.js';
import { parser as fortigate } from './fortinet_fortigate/index.js';
import { parser as panos } from './panw_panos/index.js';
import { parser as srx } from './juniper_srx/index.js';
import { parser as sonicwall } from './sonicwall_firewall/index.js';
import { parser as sophos } from './sophos_xg/index.js';
import { parser as meraki } from './cisco_meraki/index.js';
import { parser as pfsense } from './pfsense/index.js';
import { parser as snort } from './snort/index.js';
import { parser as ciscoIos } from './cisco_ios/index.js';
import { parser as cef } from './cef/index.js';
import { parser as leef } from './leef/index.js';
import { parser as iptables } from './iptables/index.js';
import type { VendorParser } from '../src/core/stages.js';

export const VENDORS: readonly VendorParser[] = [
  ciscoFtd, ciscoAsa, checkpoint, fortigate, panos, srx, sonicwall, sophos, meraki, pfsense, snort,
  ciscoIos, cef, leef, iptables,
];

export function vendorById(id: string): VendorParser | undefined {
  return VENDORS.find((v) => v.id === id);
}
