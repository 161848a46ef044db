import { describe, expect, it } from '@jest/globals';
import { classifyAddress } from './ip-address.js';
import { guardedLookup } from './safe-http.js';
import { checkResolvedAddress, checkUrl, UnsafeUrlError } from './url-safety.js';

const STRICT = { allowPrivate: false };
const LAX = { allowPrivate: true };

describe('classifyAddress', () => {
  it.each([
    ['8.8.8.8', 'public'],
    ['2a00:1450:4001:82b::200e', 'public'],
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['::1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['172.32.0.1', 'public'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['fd12:3456::1', 'private'],
    ['169.254.1.1', 'link_local'],
    ['fe80::1', 'link_local'],
    ['fe80::1%eth0', 'link_local'],
    ['febf::1', 'link_local'],
    ['169.254.169.254', 'metadata'],
    ['fd00:ec2::254', 'metadata'],
    ['::ffff:169.254.169.254', 'metadata'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['64:ff9b::a9fe:a9fe', 'metadata'],
    ['2002:7f00:1::', 'loopback'],
    ['0.0.0.0', 'reserved'],
    ['::', 'reserved'],
    ['224.0.0.1', 'reserved'],
    ['255.255.255.255', 'reserved'],
    ['not an ip', 'reserved'],
  ])('%s is %s', (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });
});

describe('checkUrl', () => {
  it('accepts public http and https URLs', () => {
    expect(checkUrl('https://itunes.apple.com/de/rss/customerreviews/id=1/xml', STRICT).hostname).toBe(
      'itunes.apple.com',
    );
    expect(checkUrl('http://93.184.216.34/feed', STRICT).protocol).toBe('http:');
  });

  it.each([
    ['file:///etc/passwd', /must use http or https, not file/],
    ['ftp://example.com/feed.xml', /not ftp/],
    ['gopher://example.com/', /not gopher/],
    ['javascript:alert(1)', /not javascript/],
    ['not a url', /absolute http/],
    ['http://user:pw@example.com/feed', /user name or password/],
    ['http://169.254.169.254/latest/meta-data/', /cloud metadata/],
    ['http://[fd00:ec2::254]/', /cloud metadata/],
    ['http://metadata.google.internal/computeMetadata/v1/', /cloud metadata service/],
    ['http://METADATA.GOOGLE.INTERNAL./', /cloud metadata service/],
    ['http://169.254.10.10/', /link-local/],
    ['http://[fe80::1]/', /link-local/],
    ['http://0.0.0.0:8080/', /reserved/],
  ])('always refuses %s', (url, message) => {
    expect(() => checkUrl(url, LAX)).toThrow(UnsafeUrlError);
    expect(() => checkUrl(url, LAX)).toThrow(message);
  });

  it.each([
    'http://127.0.0.1:8080/feed',
    'http://localhost/feed',
    'http://feeds.localhost/feed',
    'http://[::1]/feed',
    'http://10.0.0.5/feed',
    'http://192.168.178.20/reviews.rss',
    'http://2130706433/feed', // 127.0.0.1 as one number
    'http://0x7f.1/feed',
  ])('refuses %s unless private addresses are allowed', (url) => {
    expect(() => checkUrl(url, STRICT)).toThrow(/ALLOW_PRIVATE_FEED_URLS/);
    expect(() => checkUrl(url, LAX)).not.toThrow();
  });
});

describe('address checks after DNS', () => {
  it('refuses a name that resolves to a forbidden address', () => {
    expect(() => checkResolvedAddress('evil.example', '169.254.169.254', LAX)).toThrow(
      /evil.example resolves to 169.254.169.254, a cloud metadata address/,
    );
    expect(() => checkResolvedAddress('intranet.example', '10.0.0.1', STRICT)).toThrow(/private address/);
    expect(() => checkResolvedAddress('intranet.example', '10.0.0.1', LAX)).not.toThrow();
  });

  it('the lookup used for connections refuses what a name resolves to', async () => {
    const lookup = (policy: { allowPrivate: boolean }, all: boolean) =>
      new Promise<unknown>((resolve, reject) =>
        guardedLookup(policy)('localhost', { all, family: 4 }, (err, address) =>
          err ? reject(err) : resolve(address),
        ),
      );
    await expect(lookup(STRICT, false)).rejects.toThrow(
      /localhost resolves to 127.0.0.1, a loopback address/,
    );
    await expect(lookup(LAX, false)).resolves.toBe('127.0.0.1');
    await expect(lookup(LAX, true)).resolves.toEqual([{ address: '127.0.0.1', family: 4 }]);
  });
});
