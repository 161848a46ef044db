import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { HttpRequestError, safeRequest, type SafeRequestOptions } from './safe-http.js';
import { UnsafeUrlError } from './url-safety.js';

let server: Server;
let base: string;
const hung = new Set<() => void>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/ok') return res.end('<rss/>');
    if (path === '/gzip') {
      res.setHeader('content-encoding', 'gzip');
      return res.end(gzipSync('x'.repeat(5000)));
    }
    if (path === '/big') return res.end('y'.repeat(5000));
    if (path === '/bomb') {
      res.setHeader('content-encoding', 'gzip');
      return res.end(gzipSync('z'.repeat(200_000)));
    }
    if (path.startsWith('/hop/')) {
      const n = Number(path.slice(5));
      res.writeHead(302, { location: n > 0 ? `/hop/${n - 1}` : '/ok' });
      return res.end();
    }
    if (path === '/to-metadata') {
      res.writeHead(301, { location: 'http://169.254.169.254/latest/meta-data/' });
      return res.end();
    }
    if (path === '/hang') {
      hung.add(() => res.end());
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const release of hung) release();
  await new Promise((resolve) => server.close(resolve));
});

const get = (path: string, extra: Partial<SafeRequestOptions> = {}) =>
  safeRequest({
    url: base + path,
    policy: { allowPrivate: true },
    timeoutMs: 2000,
    maxBytes: 10_000,
    ...extra,
  });

describe('safeRequest', () => {
  it('fetches and decompresses', async () => {
    expect((await get('/ok')).body.toString()).toBe('<rss/>');
    expect((await get('/gzip')).body.toString()).toBe('x'.repeat(5000));
  });

  it('follows a few redirects and stops after the limit', async () => {
    const res = await get('/hop/2');
    expect(res.url).toBe(`${base}/ok`);
    await expect(get('/hop/5')).rejects.toThrow(/Too many redirects/);
  });

  it('checks every redirect target', async () => {
    await expect(get('/to-metadata')).rejects.toThrow(UnsafeUrlError);
  });

  it('refuses loopback servers unless private addresses are allowed', async () => {
    await expect(get('/ok', { policy: { allowPrivate: false } })).rejects.toThrow(/ALLOW_PRIVATE_FEED_URLS/);
  });

  it('caps the body, also after decompression', async () => {
    await expect(get('/big', { maxBytes: 1000 })).rejects.toThrow(/larger than 1 KB/);
    await expect(get('/bomb', { maxBytes: 10_000 })).rejects.toThrow(/larger than 10 KB/);
  });

  it('gives up on a server that does not answer, as a retryable error', async () => {
    const error = await get('/hang', { timeoutMs: 200 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpRequestError);
    expect((error as HttpRequestError).message).toMatch(/did not answer within 0.2 s/);
    expect((error as HttpRequestError).retryable).toBe(true);
  });

  it('reports a refused connection as retryable', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await get('', { url: `http://127.0.0.1:${port}/` }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpRequestError);
    expect((error as HttpRequestError).message).toMatch(/ECONNREFUSED/);
  });
});
