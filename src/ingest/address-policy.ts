import ipaddr from 'ipaddr.js';

/**
 * Why an address may not be fetched, or null when it may. Private, loopback, link-local, unique-local, carrier-grade
 * NAT, multicast, broadcast, unspecified and reserved ranges are refused: a URL given by a user (or found in a feed)
 * must not reach the machine itself or its network.
 */
export function refusedAddress(address: string): string | null {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(address);
  } catch {
    return `not an IP address: ${address}`;
  }
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  const range = parsed.range();
  const allowed = parsed.kind() === 'ipv4' ? range === 'unicast' : range === 'unicast' || range === 'teredo' || range === '6to4';
  return allowed ? null : `${address} is a ${range} address`;
}
