/**
 * JIT warm-up at start: a few thousand sample messages (plain syslog and one per device family)
 * through a scratch processor and JSON, before the listeners open. Cold, the pipeline runs several
 * times slower while V8 still interprets it; a burst right after a start (UDP senders that never
 * stop, TCP senders reconnecting with a backlog) would otherwise meet that slow phase and overflow
 * the socket buffer. The scratch processor has its own telemetry and no enrichers, so nothing of
 * this shows in counters, caches or outputs.
 */
import { Processor } from './process.js';
import { Telemetry } from '../core/telemetry.js';
import type { Frame } from '../core/types.js';
import { encodeDoc } from '../sinks/encode.js';

const SAMPLES: readonly string[] = [
  '<38>2024-03-14T08:00:00+00:00 host1 app[1234]: seq: 0000000001, thread: 0000, runid: 1710403200, stamp: 2024-03-14T08:00:00 PADDPADDPADD',
  '<34>1 2024-03-14T08:00:00.123Z host2 sshd 99 ID47 [exampleSDID@32473 iut="3" eventSource="Application"] Accepted password for alice from 10.0.0.9 port 50022 ssh2',
  '<13>Mar 14 08:00:00 host3 CRON[42]: (root) CMD (run-parts /etc/cron.hourly)',
  '<164>Mar 14 2024 08:00:00 asa-1 : %ASA-4-106023: Deny tcp src outside:10.1.1.7/44321 dst dmz:10.2.2.80/22 by access-group "OUTSIDE_IN" [0x5063b82f, 0x0]',
  '<166>Mar 14 2024 08:00:00 asa-1 : %ASA-6-302013: Built inbound TCP connection 1234 for outside:10.1.1.7/5000 (10.1.1.7/5000) to inside:10.2.2.9/443 (10.2.2.9/443)',
  '<164>Mar 14 2024 08:00:00 ftd-1 : %FTD-4-106023: Deny udp src outside:10.1.1.7/5353 dst inside:10.20.0.9/53 by access-group "CSM_FW_ACL_" [0x97aa021a, 0x0]',
  '<190>912: Mar 14 08:00:00.000: %LINEPROTO-5-UPDOWN: Line protocol on Interface GigabitEthernet0/1, changed state to up',
  '<14>Mar 14 08:00:00 pa-1 1,2024/03/14 08:00:00,007200001234,TRAFFIC,end,2561,2024/03/14 08:00:00,10.0.0.5,10.9.9.9,0.0.0.0,0.0.0.0,allow-web,,,ssl,vsys1,trust,untrust,ethernet1/1,ethernet1/2,fwd,2024/03/14 08:00:00,1234,1,50123,443,0,0,0x400000,tcp,allow,5000,3000,2000,20,2024/03/14 07:59:50,10,any,0,7300014100,0x0,10.0.0.0-10.255.255.255,US,0,10,10,tcp-fin',
  '<189>date=2024-03-14 time=08:00:00 devname="fgt-1" devid="FG100FTK20001234" logid="0000000013" type="traffic" subtype="forward" level="notice" vd="root" srcip=10.0.0.23 srcport=51544 srcintf="internal" dstip=10.9.9.80 dstport=443 dstintf="wan1" sessionid=88123 proto=6 action="accept" policyid=1 service="HTTPS" sentbyte=1200 rcvdbyte=3400',
  '<14>1 2024-03-14T08:00:00.000+01:00 srx-1 RT_FLOW - RT_FLOW_SESSION_CLOSE [junos@2636.1.1.1.2.129 reason="TCP FIN" source-address="10.10.1.20" source-port="50123" destination-address="10.9.9.200" destination-port="443" service-name="junos-https" protocol-id="6" policy-name="allow-web" source-zone-name="trust" destination-zone-name="untrust" session-id-32="1234" packets-from-client="10" bytes-from-client="1200" packets-from-server="8" bytes-from-server="3400" elapsed-time="5"]',
  '<134>1 2024-03-14T08:00:00Z cp-gw CheckPoint 2210 - [action:"Accept"; ifdir:"inbound"; ifname:"eth1"; origin:"10.0.10.1"; src:"10.0.0.5"; dst:"10.0.20.15"; proto:"6"; s_port:"50123"; service:"443"; product:"VPN-1 & FireWall-1"]',
  '<134>Mar 14 08:00:00 pfsense filterlog[4321]: 5,,,1000000103,igb1,match,block,in,4,0x0,,64,1234,0,DF,6,tcp,60,10.1.1.7,10.2.2.9,50123,443,0,S,1234567,,64240,,mss;sackOK;TS;nop;wscale',
  '<134>Mar 14 08:00:00 sonicwall id=firewall sn=C0EAE4000001 time="2024-03-14 08:00:00 UTC" fw=10.0.0.1 pri=6 c=262144 m=98 msg="Connection Opened" n=125001 src=10.1.1.25:51544:X0 dst=10.9.9.34:443:X1 proto=tcp/https',
  '<30>device="SFW" date=2024-03-14 time=08:00:00 timezone="UTC" device_name="XG135" device_id=X1310012345678 log_id=010101600001 log_type="Firewall" log_component="Firewall Rule" log_subtype="Allowed" status="Allow" priority=Information fw_rule_id=4 src_ip=10.0.0.5 dst_ip=10.9.9.9 protocol="TCP" src_port=50123 dst_port=443',
  '<134>Mar 14 08:00:00 host CEF:0|Security|threatmanager|1.0|100|worm successfully stopped|10|src=10.0.0.1 dst=10.2.1.2 spt=1232 dpt=80 proto=TCP act=blocked suser=jdoe',
  '<13>Mar 14 08:00:00 qradar-src LEEF:1.0|Microsoft|MSExchange|2016|15345|src=10.0.2.10\tdst=10.9.100.2\tsev=5\tcat=anomaly\tsrcPort=49152\tdstPort=25\tusrName=joe.black\tproto=TCP',
  '<4>Mar 14 08:00:00 gw kernel: [12345.678] DROP IN=eth0 OUT= MAC=00:11:22:33:44:55:66:77:88:99:aa:bb:08:00 SRC=10.1.1.7 DST=10.2.2.9 LEN=60 TOS=0x00 PREC=0x00 TTL=52 ID=1234 DF PROTO=TCP SPT=50123 DPT=22 WINDOW=29200 RES=0x00 SYN URGP=0',
  '<134>1 1710403200.000000000 MX84 flows src=10.0.0.5 dst=10.9.9.9 mac=AA:BB:CC:00:11:22 protocol=tcp sport=50123 dport=443 pattern: allow all',
  '<33>Mar 14 08:00:00 snort[1234]: [1:1000010:2] TEST tcp syn [Classification: Misc activity] [Priority: 3] {TCP} 10.0.0.8:51000 -> 10.2.0.44:8080',
];

/** Runs the samples until `rounds` passes or `budgetMs` elapsed; returns the passes made. */
export function warmUp(rounds = 300, budgetMs = 400): number {
  const p = new Processor({ timezone: 'UTC', senders: [], enrichers: [], telemetry: new Telemetry() });
  const stats = new Telemetry().stats('warm-up', '127.0.0.1');
  const frames = SAMPLES.map((s): Frame => ({ data: Buffer.from(s), senderIp: '127.0.0.1', senderPort: 514, listener: 'warm-up', receivedAt: 0, truncated: false }));
  const end = Date.now() + budgetMs;
  let r = 0;
  let sink = 0;
  for (; r < rounds && Date.now() < end; r++) {
    for (const f of frames) {
      f.receivedAt = 1710403200000 + r;
      sink += encodeDoc(p.process(f, stats)).json!.length;
    }
  }
  return sink > 0 ? r : 0;
}
