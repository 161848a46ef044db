import { isIPv4, isIPv6 } from 'node:net';

/** What an IP address is, for deciding whether a server-side request may go there. */
export type AddressClass = 'public' | 'private' | 'loopback' | 'link_local' | 'metadata' | 'reserved';

type Bytes = number[];

export function ipv4Bytes(address: string): Bytes | null {
  if (!isIPv4(address)) return null;
  return address.split('.').map(Number);
}

/** The 16 bytes of an IPv6 address (zone id dropped, embedded dotted quad allowed). */
export function ipv6Bytes(address: string): Bytes | null {
  const plain = address.split('%')[0];
  if (!isIPv6(plain)) return null;
  let text = plain.toLowerCase();
  const quad = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (quad) {
    const [a, b, c, d] = ipv4Bytes(quad[1])!;
    text = text.slice(0, -quad[1].length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, null];
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const zeros = tail === null ? [] : new Array<string>(8 - headGroups.length - tailGroups.length).fill('0');
  const groups = [...headGroups, ...zeros, ...tailGroups].map((g) => parseInt(g, 16));
  return groups.flatMap((g) => [g >> 8, g & 0xff]);
}

interface Net {
  bytes: Bytes;
  prefix: number;
  kind: AddressClass;
}

function net(cidr: string, kind: AddressClass): Net {
  const [address, prefix] = cidr.split('/');
  return { bytes: (ipv4Bytes(address) ?? ipv6Bytes(address))!, prefix: Number(prefix), kind };
}

function contains(n: Net, bytes: Bytes): boolean {
  if (n.bytes.length !== bytes.length) return false;
  for (let bit = 0; bit < n.prefix; bit++) {
    const mask = 0x80 >> (bit % 8);
    if ((n.bytes[bit >> 3] & mask) !== (bytes[bit >> 3] & mask)) return false;
  }
  return true;
}

/** Checked in order; the first match decides. Cloud metadata endpoints come before their ranges. */
const NETS: Net[] = [
  net('169.254.169.254/32', 'metadata'),
  net('169.254.170.2/32', 'metadata'), // AWS ECS task metadata
  net('100.100.100.200/32', 'metadata'), // Alibaba Cloud
  net('fd00:ec2::254/128', 'metadata'),
  net('0.0.0.0/8', 'reserved'),
  net('127.0.0.0/8', 'loopback'),
  net('169.254.0.0/16', 'link_local'),
  net('10.0.0.0/8', 'private'),
  net('172.16.0.0/12', 'private'),
  net('192.168.0.0/16', 'private'),
  net('100.64.0.0/10', 'private'), // carrier-grade NAT
  net('198.18.0.0/15', 'private'), // benchmarking
  net('192.0.0.0/24', 'reserved'),
  net('192.0.2.0/24', 'reserved'),
  net('198.51.100.0/24', 'reserved'),
  net('203.0.113.0/24', 'reserved'),
  net('224.0.0.0/4', 'reserved'), // multicast
  net('240.0.0.0/4', 'reserved'), // incl. broadcast
  net('::/128', 'reserved'),
  net('::1/128', 'loopback'),
  net('fe80::/10', 'link_local'),
  net('fc00::/7', 'private'), // unique local
  net('ff00::/8', 'reserved'), // multicast
  net('2001:db8::/32', 'reserved'), // documentation
];

/** IPv6 forms that carry an IPv4 address, which decides: mapped, compatible, NAT64, 6to4. */
function embeddedIpv4(bytes: Bytes): Bytes | null {
  const zeros = (from: number, to: number) => bytes.slice(from, to).every((b) => b === 0);
  if (zeros(0, 10) && bytes[10] === 0xff && bytes[11] === 0xff) return bytes.slice(12);
  if (zeros(0, 12) && !zeros(12, 16) && !(zeros(12, 15) && bytes[15] === 1)) return bytes.slice(12);
  if (bytes[0] === 0x00 && bytes[1] === 0x64 && bytes[2] === 0xff && bytes[3] === 0x9b && zeros(4, 12))
    return bytes.slice(12);
  if (bytes[0] === 0x20 && bytes[1] === 0x02) return bytes.slice(2, 6);
  return null;
}

export function classifyAddress(address: string): AddressClass {
  let bytes = ipv4Bytes(address) ?? ipv6Bytes(address);
  if (!bytes) return 'reserved';
  if (bytes.length === 16) bytes = embeddedIpv4(bytes) ?? bytes;
  return NETS.find((n) => contains(n, bytes))?.kind ?? 'public';
}
