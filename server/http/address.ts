/**
 * Client addresses as the rate limiter counts them (#20.2): one spelling per address, and IPv6
 * by network, because one subscriber usually holds a whole /64 and could otherwise pick a fresh
 * address (and a fresh budget) for every write.
 */
import { isIPv4, isIPv6 } from 'node:net';

/**
 * The canonical spelling of an address: IPv4 dotted decimal (also for IPv4-mapped IPv6 such as
 * `::ffff:1.2.3.4`), IPv6 as eight lower-case hex groups without leading zeros. A zone
 * (`%eth0`), brackets and a port (`[2001:db8::1]:443`, `1.2.3.4:5678`) are dropped. Anything
 * that is not an address comes back trimmed, as it was.
 */
export function canonicalAddress(raw: string): string {
  let address = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1]!;
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(':'));
  address = address.replace(/%.*$/, '');
  if (isIPv4(address)) return address;
  const groups = ipv6Groups(address);
  if (!groups) return raw.trim();
  const mapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  if (mapped) return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join('.');
  return groups.map((g) => g.toString(16)).join(':');
}

/** The key the rate limiter counts: an IPv4 address, or the IPv6 network of `ipv6Prefix` bits. */
export function rateLimitKey(raw: string, ipv6Prefix: number): string {
  const address = canonicalAddress(raw);
  const groups = ipv6Groups(address);
  if (!groups) return address;
  const network = groups.map((group, index) => {
    const bitsKept = Math.min(16, Math.max(0, ipv6Prefix - index * 16));
    return group & (0xffff << (16 - bitsKept)) & 0xffff;
  });
  return `${network.map((g) => g.toString(16)).join(':')}/${ipv6Prefix}`;
}

/** The eight 16-bit groups of an IPv6 address (with `::` and a trailing dotted quad), or null. */
function ipv6Groups(address: string): number[] | null {
  if (!isIPv6(address)) return null;
  let text = address.toLowerCase();
  const quad = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (quad) {
    const [a, b, c, d] = quad.slice(1).map(Number) as [number, number, number, number];
    text = text.slice(0, quad.index) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [left, right] = text.split('::') as [string, string | undefined];
  const head = left ? left.split(':') : [];
  const tail = right ? right.split(':') : [];
  const zeros = right === undefined ? [] : new Array<string>(8 - head.length - tail.length).fill('0');
  const groups = [...head, ...zeros, ...tail].map((g) => parseInt(g, 16));
  return groups.length === 8 ? groups : null;
}
