/**
 * The relay's server-side list of target hosts: which upstreams it will dial. This is the
 * boundary of a hosted relay (the page's own policy only governs the page's scripts), so
 * addresses are checked after DNS resolution, on the addresses the socket really connects to
 * (a custom `lookup`, see guardedLookup), not just on the name the script wrote.
 *
 * Pattern syntax (RELAY_ALLOW_HOSTS / RELAY_DENY_HOSTS, comma-separated):
 *   *                 any host
 *   example.com       that name exactly (case-insensitive)
 *   *.example.com     any subdomain of example.com (not example.com itself)
 *   10.0.0.0/8, ::1   an address or CIDR range, matched against resolved addresses
 *   loopback, private, link-local, local-machine, non-public   named address ranges
 *                     (local-machine: also this machine's interface addresses)
 *   any of the above with :PORT (or :*) to limit it to one port, e.g. localhost:8080
 */
import { BlockList, isIP } from 'node:net';
import { thisMachine } from './own-addresses.ts';
import type { OwnAddresses } from './own-addresses.ts';

type Family = 'ipv4' | 'ipv6';

/** Named ranges. "non-public" is every range a hosted relay refuses by default. */
const RANGES: Record<string, string[]> = {
  // A connect to 0.0.0.0 (also spelled `0`, or ::ffff:0.0.0.0) reaches 127.0.0.1 on Linux, and
  // one to :: reaches ::1: they are this machine as much as 127.0.0.1 is.
  loopback: ['127.0.0.0/8', '::1/128', '0.0.0.0/8', '::/128'],
  private: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', 'fc00::/7'],
  'link-local': ['169.254.0.0/16', 'fe80::/10'],
};
RANGES['non-public'] = [
  ...RANGES.loopback!,
  ...RANGES.private!,
  ...RANGES['link-local']!,
  '192.0.0.0/24',
  '192.0.2.0/24',
  '198.18.0.0/15',
  '198.51.100.0/24',
  '203.0.113.0/24',
  '224.0.0.0/4', // multicast
  '240.0.0.0/4', // reserved, incl. broadcast
  '::/96', // IPv4-compatible (::127.0.0.1 is ::7f00:1), deprecated but still parsed
  '::ffff:0:0:0/96', // SIIT (RFC 6145) translated addresses
  '64:ff9b::/96', // NAT64 can embed any IPv4 address, private ones included
  '64:ff9b:1::/48', // local-use NAT64 (RFC 8215)
  '100::/64',
  '2001::/32', // Teredo: embeds an IPv4 address too
  '2001:db8::/32',
  '2002::/16', // 6to4, same reason as NAT64
  'fec0::/10', // deprecated site-local, still routed as private by some stacks
  'ff00::/8',
];
/**
 * What a relay others can reach (HOST not loopback, or hosted) refuses unless an address
 * pattern allows it: this machine and its link (cloud metadata at 169.254.169.254). The
 * pattern also matches every address of this machine's own interfaces (own-addresses.ts),
 * which no fixed range can name.
 */
RANGES['local-machine'] = [...RANGES.loopback!, ...RANGES['link-local']!];

export type HostPattern =
  | { type: 'any'; port?: number; source: string }
  | { type: 'name'; name: string; port?: number; source: string }
  | { type: 'suffix'; suffix: string; port?: number; source: string }
  | {
      type: 'addresses';
      list: BlockList;
      /** `local-machine`: this machine's interface addresses too, as they are at check time. */
      own?: OwnAddresses;
      port?: number;
      source: string;
    };

function addCidr(list: BlockList, cidr: string): boolean {
  const [address, bitsText] = cidr.split('/');
  const family = isIP(address ?? '');
  if (!address || !family) return false;
  const type: Family = family === 4 ? 'ipv4' : 'ipv6';
  if (bitsText === undefined) {
    list.addAddress(address, type);
    return true;
  }
  const bits = Number(bitsText);
  if (!/^\d+$/.test(bitsText) || bits > (family === 4 ? 32 : 128)) return false;
  list.addSubnet(address, bits, type);
  return true;
}

/** A BlockList of the named ranges, e.g. for "non-public". */
export function namedRange(name: string): BlockList {
  const list = new BlockList();
  for (const cidr of RANGES[name] ?? []) addCidr(list, cidr);
  return list;
}

const NON_PUBLIC = namedRange('non-public');
const LOCAL_MACHINE = namedRange('local-machine');

/** IPv4-mapped IPv6 (::ffff:10.0.0.1) is checked as the IPv4 address it is. */
export function normalizeAddress(address: string): { address: string; family: Family } | null {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped) return { address: mapped[1]!, family: 'ipv4' };
  // The WHATWG URL parser writes ::ffff:127.0.0.1 as ::ffff:7f00:1.
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(bare);
  if (hex) {
    const high = parseInt(hex[1]!, 16);
    const low = parseInt(hex[2]!, 16);
    return {
      address: [high >> 8, high & 255, low >> 8, low & 255].join('.'),
      family: 'ipv4',
    };
  }
  const family = isIP(bare);
  if (!family) return null;
  return { address: bare, family: family === 4 ? 'ipv4' : 'ipv6' };
}

export function isNonPublicAddress(address: string): boolean {
  const n = normalizeAddress(address);
  return n ? NON_PUBLIC.check(n.address, n.family) : false;
}

/** Is `address` this machine: loopback, unspecified, link-local, or one of its interfaces? */
export function isThisMachine(address: string, own: OwnAddresses = thisMachine): boolean {
  const n = normalizeAddress(address);
  return n ? LOCAL_MACHINE.check(n.address, n.family) || own.has(n.address, n.family) : false;
}

/** Split "host:port", "[v6]:port", "10.0.0.0/8:443"; a bare IPv6 address has no port. */
function splitPort(entry: string): { host: string; port?: number } | null {
  if (entry.startsWith('[')) {
    const end = entry.indexOf(']');
    if (end < 0) return null;
    const rest = entry.slice(end + 1);
    if (rest === '' || rest === ':*') return { host: entry.slice(1, end) };
    const port = /^:(\d{1,5})$/.exec(rest);
    return port ? { host: entry.slice(1, end), port: Number(port[1]) } : null;
  }
  const colons = entry.split(':').length - 1;
  if (colons !== 1) return { host: entry }; // no port, or a bare IPv6 address / range
  const [host, portText] = entry.split(':') as [string, string];
  if (portText === '*') return { host };
  if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65535) return null;
  return { host, port: Number(portText) };
}

const HOST_NAME = /^[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*\.?$/;

/** Parse one pattern; returns an error message for an unusable one. */
export function parseHostPattern(
  source: string,
  /** Whose interfaces `local-machine` names (tests pass their own). */
  own: OwnAddresses = thisMachine,
): HostPattern | string {
  const entry = source.trim().toLowerCase();
  const split = splitPort(entry);
  if (!split || !split.host) return `invalid host pattern "${source}"`;
  const { host, port } = split;
  const withPort = <T extends object>(p: T): T => (port === undefined ? p : { ...p, port });
  if (host === '*') return withPort({ type: 'any' as const, source });
  if (host === 'local-machine')
    return withPort({ type: 'addresses' as const, list: namedRange(host), own, source });
  if (RANGES[host]) return withPort({ type: 'addresses' as const, list: namedRange(host), source });
  if (isIP(host.split('/')[0] ?? '')) {
    const list = new BlockList();
    if (!addCidr(list, host)) return `invalid address range "${source}"`;
    return withPort({ type: 'addresses' as const, list, source });
  }
  if (host.startsWith('*.')) {
    const suffix = host.slice(1);
    if (!HOST_NAME.test(suffix.slice(1))) return `invalid host pattern "${source}"`;
    return withPort({ type: 'suffix' as const, suffix, source });
  }
  if (!HOST_NAME.test(host)) return `invalid host pattern "${source}"`;
  return withPort({ type: 'name' as const, name: host.replace(/\.$/, ''), source });
}

function portMatches(pattern: HostPattern, port: number): boolean {
  return pattern.port === undefined || pattern.port === port;
}

/** Does a name pattern (any, name, suffix) match this host name? Address patterns never do. */
export function matchesName(pattern: HostPattern, host: string, port: number): boolean {
  if (!portMatches(pattern, port)) return false;
  const name = host.toLowerCase().replace(/\.$/, '');
  switch (pattern.type) {
    case 'any':
      return true;
    case 'name':
      return name === pattern.name;
    case 'suffix':
      return name.endsWith(pattern.suffix) && name.length > pattern.suffix.length;
    case 'addresses':
      return false;
  }
}

/** Does an address pattern match this address? Name patterns never do ("*" does). */
export function matchesAddress(pattern: HostPattern, address: string, port: number): boolean {
  if (!portMatches(pattern, port)) return false;
  if (pattern.type === 'any') return true;
  if (pattern.type !== 'addresses') return false;
  const n = normalizeAddress(address);
  if (!n) return false;
  return (
    pattern.list.check(n.address, n.family) || (pattern.own?.has(n.address, n.family) ?? false)
  );
}
