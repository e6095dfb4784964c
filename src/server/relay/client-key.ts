/**
 * Which client a relay connection is counted against (the per-client cap, and the refusals
 * in their grace): its address, all tabs of one browser share it. IPv6 is keyed by the /64:
 * a single host is routinely handed a whole /64 (SLAAC, privacy addresses, a VPS's block) and
 * can pick any of its 2^64 addresses per connection, so one address would be one connection
 * cap per address (audit item I9). IPv4-mapped IPv6 (::ffff:192.0.2.7, what a server on `::`
 * sees for an IPv4 client) is keyed as the IPv4 address it is.
 *
 *   192.0.2.7, ::ffff:192.0.2.7           -> 192.0.2.7
 *   2001:db8:1:2::a, 2001:db8:1:2:ff::9   -> 2001:db8:1:2::/64
 */
import { isIP } from 'node:net';
import { normalizeAddress } from './hosts.ts';

export function clientKey(remoteAddress: string | undefined): string {
  if (!remoteAddress) return 'unknown';
  const bare = remoteAddress.replace(/%.*$/, ''); // a zone id names the link, not the client
  const n = normalizeAddress(bare);
  if (!n) return remoteAddress;
  if (n.family === 'ipv4') return n.address;
  const groups = ipv6Groups(n.address);
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address ("::" expanded, a dotted IPv4 tail too). */
function ipv6Groups(address: string): number[] {
  const parse = (part: string): number[] =>
    part === ''
      ? []
      : part.split(':').flatMap((g) => {
          if (isIP(g) !== 4) return [parseInt(g, 16)];
          const [a, b, c, d] = g.split('.').map(Number) as [number, number, number, number];
          return [(a << 8) | b, (c << 8) | d];
        });
  const gap = address.indexOf('::');
  if (gap < 0) return parse(address);
  const head = parse(address.slice(0, gap));
  const tail = parse(address.slice(gap + 2));
  return [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
}
