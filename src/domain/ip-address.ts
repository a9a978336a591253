// An end user's IP address (CloudTrail's sourceIPAddress) is personal data: --redact keeps the network
// it came from and masks the host, as web analytics anonymise addresses.

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
/** Four octets, not part of a longer dotted number (a version such as 1.2.3.4.5). */
const IPV4 = new RegExp(`(?<!\\d|\\d\\.)(${OCTET}\\.${OCTET})\\.${OCTET}\\.${OCTET}(?!\\.?\\d)`, 'g');
/**
 * An IPv6 address written with "::" or in full (eight groups): a time such as 10:20:30 is neither.
 * Its first two groups are kept.
 */
const IPV6 =
  /(?<![\w:])([0-9a-f]{1,4}:[0-9a-f]{1,4}):(?:(?:[0-9a-f]{0,4}:)*:[0-9a-f:]*|(?:[0-9a-f]{1,4}:){5}[0-9a-f]{1,4})(?![\w:])/gi;

/** `text` with each IP address's host part masked: 203.0.113.10 → 203.0.*.*, 2001:db8:… → 2001:db8:*. */
export function maskIpAddresses(text: string): string {
  return text.replace(IPV4, '$1.*.*').replace(IPV6, '$1:*');
}
