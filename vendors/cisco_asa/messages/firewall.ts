/**
 * Firewall, connection and NAT messages (1xxxxx-5xxxxx, 6xxxxx flow/host) shared by ASA and FTD.
 * Each handler runs one anchored regex (character classes, no nested unbounded quantifiers) on
 * messages of bounded length, then assigns fields the way Elastic's pipeline does.
 */
import type { Handler, Work } from '../work.js';
import { match, put, vput } from '../work.js';
import { table } from '../../../src/core/null-proto.js';

const A = '(?<src>[^\\s/]+)/(?<sport>\\d+)';
const B = '(?<dst>[^\\s/]+)/(?<dport>\\d+)';
const SA = '(?<sif>[^:\\s]*):' + A;
const DB = '(?<dif>[^:\\s]*):' + B;
const U1 = '\\(\\(?(?<u1>[^()]*)\\)?\\)';
const U2 = '\\(\\(?(?<u2>[^()]*)\\)?\\)';

function re(s: string): RegExp {
  return new RegExp(s);
}

const R = {
  106001: re(`^(?<direction>\\S+) (?<transport>\\S+) connection (?<evout>\\S+) from ${A} to ${B} flags .*? on interface (?<sif>\\S+)`),
  106002: re('^(?<transport>\\S+) Connection (?<evout>\\S+) by (?<direction>\\S+) list (?<list_id>\\S+) src (?<src>\\S+) dest (?<dst>\\S+)'),
  106006: re(`^(?<evout>\\S+) (?<direction>\\S+) (?<transport>\\S+) from ${A} to ${B} on interface (?<sif>\\S+)`),
  106007: re(`^(?<evout>\\S+) (?<direction>\\S+) (?<transport>\\S+) from ${A} to ${B} due to (?<protocol>\\S+)`),
  106010: re('^(?<evout>\\S+) (?<direction>\\S+) (?:protocol (?<iana>\\d+)|(?<transport>\\S+)) src (?<sif>[^\\s:]+):(?<src>[^\\s/]+)(?:/(?<sport>\\d+))? (?:.*? )?dst (?<dif>[^\\s:]+):(?<dst>[^\\s/]+)(?:/(?<dport>\\d+))?'),
  106012: re('^(?<evout>\\S+) IP from (?<src>\\S+) to (?<dst>[^\\s,]+), (?<reason>.+)$'),
  106013: re('^Dropping echo request from (?<src>\\S+) to PAT address (?<dst>\\S+)'),
  106014: re('^(?<evout>\\S+) (?<direction>\\S+) (?<transport>\\S+) src (?<sif>[^\\s:]+):(?<src>\\S+) (?:.*? )?dst (?<dif>[^\\s:]+):(?<dst>[^ (]*)'),
  106015: re(`^(?<evout>\\S+) (?<transport>\\S+) \\S+ \\S+ from ${A} to ${B} flags .*? on interface (?<sif>\\S+)`),
  106016: re('^(?<evout>\\S+) IP spoof from \\((?<src>[^)]*)\\) to (?<dst>\\S+) on interface (?<sif>\\S+)'),
  106017: re('^(?<evout>\\S+) IP due to Land Attack from (?<src>\\S+) to (?<dst>\\S+)'),
  106018: re('^(?<transport>\\S+) packet type (?<icmp_type>\\S+) (?<evout>\\S+) by (?<direction>\\S+) list (?<list_id>\\S+) src (?<src>\\S+) dest (?<dst>\\S+)'),
  106020: re('^(?<evout>\\S+) IP teardrop fragment \\(size = [^,]*, offset = [^)]*\\) from (?<src>\\S+) to (?<dst>\\S+)'),
  106021: re('^(?<evout>\\S+) (?<transport>\\S+) reverse path check from (?<src>\\S+) to (?<dst>\\S+) on interface (?<sif>\\S+)'),
  106022: re('^(?<evout>\\S+) (?<transport>\\S+) connection spoof from (?<src>\\S+) to (?<dst>\\S+) on interface (?<sif>\\S+)'),
  106023: re('^(?<evout>\\S+) (?:protocol (?<iana>\\d+)|(?<transport>\\S+)) src (?<sif>\\S*?):(?<src>[^\\s/()]+)(?:/(?<sport>\\d+))?\\s*(?:\\(\\(?(?<susgt>[^()]*)\\)?\\) )?dst (?<dif>\\S*?):(?<dst>[^\\s/()]+)(?:/(?<dport>\\d+))?.*?by access-group "(?<list_id>[^"\\s]+)"'),
  106027: re('^.*? (?<evout>\\S+) src (?<src>\\S+) dst (?<dst>\\S+) by access-group "(?<list_id>[^"]*)"'),
  106100: re('^access-list (?<list_id>\\S+) (?<outcome>\\S+) (?<transport>\\S+) (?<sif>[^/\\s]+)/(?<src>[^(\\s]+)\\((?<sport>\\d+)\\).*?-> (?<dif>[^/\\s]+)/(?<dst>[^(\\s]+)\\((?<dport>\\d+)\\)'),
  106102: re('^access-list (?<list_id>\\S+) (?<outcome>\\S+) (?<transport>\\S+) for user (?<user>\\S+) (?<sif>[^/\\s]+)/(?<src>[^(\\s]+)\\((?<sport>\\d+)\\).*?-> (?<dif>[^/\\s]+)/(?<dst>[^(\\s]+)\\((?<dport>\\d+)\\)'),
  110002: re(`^(?<reason>.*?) for (?<transport>\\S+) from ${SA} to ${B}`),
  111004: re('^(?<src>\\S+) end configuration: (?<outcome>\\S+)'),
  111007: re('^Begin configuration: (?<src>\\S+) '),
  111003: re('^(?<src>\\S+) Erase configuration'),
  111009: re("^\\S+ '(?<server_user>[^'\\s]+)' executed \\S+ (?<command_line_arguments>.*)$"),
  111008: re("^\\S+ '(?<server_user>[^'\\s]+)' executed "),
  111010: re("^User '(?<server_user>[^'\\s]+)', running '[^']*' from IP (?<src>\\S+), executed (?<command_line_arguments>'[^']*')"),
  302010: re('^(?<connections_in_use>\\d+) in use, (?<connections_most_used>\\d+) most used'),
  302022: re(`^Built \\S+ stub (?<transport>\\S+) connection for ${SA} .*?to ${DB}`),
  302023: re(`^Teardown (?:stub )?(?<transport>\\S+) connection for ${SA} to ${DB} duration (?<hms>\\S+) forwarded bytes (?<nbytes>\\d+) (?<reason>.*)$`),
  303002: re(`^(?<protocol>\\S+) connection from ${SA} to ${DB}, user (?<client_user>\\S+) .*? file (?<file_path>.*)$`),
  304001: re('^(?:(?<suser>[^\\s@]+)@)?(?<src>[0-9A-Fa-f.:]+)(?:\\([^)]*\\))? [^:]*? (?:[^\\s@]+@)?(?<dst>[^\\s:@]+):(?<url>.*)$'),
  304002: re('^Access (?<evout>\\S+) URL (?<url>\\S+) SRC (?<src>\\S+) \\S*EST (?<dst>\\S+) on interface (?<sif>\\S+)'),
  305011: re('^Built \\S+ (?<transport>\\S+) translation from (?<sif>[^:\\s]+):(?<src>[^\\s/]+)/(?<sport>\\d+)(?:\\((?<suser>[^)\\s]+)\\))? to (?<dif>[^:\\s]+):(?<dst>[^\\s/]+)/(?<dport>\\d+)'),
  305012: re('^Teardown .*? (?<transport>\\S+) translation from (?<sif>[^:\\s]*):(?<src>[^\\s/]+)/(?<sport>\\d+)(?:\\s*\\((?<source_username>[^)]*)\\))? to (?<dif>[^:\\s]*):(?<dst>[^\\s/]+)/(?<dport>\\d+) duration (?<hms>\\d+:\\d+:\\d+)'),
  313001: re('^(?<evout>\\S+) (?<transport>\\S+) type=(?<icmp_type>[^,]*), code=(?<icmp_code>\\S+) from (?<src>\\S+) on interface (?<sif>\\S+)'),
  313004: re('^(?<evout>\\S+) (?<transport>\\S+) type=(?<icmp_type>[^,]*), from.*?addr (?<src>\\S+) on interface (?<sif>\\S+) to (?<dst>[^:\\s]+): no matching session'),
  313005: re('^No matching connection for ICMP error message: (?<transport>\\S+) src (?<sif>[^:\\s]*):\\S+ dst (?<dif>[^:\\s]*):\\S+ \\(type (?<icmp_type>\\d+), code (?<icmp_code>\\d+)\\) on [^:]*? interface\\.\\s*Original IP payload: (?:protocol (?<original_iana_number>\\d+)|(?<input_type>[^\\s<]+)) src (?<src>[^\\s/]+)(?:/(?<sport>\\d+))? dst (?<dst>[^\\s/]+?)(?:/(?<dport>\\d+))?\\.?$'),
  313009: re('^(?<evout>\\S+) invalid (?<transport>\\S+) code (?<icmp_code>\\d+), for (?<sif>[^:\\s]*):(?<src>[^\\s/]+)/(?<sport>\\d+) \\((?<natsrc>[^\\s/]+)/(?<mapped_source_port>\\d+)\\) to (?<dif>[^:\\s]*):(?<dst>[^\\s/]+)/(?<dport>\\d+) \\((?<natdst>[^\\s/]+)/(?<mapped_destination_port>\\d+)\\)'),
  315011: re('^SSH session from (?<sip>\\S+) on interface (?<sif>\\S+) for user (?<suser>\\S+) disconnected by SSH server, reason: (?<reason>.*)$'),
  322001: re('^(?<evout>\\S+) MAC address (?<smac>[^,\\s]+), possible spoof attempt on interface (?<sif>\\S+)'),
  338: re('^Dynamic [Ff]ilter (?<evout>\\S+) \\S+ (?<transport>\\S+) traffic from (?<sif>[^:\\s]*):(?<src>[^\\s/]+)/(?<sport>\\d+) \\((?<natsrc>[^\\s/]+)/(?<mapped_source_port>\\d+)\\) to (?<dif>[^:\\s]*):(?<dst>[^\\s/]+)/(?<dport>\\d+) \\((?<natdst>[^\\s/]+)/(?<mapped_destination_port>\\d+)\\).*?(?:source|destination) [^,]*? resolved from (?<list_id>\\S+) list: (?<dom>[^,\\s]+)(?:, threat-level: (?<threat_level>[^,]+), category: (?<threat_category>.+))?$'),
  338301: re(`^Intercepted DNS reply for domain (?<sdomain>\\S+) from ${SA} to ${DB}, matched (?<list_id>\\S+)`),
  400: re('^IPS:(?<sig>\\d+) (?<signame>.*?) from (?<src>\\S+) to (?<dst>\\S+) on interface (?<sif>\\S+)'),
  419002: re(`^(?<reason>.*?)from ${SA} to ${DB} (?<reason2>.*)$`),
  425005: re('^Interface (?<interface_name>\\S+) become active in redundant interface (?<redundant_interface_name>\\S+)'),
  434002: re(`^SFR requested to (?<sfr_action>\\S+) (?<transport>\\S+) packet from ${SA} to ${DB}`),
  434004: re(`^SFR requested \\S+ to (?<sfr_action>\\S+) further packet redirection and process (?<transport>\\S+) flow from ${SA} to ${DB} locally`),
  502103: re('^User priv level changed: Uname: (?<server_user>\\S+) From: (?<privilege__old>\\S+) To: (?<privilege__new>\\S+)'),
  507003: re(`^(?<transport>\\S+) flow from ${SA} to ${DB} terminated by inspection engine, reason - (?<inspect_reason>.*)$`),
  602303: re('^(?<net_type>[^:]+): An (?<direction>\\S+) (?<tunnel_type>[^()]+?) SA \\(SPI= [^)]*\\) between (?<src>\\S+) and (?<dst>\\S+) \\(user= (?<user>[^)]*)\\) has been (?<sa_action>[^.\\s]+)\\.'),
  605004: re('^Login (?<evout>\\S+) from (?<src>[^\\s/]+)/(?<sport>\\d+) to (?<dif>[^:\\s]*):(?<dst>[^\\s/]+)/(?<protocol>\\S+) for user "(?<suser>[^"]*)"'),
  607001: re('^Pre-allocate SIP (?<connection_type>\\S+) secondary channel for (?<dif>[^:\\s]*):(?<dst>[^\\s/]+)/(?<dport>\\d+) to (?<sif>[^:\\s]*):(?<src>\\S+) from (?<message>\\S+) message'),
  609001: re('^Built local-host (?<sif>[^:\\s]*):(?<src>\\S+)$'),
  609002: re('^Teardown local-host (?<sif>[^:\\s]*):(?<src>\\S+) duration (?<hms>\\S+)'),
  611101: re('^User authentication (?<evout>[^:\\s]+): IP address: (?<src>[^,]+), Uname: (?<server_user>.+)$'),
  611103: re('^User logged out: Uname: (?<user>.+)$'),
  710003: re(`^(?<transport>\\S+) access (?<evout>\\S+) by ACL from ${A} to ${DB}`),
  710005: re(`^(?<transport>\\S+) request (?<evout>\\S+) from ${A} to ${DB}`),
  805001: re('^Offloaded (?<transport>\\S+) Flow for connection (?<connection_id>\\S+) from (?<sif>[^:\\s]*):(?<src>[^\\s/]+)/(?<sport>\\d+) \\((?<natsrc>[^\\s/]+)/(?<mapped_source_port>\\d+)\\) to (?<dif>[^:\\s]*):(?<dst>[^\\s/]+)/(?<dport>\\d+) \\((?<natdst>[^\\s/]+)/(?<mapped_destination_port>\\d+)\\)'),
  805002: re('^(?<transport>\\S+) Flow is no longer offloaded for connection (?<connection_id>\\S+) from (?<sif>[^:\\s]*):(?<src>[^\\s/]+)/(?<sport>\\d+) \\((?<natsrc>[^\\s/]+)/(?<mapped_source_port>\\d+)\\) to (?<dif>[^:\\s]*):(?<dst>[^\\s/]+)/(?<dport>\\d+) \\((?<natdst>[^\\s/]+)/(?<mapped_destination_port>\\d+)\\)'),
  built: re(`^Built (?<direction>\\S+) (?:Probe )?(?<transport>\\S+) (?:state-bypass )?connection (?<connection_id>\\S+) (?:for|from) (?<aif>[^:\\s]*):(?<aaddr>[^\\s/]+)/(?<aport>\\d+) \\((?<anat>[^\\s/]+)/(?<anatport>\\d+)\\)(?:${U1})? to (?<bif>[^:\\s]*):(?<baddr>[^\\s/]+)/(?<bport>\\d+) \\((?<bnat>[^\\s/]+)/(?<bnatport>\\d+)\\)(?:${U2})?(?: \\((?<tuser>[^()]*)\\))?`),
  builtNoNat: re(`^Built (?<direction>\\S+) (?:Probe )?(?<transport>\\S+) (?:state-bypass )?connection (?<connection_id>\\S+) (?:for|from) (?<aif>[^:\\s]*):(?<aaddr>[^\\s/]+)/(?<aport>\\d+)(?:\\s*${U1})? to (?<bif>[^:\\s]*):(?<baddr>[^\\s/]+)/(?<bport>\\d+)`),
  teardown: re(`^Teardown (?:Probe )?(?<transport>\\S+) (?:state-bypass )?connection (?<connection_id>\\S+) (?:for|from) ${SA}\\s*(?:\\(\\(?(?<susgt>[^()]*)\\)?\\) )?to ${DB}\\s*(?:\\(\\(?(?<dusgt>[^()]*)\\)?\\) )?duration\\s+(?<hms>\\d+:\\d+:\\d+) bytes (?<nbytes>\\d+)(?: (?<tail>.*))?$`),
  teardownIcmp: re('^Teardown (?<transport>\\S+) connection for faddr (?:(?<fif>[^:\\s]*):)?(?<faddr>[^\\s/]+)/\\d+\\s*(?:\\(\\(?(?<dusgt>[^()]*)\\)?\\) )?gaddr (?:[^:\\s]*:)?(?<gaddr>[^\\s/]+)/\\d+ laddr (?:(?<lif>[^:\\s]*):)?(?<laddr>[^\\s/]+)/\\d+\\s*(?:\\((?<susgt>[^()]*)\\))?(?:\\s*type (?<icmp_type>\\d+) code (?<icmp_code>\\d+))?'),
  builtIcmp: re('^Built (?<direction>\\S+) (?<ptype>\\S+) connection for faddr (?:(?<fif>[^:\\s]*):)?(?<faddr>[^\\s/]+)/\\d+\\s*(?:\\(\\(?(?<dusgt>[^()]*)\\)?\\) )?gaddr (?:[^:\\s]*:)?(?<gaddr>[^\\s/]+)/\\d+ laddr (?:(?<lif>[^:\\s]*):)?(?<laddr>[^\\s/]+)/\\d+\\s*(?:\\(\\(?(?<susgt>[^()]*)\\)?\\) ?)?(?:type (?<icmp_type>\\d+) code (?<icmp_code>\\d+))?'),
} as const;

function simple(r: RegExp): Handler {
  return (w) => match(w, r);
}

/** Built TCP/UDP connection (302013, 302015, 302303): ASA swaps ends for outbound connections. */
function built(w: Work): boolean {
  if (w.msg.length > 4096) return false;
  const m = R.built.exec(w.msg) ?? R.builtNoNat.exec(w.msg);
  if (m === null || m.groups === undefined) return false;
  const g = m.groups;
  put(w, 'network.transport', g.transport);
  vput(w, 'connection_id', g.connection_id);
  const dir = (g.direction ?? '').toLowerCase();
  const outbound = w.flavor === 'asa' && dir === 'outbound';
  if (w.flavor === 'asa') put(w, 'network.direction', g.direction);
  const [s, d] = outbound ? ['b', 'a'] : ['a', 'b'];
  put(w, 'source.address', g[s + 'addr']);
  put(w, 'source.port', g[s + 'port']);
  put(w, 'destination.address', g[d + 'addr']);
  put(w, 'destination.port', g[d + 'port']);
  vput(w, 'source_interface', g[s + 'if']);
  vput(w, 'destination_interface', g[d + 'if']);
  if (g.anat !== undefined) {
    w.natsrc = g[s + 'nat'];
    w.natdst = g[d + 'nat'];
    vput(w, 'mapped_source_port', g[s + 'natport']);
    vput(w, 'mapped_destination_port', g[d + 'natport']);
  }
  if (g.u1) w.srcUserSgt = g.u1;
  if (g.u2) w.dstUserSgt = g.u2;
  vput(w, 'termination_user', g.tuser);
  return true;
}

/** Teardown TCP/UDP/ICMP connection (302014, 302016, 302018, 302021, 302036, 302304, 302306). */
function teardown(w: Work): boolean {
  if (match(w, R.teardown)) {
    const tail = w.c.tail as string | undefined;
    delete w.c.tail;
    if (tail !== undefined) teardownTail(w, tail.trim());
    return true;
  }
  if (w.msg.length > 4096) return false;
  const m = R.teardownIcmp.exec(w.msg);
  if (m === null || m.groups === undefined) return false;
  const g = m.groups;
  put(w, 'network.transport', g.transport);
  put(w, 'destination.address', g.faddr);
  put(w, 'source.address', g.laddr);
  vput(w, 'source_interface', g.lif ?? g.fif);
  w.natsrc = g.gaddr;
  if (g.dusgt) w.dstUserSgt = g.dusgt;
  if (g.susgt) w.srcUserSgt = g.susgt;
  vput(w, 'icmp_type', g.icmp_type);
  vput(w, 'icmp_code', g.icmp_code);
  return true;
}

function teardownTail(w: Work, t: string): void {
  if (t === '') return;
  let rest = t;
  if (rest.endsWith(')')) {
    const open = rest.lastIndexOf(' (');
    if (rest.startsWith('(') && open < 0) {
      vput(w, 'termination_user', rest.slice(1, -1));
      return;
    }
    if (open >= 0) {
      vput(w, 'termination_user', rest.slice(open + 2, -1));
      rest = rest.slice(0, open);
    }
  }
  const from = rest.lastIndexOf(' from ');
  if (from >= 0) {
    put(w, 'event.reason', rest.slice(0, from));
    vput(w, 'termination_initiator', rest.slice(from + 6));
  } else put(w, 'event.reason', rest);
}

/** Built ICMP connection (302020); the ASA pipeline takes the initiator of an inbound flow as source. */
function builtIcmp(w: Work): boolean {
  if (w.msg.length > 4096) return false;
  const m = R.builtIcmp.exec(w.msg);
  if (m === null || m.groups === undefined) return false;
  const g = m.groups;
  vput(w, 'icmp_type', g.icmp_type);
  vput(w, 'icmp_code', g.icmp_code);
  if (g.dusgt) w.dstUserSgt = g.dusgt;
  if (g.susgt) w.srcUserSgt = g.susgt;
  if (w.flavor === 'ftd') {
    put(w, 'network.protocol', g.ptype);
    put(w, 'destination.address', g.faddr);
    put(w, 'source.address', g.laddr);
    vput(w, 'source_interface', g.lif ?? g.fif);
    w.natsrc = g.gaddr;
    return true;
  }
  put(w, 'network.direction', g.direction);
  put(w, 'network.type', g.ptype);
  if ((g.direction ?? '').toLowerCase() === 'outbound') {
    put(w, 'source.address', g.laddr);
    put(w, 'destination.address', g.faddr);
    vput(w, 'source_interface', g.lif);
    vput(w, 'destination_interface', g.fif);
    w.natsrc = g.gaddr;
  } else {
    put(w, 'source.address', g.faddr);
    put(w, 'destination.address', g.laddr);
    vput(w, 'source_interface', g.fif);
    vput(w, 'destination_interface', g.lif);
    w.natdst = g.gaddr;
  }
  return true;
}

const DOMAIN_SRC = new Set(['338001', '338005', '338101', '338201', '338203']);
const DOMAIN_DST = new Set(['338002', '338006', '338102', '338202', '338204']);

function dynamicFilter(w: Work): boolean {
  if (!match(w, R[338])) return false;
  const dom = w.c.dom as string | undefined;
  delete w.c.dom;
  if (dom !== undefined) {
    if (DOMAIN_SRC.has(w.id)) { put(w, 'source.domain', dom); put(w, 'server.domain', dom); }
    else if (DOMAIN_DST.has(w.id)) { put(w, 'destination.domain', dom); put(w, 'server.domain', dom); }
  }
  return true;
}

function dnsIntercept(w: Work): boolean {
  if (!match(w, R[338301])) return false;
  const d = w.doc.destination as Record<string, unknown> | undefined;
  const s = w.doc.source as Record<string, unknown> | undefined;
  put(w, 'client.address', d?.address as string);
  put(w, 'client.port', d?.port as string);
  put(w, 'server.address', s?.address as string);
  put(w, 'server.port', s?.port as string);
  return true;
}

function ips(w: Work): boolean {
  if (!match(w, R[400])) return false;
  put(w, 'rule.id', w.c.sig as string);
  put(w, 'rule.name', w.c.signame as string);
  delete w.c.sig;
  delete w.c.signame;
  return true;
}

function joinReason(r: RegExp): Handler {
  return (w) => {
    if (!match(w, r)) return false;
    const r2 = w.c.reason2 as string | undefined;
    delete w.c.reason2;
    const ev = w.doc.event as Record<string, unknown>;
    if (r2 !== undefined) ev.reason = String(ev.reason ?? '') + r2;
    return true;
  };
}

function sfr(r: RegExp): Handler {
  return (w) => {
    if (!match(w, r)) return false;
    const a = w.c.sfr_action as string | undefined;
    delete w.c.sfr_action;
    if (w.flavor === 'ftd') {
      const ev = w.doc.event as Record<string, unknown>;
      ev.action = a;
      const net = w.doc.network as Record<string, unknown>;
      net.protocol = net.transport;
      delete net.transport;
    }
    return true;
  };
}

function sa(w: Work): boolean {
  if (!match(w, R[602303])) return false;
  const a = w.c.sa_action as string | undefined;
  delete w.c.sa_action;
  if (w.flavor === 'ftd') put(w, 'event.action', a);
  return true;
}

function sipPreallocate(w: Work): boolean {
  if (!match(w, R[607001])) return false;
  const t = w.c.connection_type as string | undefined;
  if (t === 'UDP' || t === 'TCP') put(w, 'network.transport', t);
  else if (t === 'RTP' || t === 'RTCP') put(w, 'network.protocol', t);
  return true;
}

function inspect(w: Work): boolean {
  if (!match(w, R[507003])) return false;
  delete w.c.inspect_reason;
  return true;
}

function echoPat(w: Work): boolean {
  if (!match(w, R[106013])) return false;
  put(w, 'network.transport', 'icmp');
  put(w, 'network.direction', 'inbound');
  return true;
}

export const FIREWALL = table<Handler>({
  '106001': simple(R[106001]), '106002': simple(R[106002]), '106006': simple(R[106006]), '106007': simple(R[106007]),
  '106010': simple(R[106010]), '106012': simple(R[106012]), '106013': echoPat, '106014': simple(R[106014]),
  '106015': simple(R[106015]), '106016': simple(R[106016]), '106017': simple(R[106017]), '106018': simple(R[106018]),
  '106020': simple(R[106020]), '106021': simple(R[106021]), '106022': simple(R[106022]), '106023': simple(R[106023]),
  '106027': simple(R[106027]), '106100': simple(R[106100]), '106102': simple(R[106102]), '106103': simple(R[106102]),
  '110002': simple(R[110002]), '111004': simple(R[111004]), '111007': simple(R[111007]), '111008': simple(R[111008]),
  '111001': simple(R[111007]), '111002': simple(R[111007]), '111003': simple(R[111003]), '111005': simple(R[111004]),
  '302024': simple(R[302022]), '302026': simple(R[302022]), '302025': simple(R[302023]), '302027': simple(R[302023]),
  '302035': built,
  '111009': simple(R[111009]), '111010': simple(R[111010]), '302010': simple(R[302010]),
  '302013': built, '302015': built, '302303': built,
  '302014': teardown, '302016': teardown, '302018': teardown, '302021': teardown, '302036': teardown,
  '302304': teardown, '302306': teardown, '302020': builtIcmp,
  '302022': simple(R[302022]), '302023': simple(R[302023]), '303002': simple(R[303002]), '304001': simple(R[304001]),
  '304002': simple(R[304002]), '305011': simple(R[305011]), '305012': simple(R[305012]), '313001': simple(R[313001]),
  '313004': simple(R[313004]), '313005': simple(R[313005]), '313008': simple(R[313001]), '313009': simple(R[313009]),
  '315011': simple(R[315011]), '322001': simple(R[322001]), '338301': dnsIntercept,
  '419002': joinReason(R[419002]), '425005': simple(R[425005]), '434002': sfr(R[434002]), '434004': sfr(R[434004]),
  '502103': simple(R[502103]), '507003': inspect, '602303': sa, '602304': sa, '605004': simple(R[605004]),
  '605005': simple(R[605004]), '607001': sipPreallocate, '609001': simple(R[609001]), '609002': simple(R[609002]),
  '611101': simple(R[611101]), '611102': simple(R[611101]), '611103': simple(R[611103]),
  '710003': simple(R[710003]), '710005': simple(R[710005]), '710006': simple(R[710005]),
  '805001': simple(R[805001]), '805002': simple(R[805002]),
});
for (const id of ['338001', '338002', '338003', '338004', '338005', '338006', '338007', '338008', '338101', '338102',
  '338103', '338104', '338201', '338202', '338203', '338204']) FIREWALL[id] = dynamicFilter;
for (let n = 400000; n <= 400050; n++) FIREWALL[String(n)] = ips;
