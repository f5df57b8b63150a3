/**
 * The CEF extension dictionary (ArcSight "Common Event Format" v25 key tables) as Elastic's CEF
 * decoder uses it: short key -> full name and data type. Lookups are case-insensitive. Full names
 * are accepted as keys too (several devices write `sourceAddress=` instead of `src=`).
 */

export const enum CefType {
  String = 0,
  Integer = 1,
  Long = 2,
  Float = 3,
  Double = 4,
  Ip = 5,
  Mac = 6,
  Timestamp = 7,
}

export interface CefKey {
  /** full extension name, as written under `cef.extensions` */
  readonly name: string;
  readonly type: CefType;
}

const S = CefType.String, I = CefType.Integer, L = CefType.Long, F = CefType.Float, D = CefType.Double;
const IP = CefType.Ip, MAC = CefType.Mac, TS = CefType.Timestamp;

// [short key, full name, type]
const TABLE: readonly [string, string, CefType][] = [
  ['agt', 'agentAddress', IP], ['agentDnsDomain', 'agentDnsDomain', S], ['ahost', 'agentHostName', S],
  ['aid', 'agentId', S], ['amac', 'agentMacAddress', MAC], ['agentNtDomain', 'agentNtDomain', S],
  ['art', 'agentReceiptTime', TS], ['atz', 'agentTimeZone', S], ['agentTranslatedAddress', 'agentTranslatedAddress', IP],
  ['agentTranslatedZoneExternalID', 'agentTranslatedZoneExternalID', S],
  ['agentTranslatedZoneURI', 'agentTranslatedZoneURI', S], ['at', 'agentType', S], ['av', 'agentVersion', S],
  ['agentZoneExternalID', 'agentZoneExternalID', S], ['agentZoneURI', 'agentZoneURI', S],
  ['app', 'applicationProtocol', S], ['cnt', 'baseEventCount', I], ['in', 'bytesIn', I], ['out', 'bytesOut', I],
  ['customerExternalID', 'customerExternalID', S], ['customerURI', 'customerURI', S],
  ['dst', 'destinationAddress', IP], ['destinationDnsDomain', 'destinationDnsDomain', S],
  ['dlat', 'destinationGeoLatitude', D], ['dlong', 'destinationGeoLongitude', D],
  ['dhost', 'destinationHostName', S], ['dmac', 'destinationMacAddress', MAC], ['dntdom', 'destinationNtDomain', S],
  ['dpt', 'destinationPort', I], ['dpid', 'destinationProcessId', I], ['dproc', 'destinationProcessName', S],
  ['destinationServiceName', 'destinationServiceName', S],
  ['destinationTranslatedAddress', 'destinationTranslatedAddress', IP],
  ['destinationTranslatedPort', 'destinationTranslatedPort', I],
  ['destinationTranslatedZoneExternalID', 'destinationTranslatedZoneExternalID', S],
  ['destinationTranslatedZoneURI', 'destinationTranslatedZoneURI', S],
  ['duid', 'destinationUserId', S], ['duser', 'destinationUserName', S], ['dpriv', 'destinationUserPrivileges', S],
  ['destinationZoneExternalID', 'destinationZoneExternalID', S], ['destinationZoneURI', 'destinationZoneURI', S],
  ['act', 'deviceAction', S], ['dvc', 'deviceAddress', IP],
  ['cfp1Label', 'deviceCustomFloatingPoint1Label', S], ['cfp2Label', 'deviceCustomFloatingPoint2Label', S],
  ['cfp3Label', 'deviceCustomFloatingPoint3Label', S], ['cfp4Label', 'deviceCustomFloatingPoint4Label', S],
  ['deviceCustomDate1', 'deviceCustomDate1', TS], ['deviceCustomDate1Label', 'deviceCustomDate1Label', S],
  ['deviceCustomDate2', 'deviceCustomDate2', TS], ['deviceCustomDate2Label', 'deviceCustomDate2Label', S],
  ['cfp1', 'deviceCustomFloatingPoint1', F], ['cfp2', 'deviceCustomFloatingPoint2', F],
  ['cfp3', 'deviceCustomFloatingPoint3', F], ['cfp4', 'deviceCustomFloatingPoint4', F],
  ['c6a1', 'deviceCustomIPv6Address1', IP], ['c6a1Label', 'deviceCustomIPv6Address1Label', S],
  ['c6a3', 'deviceCustomIPv6Address3', IP], ['c6a3Label', 'deviceCustomIPv6Address3Label', S],
  ['c6a4', 'deviceCustomIPv6Address4', IP], ['c6a4Label', 'deviceCustomIPv6Address4Label', S],
  ['cn1', 'deviceCustomNumber1', L], ['cn1Label', 'deviceCustomNumber1Label', S],
  ['cn2', 'DeviceCustomNumber2', L], ['cn2Label', 'deviceCustomNumber2Label', S],
  ['cn3', 'deviceCustomNumber3', L], ['cn3Label', 'deviceCustomNumber3Label', S],
  ['cs1', 'deviceCustomString1', S], ['cs1Label', 'deviceCustomString1Label', S],
  ['cs2', 'deviceCustomString2', S], ['cs2Label', 'deviceCustomString2Label', S],
  ['cs3', 'deviceCustomString3', S], ['cs3Label', 'deviceCustomString3Label', S],
  ['cs4', 'deviceCustomString4', S], ['cs4Label', 'deviceCustomString4Label', S],
  ['cs5', 'deviceCustomString5', S], ['cs5Label', 'deviceCustomString5Label', S],
  ['cs6', 'deviceCustomString6', S], ['cs6Label', 'deviceCustomString6Label', S],
  ['deviceDirection', 'deviceDirection', I], ['deviceDnsDomain', 'deviceDnsDomain', S],
  ['cat', 'deviceEventCategory', S], ['deviceExternalId', 'deviceExternalId', S],
  ['deviceFacility', 'deviceFacility', S], ['dvchost', 'deviceHostName', S],
  ['deviceInboundInterface', 'deviceInboundInterface', S], ['dvcmac', 'deviceMacAddress', MAC],
  ['deviceNtDomain', 'deviceNtDomain', S], ['deviceOutboundInterface', 'deviceOutboundInterface', S],
  ['devicePayloadId', 'devicePayloadId', S], ['dvcpid', 'deviceProcessId', I],
  ['deviceProcessName', 'deviceProcessName', S], ['rt', 'deviceReceiptTime', TS], ['dtz', 'deviceTimeZone', S],
  ['deviceTranslatedAddress', 'deviceTranslatedAddress', IP],
  ['deviceTranslatedZoneExternalID', 'deviceTranslatedZoneExternalID', S],
  ['deviceTranslatedZoneURI', 'deviceTranslatedZoneURI', S], ['deviceZoneExternalID', 'deviceZoneExternalID', S],
  ['deviceZoneURI', 'deviceZoneURI', S], ['end', 'endTime', TS], ['eventId', 'eventId', L],
  ['outcome', 'eventOutcome', S], ['externalId', 'externalId', S], ['fileCreateTime', 'fileCreateTime', TS],
  ['fileHash', 'fileHash', S], ['fileId', 'fileId', S], ['fileModificationTime', 'fileModificationTime', TS],
  ['fname', 'filename', S], ['filePath', 'filePath', S], ['filePermission', 'filePermission', S],
  ['fsize', 'fileSize', I], ['fileType', 'fileType', S], ['flexDate1', 'flexDate1', TS],
  ['flexDate1Label', 'flexDate1Label', S], ['flexString1', 'flexString1', S], ['flexString2', 'flexString2', S],
  ['flexString1Label', 'flexString1Label', S], ['flexString2Label', 'flexString2Label', S],
  ['msg', 'message', S], ['oldFileCreateTime', 'oldFileCreateTime', TS], ['oldFileHash', 'oldFileHash', S],
  ['oldFileId', 'oldFileId', S], ['oldFileModificationTime', 'oldFileModificationTime', TS],
  ['oldFileName', 'oldFileName', S], ['oldFilePath', 'oldFilePath', S], ['oldFilePermission', 'oldFilePermission', S],
  ['oldFileSize', 'oldFileSize', I], ['oldFileType', 'oldFileType', S], ['rawEvent', 'rawEvent', S],
  ['reason', 'Reason', S], ['requestClientApplication', 'requestClientApplication', S],
  ['requestContext', 'requestContext', S], ['requestCookies', 'requestCookies', S],
  ['requestMethod', 'requestMethod', S], ['request', 'requestUrl', S], ['src', 'sourceAddress', IP],
  ['sourceDnsDomain', 'sourceDnsDomain', S], ['slat', 'sourceGeoLatitude', D], ['slong', 'sourceGeoLongitude', D],
  ['shost', 'sourceHostName', S], ['smac', 'sourceMacAddress', MAC], ['sntdom', 'sourceNtDomain', S],
  ['spt', 'sourcePort', I], ['spid', 'sourceProcessId', I], ['sproc', 'sourceProcessName', S],
  ['sourceServiceName', 'sourceServiceName', S], ['sourceTranslatedAddress', 'sourceTranslatedAddress', IP],
  ['sourceTranslatedPort', 'sourceTranslatedPort', I],
  ['sourceTranslatedZoneExternalID', 'sourceTranslatedZoneExternalID', S],
  ['sourceTranslatedZoneURI', 'sourceTranslatedZoneURI', S], ['suid', 'sourceUserId', S],
  ['suser', 'sourceUserName', S], ['spriv', 'sourceUserPrivileges', S],
  ['sourceZoneExternalID', 'sourceZoneExternalID', S], ['sourceZoneURI', 'sourceZoneURI', S],
  ['start', 'startTime', TS], ['proto', 'transportProtocol', S], ['type', 'type', I],
  ['catdt', 'categoryDeviceType', S], ['mrt', 'managerReceiptTime', TS],
  // in ArcSight's dictionary but not in Elastic's decoder table; full name as the key, so only the type is added
  ['flexNumber1', 'flexNumber1', L], ['flexNumber1Label', 'flexNumber1Label', S], ['flexNumber2', 'flexNumber2', L],
  ['flexNumber2Label', 'flexNumber2Label', S], ['reportedDuration', 'reportedDuration', L],
  ['agentTranslatedZoneKey', 'agentTranslatedZoneKey', L], ['agentZoneKey', 'agentZoneKey', L], ['customerKey', 'customerKey', L],
  ['destinationTranslatedZoneKey', 'destinationTranslatedZoneKey', L], ['destinationZoneKey', 'destinationZoneKey', L],
  ['deviceTranslatedZoneKey', 'deviceTranslatedZoneKey', L], ['deviceZoneKey', 'deviceZoneKey', L],
  ['sourceTranslatedZoneKey', 'sourceTranslatedZoneKey', L], ['sourceZoneKey', 'sourceZoneKey', L],
];

/** lower-cased key (short or full name) -> mapping */
export const CEF_KEYS: ReadonlyMap<string, CefKey> = (() => {
  const m = new Map<string, CefKey>();
  for (const [short, name, type] of TABLE) {
    const k: CefKey = { name, type };
    m.set(short.toLowerCase(), k);
    if (!m.has(name.toLowerCase())) m.set(name.toLowerCase(), k);
  }
  return m;
})();
