/**
 * @module Which addresses count as one client for the per-address limits. An IPv4 address is one
 * client; an IPv6 client is usually given a whole /64 (SLAAC, privacy addresses) and can pick any
 * address in it at will, so counting raw IPv6 addresses would hand it 2^64 fresh budgets. IPv6
 * addresses are therefore grouped by their /64, and an IPv4-mapped IPv6 address (`::ffff:1.2.3.4`,
 * what a dual-stack socket reports for an IPv4 peer) counts as the IPv4 address it carries.
 */
import ipaddr from 'ipaddr.js';

/** A port some proxies append (`1.2.3.4:5678`, `[2001:db8::1]:443`) is not part of the client. */
function withoutPort(raw: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(raw);
  if (bracketed) return bracketed[1]!;
  const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(raw);
  return v4WithPort ? v4WithPort[1]! : raw;
}

/**
 * The client an address belongs to: an IPv4 address as is (`203.0.113.7`), an IPv6 address as its
 * /64 (`2001:db8::/64`; zone id dropped). Anything that is not an address (`unknown`, a proxy's
 * placeholder) is returned unchanged, cut to 100 characters.
 */
export function addressGroup(raw: string): string {
  const address = withoutPort(raw.trim());
  if (!ipaddr.isValid(address)) return address.slice(0, 100);
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv4') return parsed.toString();
  const v6 = parsed as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress()) return v6.toIPv4Address().toString();
  return `${new ipaddr.IPv6([...v6.parts.slice(0, 4), 0, 0, 0, 0]).toRFC5952String()}/64`;
}
