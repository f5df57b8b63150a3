/**
 * Column runs the session logs (TRAFFIC, THREAT, DECRYPTION, tunnel inspection) share, in the
 * order of Palo Alto's field descriptions and Elastic's csv targets; each type's table spreads them
 * where its format has them.
 */
/** Source Address to Log Action (the forwarding profile). */
export const SESSION_HEAD: readonly string[] = [
   'panw.panos.source.ip', 'panw.panos.destination.ip', 'panw.panos.source.nat.ip', 'panw.panos.destination.nat.ip',
   'panw.panos.ruleset', '_temp_.srcuser', '_temp_.dstuser', 'panw.panos.network.application',
   'panw.panos.virtual_sys', 'panw.panos.source.zone', 'panw.panos.destination.zone', 'panw.panos.inbound_interface',
   'panw.panos.outbound_interface', 'panw.panos.log_profile',
];

/** Session ID to Action. */
export const SESSION_FLOW: readonly string[] = [
   'panw.panos.flow_id', 'panw.panos.repeat_count', 'panw.panos.source.port', 'panw.panos.destination.port',
   'panw.panos.source.nat.port', 'panw.panos.destination.nat.port', '_temp_.labels', 'panw.panos.protocol',
   'panw.panos.action',
];

/** Device Group Hierarchy levels 1-4, Virtual System Name, Device Name. */
export const DG_COLUMNS: readonly string[] = [
   'panw.panos.device_group_hierarchy1', 'panw.panos.device_group_hierarchy2', 'panw.panos.device_group_hierarchy3',
   'panw.panos.device_group_hierarchy4', 'panw.panos.vsys_name', 'panw.panos.device_name',
];

/** The application attributes PAN-OS 10.2+ append (subcategory to sanctioned state). */
export const APP_COLUMNS: readonly string[] = [
   'panw.panos.application.sub_category', 'panw.panos.application.category', 'panw.panos.application.technology',
   'panw.panos.application.risk_level', 'panw.panos.application.characteristics', 'panw.panos.application.container',
   'panw.panos.application.tunneled', 'panw.panos.application.is_saas', 'panw.panos.application.is_sanctioned',
];

/** Device-ID of the source and of the destination (category to MAC address). */
export const DEVICE_ID_COLUMNS: readonly string[] = [
   'panw.panos.src.category', 'panw.panos.src.profile', 'panw.panos.src.model', 'panw.panos.src.vendor',
   'panw.panos.src.os.family', 'panw.panos.src.os.version', 'panw.panos.src.host', 'panw.panos.src.mac',
   'panw.panos.dst.category', 'panw.panos.dst.profile', 'panw.panos.dst.model', 'panw.panos.dst.vendor',
   'panw.panos.dst.os.family', 'panw.panos.dst.os.version', 'panw.panos.dst.host', 'panw.panos.dst.mac',
];
