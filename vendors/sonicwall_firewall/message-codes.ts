/**
 * SonicOS message id (`m=`) -> ECS categorisation, as Elastic's sonicwall_firewall integration
 * assigns it (from SonicOS's log event reference: category, group, priority of each message id).
 * Built once at module load into a Map.
 */
import { table } from '../../src/core/null-proto.js';

export interface EventShape {
  kind: string;
  category: readonly string[];
  type: readonly string[];
  outcome: string;
}

/** event.action value -> the categorisation it implies */
export const EVENT_TYPES = table<EventShape>({
  'internal-log-success': { kind: 'event', category: ['host'], type: ['info'], outcome: 'success' },
  'internal-log-failure': { kind: 'event', category: ['host'], type: ['info'], outcome: 'failure' },
  'login-success': { kind: 'event', category: ['authentication'], type: ['start', 'info'], outcome: 'success' },
  'login-failure': { kind: 'event', category: ['authentication'], type: ['start', 'info'], outcome: 'failure' },
  logout: { kind: 'event', category: ['authentication'], type: ['end', 'info'], outcome: 'success' },
  'user-account-locked': { kind: 'event', category: ['iam'], type: ['info', 'user'], outcome: 'success' },
  'user-account-unlocked': { kind: 'event', category: ['iam'], type: ['info', 'user'], outcome: 'success' },
  'user-account-enabled': { kind: 'event', category: ['iam'], type: ['info', 'user'], outcome: 'success' },
  'user-account-disabled': { kind: 'event', category: ['iam'], type: ['info', 'user'], outcome: 'success' },
  'user-account-created': { kind: 'event', category: ['iam'], type: ['info', 'user', 'deletion'], outcome: 'success' },
  'user-account-changed': { kind: 'event', category: ['iam'], type: ['info', 'user', 'change'], outcome: 'success' },
  'user-account-change-failure': { kind: 'event', category: ['iam'], type: ['info', 'user', 'change'], outcome: 'failure' },
  'admin-account-changed': { kind: 'event', category: ['iam'], type: ['info', 'user', 'change', 'admin'], outcome: 'success' },
  'user-account-deleted': { kind: 'event', category: ['iam'], type: ['info', 'user', 'deletion'], outcome: 'success' },
  'session-start': { kind: 'event', category: ['session'], type: ['start'], outcome: 'success' },
  'session-end': { kind: 'event', category: ['session'], type: ['end'], outcome: 'success' },
  'attack-detected': { kind: 'alert', category: ['intrusion_detection'], type: ['info'], outcome: 'success' },
  'attack-blocked': { kind: 'alert', category: ['intrusion_detection'], type: ['denied'], outcome: 'success' },
  'connection-start': { kind: 'event', category: ['network'], type: ['connection', 'start'], outcome: 'success' },
  'connection-end': { kind: 'event', category: ['network'], type: ['connection', 'end'], outcome: 'success' },
  'connection-denied': { kind: 'event', category: ['network'], type: ['connection', 'denied'], outcome: 'success' },
  'packet-dropped': { kind: 'event', category: ['network'], type: ['denied'], outcome: 'success' },
  'connection-info': { kind: 'event', category: ['network'], type: ['connection', 'info'], outcome: 'success' },
  'malware-info': { kind: 'alert', category: ['malware'], type: ['info'], outcome: 'success' },
  'config-change': { kind: 'event', category: ['configuration'], type: ['change'], outcome: 'success' },
  'config-change-failure': { kind: 'event', category: ['configuration'], type: ['change'], outcome: 'failure' },
  'config-info': { kind: 'event', category: ['configuration'], type: ['info'], outcome: 'success' },
  'config-delete': { kind: 'event', category: ['configuration'], type: ['deletion'], outcome: 'success' },
  'config-add': { kind: 'event', category: ['configuration'], type: ['creation'], outcome: 'success' },
});

/** action -> message ids (SonicOS log event reference, grouped by what the event means) */
const BY_ACTION = table<string>({
  'packet-dropped':
    '28 38 41 46 48 63 175 181 339 347 428 522 523 580 590 646 647 651 652 653 683 690 694 708 709 714 735 ' +
    '883 884 885 886 887 888 889 890 891 892 893 894 895 896 910 1029 1030 1031 1233 1253 1254 1257 1301 1302 ' +
    '1303 1304 1384 1385 1429 1430 1433 1436 1448 1449 1473 1573 1576 1628 1629',
  'connection-info': '16 45 182 188 597 598 734 815 999 1001 1002 1003 1004 1005 1006 1081 1197 1255 1256 1431 1458',
  'connection-start': '98',
  'connection-end': '36 537',
  'connection-denied': '14 58 173 524 712 713 760 797 798 1198 1199 1474 1475',
  'config-add': '440 1313 1599',
  'config-change':
    '340 341 441 506 507 508 509 728 729 856 857 858 862 863 1269 1314 1332 1336 1339 1340 1382 1432 1600 1601 1674',
  'config-delete': '442 1315',
  'config-change-failure': '1383',
  'config-info': '1590',
  'attack-blocked':
    '22 23 27 81 229 267 446 527 528 538 606 609 790 864 898 901 1099 1180 1200 1201 1366 1376 1387 1476 1477 1518 1519',
  'attack-detected':
    '25 82 83 177 178 179 546 548 608 789 859 860 879 897 904 905 1098 1195 1213 1214 1316 1363 1369 1373 1374 ' +
    '1375 1450 1451 1452 1471 1593',
  logout: '24 261 262 263 264 265 520 1008 1124',
  'login-success': '29 31 199 235 236 237 238 1080',
  'login-failure':
    '30 32 33 34 35 200 243 244 245 246 329 486 549 557 583 744 745 746 747 748 749 750 751 753 754 755 756 757 ' +
    '759 986 987 988 989 990 991 1035 1048 1117 1118 1119 1120 1121 1122 1123 1243 1517 1572 1585 1655 1672',
  'admin-account-changed': '328',
  'user-account-unlocked': '438 439 1571',
  'user-account-locked': '1570',
  'user-account-created': '558 1333',
  'user-account-deleted': '559 562 1158 1335',
  'user-account-disabled': '560 1157 1627',
  'user-account-enabled': '561',
  'user-account-changed': '1334 1337 1338 1341 1342',
  'user-account-change-failure': '1011',
  'session-start': '994 996 997',
  'session-end': '550 551 564 995 998',
  'malware-info': '123 124 125 159 408 482 793 794 795 796 1154 1155 1559 1560 1561 1562 1654',
  'internal-log-success': '4 521 1046 1047 1049 1065 1392 1393 1494 1495 1496 1511 1513 1515 1520 1565 1567',
  'internal-log-failure':
    '53 93 94 95 164 573 574 599 600 601 1066 1107 1149 1152 1160 1161 1196 1268 1512 1514 1516 1521 1566 1568 1636 1637',
});

/** message id -> event.action */
export const MESSAGE_ACTION: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const [action, ids] of Object.entries(BY_ACTION)) for (const id of ids.split(' ')) m.set(id, action);
  return m;
})();
