/**
 * AAA, VPN, WebVPN/AnyConnect, SSL and threat-detection messages (113xxx, 7xxxxx) shared by ASA and
 * FTD.
 */
import type { Handler, Work } from '../work.js';
import { match, put } from '../work.js';
import { table } from '../../../src/core/null-proto.js';

function re(s: string): RegExp {
  return new RegExp(s);
}

const GUI_B = '^Group <(?<sgroup>[^<>]*)> User <(?<suser>[^<>]*)> IP <(?<src>[^<>]*)>';
const GUI_S = '^Group (?<sgroup>\\S+) User (?<suser>\\S+) IP (?<src>\\S+)';
const WV_B = '^Group <(?<webvpn__group_name>[^<>]*)> User <(?<suser>[^<>]*)> IP <(?<src>[^<>]*)>';
const WV_S = '^Group (?<webvpn__group_name>\\S+) User (?<suser>\\S+) IP (?<src>\\S+)';

const R = {
  113004: re('^AAA user (?<aaa_type>\\S+) Successful\\s*: server =\\s*(?<dst>\\S+) [:,] [Uu]ser = (?<suser>.+?)\\s*$'),
  113005: re('^AAA user (?:authentication|authorization) Rejected\\s*: reason = (?<rejection_reason>.*?)\\s*: server = (?<dst>\\S+)\\s*: user = ?(?<suser>.*?)\\s*: user IP = (?<userip>\\S+)'),
  113008: re('^AAA transaction status ACCEPT\\s*: user = (?<suser>.+?)\\s*$'),
  113009: re('^AAA retrieved default group policy \\(?(?<group_policy>[^()]*?)\\)? for user =? ?(?<suser>.+?)\\s*$'),
  113012: re('^AAA user authentication Successful\\s*: local database\\s*: [Uu]ser = (?<suser>.+?)\\s*$'),
  113014: re('^AAA authentication server not accessible\\s*: server =\\s*(?<dst>\\S+)\\s*: [Uu]ser = (?<suser>.+?)\\s*$'),
  113015: re('^AAA user authentication Rejected\\s*: reason = (?<rejection_reason>.*?)\\s*: local database\\s*: [Uu]ser = (?<suser>.*?)\\s*: [Uu]ser IP = (?<src>\\S+)'),
  113019: re('^Group = (?<sgroup>[^,]*), Username = (?<suser>.*?), IP = (?<dst>[^,]*), Session disconnected\\. Session Type: (?<session_type>[^,]*), Duration: (?<hms>[^,]*), Bytes xmt: (?<sbytes>\\d+), Bytes rcv: (?<dbytes>\\d+), Reason: (?<reason>.*)$'),
  113021: re('^Attempted console login failed\\. User (?<suser>\\S+) did NOT have appropriate Admin Rights\\.'),
  113022: re('^AAA Marking (?<protocol>\\S+) server (?<dst>\\S+) in aaa-server group'),
  '113040g': re('^Group <(?<sgroup>[^<>]*)> User <(?<suser>[^<>]*)> IP <(?<src>[^<>]*)> Terminating the VPN connection attempt from <(?<tunnel_group>[^<>]*)>\\. Reason: This connection is group locked to '),
  113040: re('^Terminating the VPN connection attempt from (?<sgroup>.*?)\\. Reason: This connection is group locked to '),
  gub: re(GUI_B), gus: re(GUI_S),
  713049: re('^Group = [^,]+, (?:Username = (?<user>[^,]+), )?IP = (?<src>[^,]+), Security negotiation complete '),
  713120: re('^Group = [^,]*, IP = (?<src>[^,]+), (?<reason>.*) \\(msgid=(?<event_id>[^)]*)\\)'),
  713202: re('^IP = (?<src>[^,]+), (?<reason>[^.]*)\\. .*packet\\.$'),
  7139: re('^(?:Group = [0-9A-Fa-f.:]+, )?(?:IP = (?<src>[0-9A-Fa-f.:]+), )?(?<reason>.*)$'),
  '716002b': re(WV_B + ' WebVPN session terminated: (?<reason>.*)\\.$'),
  '716002s': re(WV_S + ' WebVPN session terminated: (?<reason>.*)\\.$'),
  '716003b': re(WV_B + ' WebVPN access GRANTED: "?(?<url>[^"]*)"?$'),
  '716003s': re(WV_S + ' WebVPN access GRANTED: "?(?<url>[^"]*)"?$'),
  '716039a': re('^Authentication: rejected, group = (?<sgroup>\\S+) user = (?<suser>\\S+) , Session Type: (?<session_type>\\S+)'),
  '716039b': re('^Group <(?<sgroup>[^<>]*)> User <(?<suser>[^<>]*)> IP <(?<src>[^<>]*)> Authentication: rejected, Session Type: (?<session_type>[^.\\s]+)\\.'),
  '716058b': re(WV_B), '716058s': re(WV_S),
  '716059b': re('^Group <(?<webvpn__group_name>[^<>]+)> User(?: <(?<suser>[^<>]+)>)? IP <(?<dst>[^<>]+)> AnyConnect session (?:resumed connection|resumed\\. Connection) from(?: IP)? <(?<src>[^<>\\s]+)>\\.$'),
  '716059s': re('^Group (?<webvpn__group_name>\\S+) User(?: (?<suser>\\S+))? IP (?<dst>\\S+) AnyConnect session (?:resumed connection|resumed\\. Connection) from(?: IP)? (?<src>\\S+)\\.$'),
  721016: re('^\\((?<device_type>[^)]*)\\) WebVPN session for client user (?<suser>[^,]+), IP\\S* (?<dip>\\S+) has been (?:created|deleted)\\.'),
  svcb: re(GUI_B + ' (?<reason>.*)$'), svcs: re(GUI_S + ' (?<reason>.*)$'),
  722033: re('^First (?<transport>\\S+) SVC connection established for SVC session\\.'),
  722034: re('^New (?<transport>\\S+) SVC connection, no existing connection\\.'),
  722051: re('^IPv4 Address <(?<assigned_ip>[^>]*)> '),
  '722051ftd': re('IP <[^<>]*> IPv4 [Aa]ddress <(?<assigned_ip>[^<>]*)> IPv6 [Aa]ddress <(?<assigned_ipv6>[^<>]*)>'),
  722055: re(' Client [Tt]ype: (?<ua>.*)$'),
  725001: re('^Starting SSL handshake with (?<peer_type>\\S+) (?<sif>\\S*?):(?<src>\\S+)/(?<sport>\\S+) (?:to (?<dst>\\S+)/(?<dport>\\S+) )?for (?<tls_version>\\S+) session'),
  725002: re('^Device completed SSL handshake with (?<peer_type>\\S+) (?<sif>\\S*?):(?<src>\\S+)/(?<sport>\\S+) to (?<dst>\\S+)/(?<dport>\\S+) for (?<tls_version>\\S+)'),
  725007: re('^SSL session with (?<peer_type>\\S+) (?<sif>\\S*?):(?<src>\\S+)/(?<sport>\\S+) to (?<dst>\\S+)/(?<dport>\\S+) terminated'),
  725016: re('^Device selects trust-point (?<trustpoint>.*?) for (?<peer_type>\\S+) (?<sif>\\S*?):(?<src>\\S+)/(?<sport>\\S+) to (?<dst>\\S+)/(?<dport>\\S+)$'),
  733100: re('^\\[\\s*(?<burst__object>[^\\]]*)\\] drop (?<burst__id>\\S+) exceeded\\. Current burst rate is (?<burst__current_rate>\\d+) per second, max configured rate is (?<burst__configured_rate>\\d+); Current average rate is (?<burst__avg_rate>\\d+) per second, max configured rate is (?<burst__configured_avg_rate>\\d+); Cumulative total count is (?<burst__cumulative_count>\\d+)'),
  734001: re('^DAP: User (?<email>[^,]+), Addr (?<src>[^,]+), Connection (?<connection_type>[^:]+): The following DAP records were selected for this connection: (?<dap>.*)$'),
  737003: re('^IPAA: (?:Session=(?<session_id>[^,\\s]+), )?DHCP configured, no viable servers found for tunnel-group (?<tunnel_group>\\S+)$'),
  737006: re('^IPAA: (?:Session=(?<session_id>[^,\\s]+), )?Local pool request succeeded for tunnel-group (?<tunnel_group>\\S+)$'),
  737016: re('^IPAA: (?:Session=(?<session_id>[^,\\s]+), )?Freeing local pool (?<pool_name>\\S+) address (?<pool_address>\\S+)$'),
  737026: re('^IPAA: (?:Session=(?<session_id>[^,\\s]+), )?Client assigned (?<pool_address>\\S+) from local pool (?<pool_name>\\S+)$'),
  737034: re('^IPAA: (?:Session=(?<session_id>[^,\\s]+), )?(?<reason>.*)$'),
  750002: re('^Local:(?<src>\\S+):(?<sport>\\d+) Remote:(?<dst>\\S+):(?<dport>\\d+) Username:(?<user>\\S+) (?<reason>.*)$'),
  750003: re('^Local:(?<src>\\S+):(?<sport>\\d+) Remote:(?<dst>\\S+):(?<dport>\\d+) Username:(?<user>\\S+) (?<reason>.*?) ERROR:(?<reason2>.*)$'),
  746012: re('^user-identity: .*? IP-User mapping (?<src>\\S+) - (?<suser>.+?) (?<opstatus>Succeeded|Failed) - (?<reason>.*)$'),
} as const;

function simple(r: RegExp): Handler {
  return (w) => match(w, r);
}

function either(a: RegExp, b: RegExp): Handler {
  return (w) => match(w, a) || match(w, b);
}

function aaaRejected(w: Work): boolean {
  if (!match(w, R[113005])) return false;
  const ip = w.c.userip as string | undefined;
  delete w.c.userip;
  if (ip !== undefined && ip !== 'None') put(w, 'source.address', ip);
  if (w.flavor === 'ftd') delete w.c.rejection_reason;
  return true;
}

function groupPolicy(w: Work): boolean {
  if (!match(w, R[113009])) return false;
  if (w.flavor === 'ftd') {
    put(w, 'source.user.group.name', w.c.group_policy as string);
    delete w.c.group_policy;
  }
  return true;
}

function lockedGroup(w: Work): boolean {
  if (w.msg.startsWith('Group')) return match(w, R['113040g']);
  return match(w, R[113040]);
}

function svc(w: Work): boolean {
  if (!(match(w, R.svcb) || match(w, R.svcs))) return false;
  const reason = (w.doc.event as Record<string, unknown> | undefined)?.reason as string | undefined;
  if (reason === undefined) return true;
  if (w.id === '722033') match(w, R[722033], reason);
  else if (w.id === '722034') match(w, R[722034], reason);
  else if (w.id === '722051') {
    if (w.flavor === 'ftd') {
      match(w, R['722051ftd']);
      moveGroupToWebvpn(w);
      delete (w.doc.event as Record<string, unknown>).reason;
    } else match(w, R[722051], reason);
  }
  return true;
}

function moveGroupToWebvpn(w: Work): void {
  const su = (w.doc.source as Record<string, unknown> | undefined)?.user as Record<string, unknown> | undefined;
  const g = su?.group as Record<string, unknown> | undefined;
  if (g?.name !== undefined) {
    w.c.webvpn = { group_name: g.name };
    delete su!.group;
  }
}

function clientType(w: Work): boolean {
  if (!(match(w, R.gub) || match(w, R.gus))) return false;
  match(w, R[722055]);
  if (w.flavor === 'ftd') moveGroupToWebvpn(w);
  return true;
}

function dap(w: Work): boolean {
  if (!match(w, R[734001])) return false;
  const d = w.c.dap as string | undefined;
  delete w.c.dap;
  if (d !== undefined) w.c.dap_records = d.split(/,\s+/);
  return true;
}

function reasonJoin(w: Work): boolean {
  if (!match(w, R[750003])) return false;
  const r2 = w.c.reason2 as string | undefined;
  delete w.c.reason2;
  const ev = w.doc.event as Record<string, unknown>;
  if (r2 !== undefined) ev.reason = String(ev.reason ?? '') + r2;
  return true;
}

function identity(w: Work): boolean {
  if (!match(w, R[746012])) return false;
  const st = w.c.opstatus;
  delete w.c.opstatus;
  put(w, 'event.outcome', st === 'Succeeded' ? 'success' : 'failure');
  return true;
}

function tls(r: RegExp): Handler {
  return (w) => {
    if (!match(w, r)) return false;
    const v = w.c.tls_version as string | undefined;
    delete w.c.tls_version;
    if (v !== undefined) {
      const m = /^([A-Z]+)(?:v(\d+(?:\.\d+)?))?/.exec(v);
      if (m !== null) {
        put(w, 'tls.version_protocol', m[1]!.toLowerCase());
        put(w, 'tls.version', m[2]);
      }
    }
    return true;
  };
}

export const VPN = table<Handler>({
  '113004': simple(R[113004]), '113005': aaaRejected, '113008': simple(R[113008]), '113009': groupPolicy,
  '113012': simple(R[113012]), '113014': simple(R[113014]), '113015': simple(R[113015]), '113019': simple(R[113019]),
  '113021': simple(R[113021]), '113022': simple(R[113022]), '113023': simple(R[113022]), '113040': lockedGroup,
  '713049': simple(R[713049]), '713120': simple(R[713120]), '713202': simple(R[713202]),
  '716002': either(R['716002b'], R['716002s']), '716003': either(R['716003b'], R['716003s']),
  '716039': either(R['716039a'], R['716039b']), '716058': either(R['716058b'], R['716058s']),
  '716059': either(R['716059b'], R['716059s']), '721016': simple(R[721016]), '721018': simple(R[721016]),
  '722055': clientType,
  '725001': tls(R[725001]), '725002': tls(R[725002]), '725007': tls(R[725007]), '725016': tls(R[725016]),
  '733100': simple(R[733100]), '734001': dap, '737003': simple(R[737003]), '737006': simple(R[737006]),
  '737016': simple(R[737016]), '737026': simple(R[737026]), '737034': simple(R[737034]),
  '750002': simple(R[750002]), '750003': reasonJoin, '746012': identity, '746013': identity,
});
for (const id of ['113029', '113030', '113031', '113032', '113033', '113034', '113035', '113036', '113038', '113039']) {
  VPN[id] = either(R.gub, R.gus);
}
for (const id of ['722011', '722022', '722023', '722028', '722032', '722033', '722034', '722037', '722051']) VPN[id] = svc;
for (const id of ['713901', '713902', '713904', '713905', '713906']) VPN[id] = simple(R[7139]);
