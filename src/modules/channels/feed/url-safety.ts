import { isIP } from 'node:net';
import { type AddressClass, classifyAddress } from './ip-address.js';

/** Host names of cloud metadata services: never fetched, whatever they resolve to. */
const METADATA_HOSTS = new Set([
  'metadata.google.internal',
  'metadata.goog',
  'metadata',
  'instance-data',
  'instance-data.ec2.internal',
]);

export interface UrlPolicy {
  /** ALLOW_PRIVATE_FEED_URLS: private and loopback addresses (a feed on the intranet). */
  allowPrivate: boolean;
}

/** A URL or address the server refuses to request; the message says why. */
export class UnsafeUrlError extends Error {
  override readonly name = 'UnsafeUrlError';
}

/** Host name as the network sees it: lower case, no IPv6 brackets, no trailing dot. */
export function normalHost(url: URL): string {
  return url.hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
}

/** Why an address class is refused under the policy, or null when it is allowed. */
function refusal(kind: AddressClass, policy: UrlPolicy): string | null {
  switch (kind) {
    case 'public':
      return null;
    case 'private':
    case 'loopback':
      return policy.allowPrivate ? null : `a ${kind} address, allowed only with ALLOW_PRIVATE_FEED_URLS=true`;
    case 'metadata':
      return 'a cloud metadata address, which is never allowed';
    case 'link_local':
      return 'a link-local address, which is never allowed';
    case 'reserved':
      return 'a reserved or multicast address, which is never allowed';
  }
}

/**
 * Parses and checks a URL the server is asked to fetch or post to: http/https only, no
 * credentials, no metadata host, and literal addresses checked against the policy. Host names
 * are checked again after resolution (checkResolvedAddress), since a name can point anywhere.
 */
export function checkUrl(raw: string, policy: UrlPolicy): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UnsafeUrlError('must be an absolute http:// or https:// URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UnsafeUrlError(`must use http or https, not ${url.protocol.replace(/:$/, '')}`);
  if (url.username || url.password) throw new UnsafeUrlError('must not contain a user name or password');
  const host = normalHost(url);
  if (!host) throw new UnsafeUrlError('must name a host');
  if (METADATA_HOSTS.has(host))
    throw new UnsafeUrlError('points at a cloud metadata service, which is never allowed');
  const kind: AddressClass | null =
    host === 'localhost' || host.endsWith('.localhost')
      ? 'loopback'
      : isIP(host)
        ? classifyAddress(host)
        : null;
  const why = kind && refusal(kind, policy);
  if (why) throw new UnsafeUrlError(`points at ${why}`);
  return url;
}

/** The check after DNS: the address actually connected to must be allowed. */
export function checkResolvedAddress(host: string, address: string, policy: UrlPolicy): void {
  const why = refusal(classifyAddress(address), policy);
  if (why) throw new UnsafeUrlError(`${host} resolves to ${address}, ${why}`);
}
