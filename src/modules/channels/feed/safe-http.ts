import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream';
import zlib from 'node:zlib';
import { checkResolvedAddress, checkUrl, normalHost, type UrlPolicy } from './url-safety.js';

export interface SafeRequestOptions {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  policy: UrlPolicy;
  timeoutMs: number;
  maxBytes: number;
  /** Redirects followed (each target checked again); POSTs never follow them. */
  maxRedirects?: number;
  signal?: AbortSignal;
}

export interface SafeResponse {
  status: number;
  statusText: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The URL that answered, after redirects. */
  url: string;
}

/** A request that failed on the way (network, timeout, size); `retryable` when trying again may help. */
export class HttpRequestError extends Error {
  override readonly name = 'HttpRequestError';
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * DNS lookup that refuses forbidden addresses. The socket connects to exactly the address checked
 * here, so a name cannot resolve to a public address for the check and a private one for the
 * connection (DNS rebinding).
 */
export function guardedLookup(policy: UrlPolicy) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    dnsLookup(
      hostname,
      { family: options.family ?? 0, hints: options.hints, all: true },
      (err, addresses) => {
        if (err) return callback(err, '');
        try {
          for (const { address } of addresses) checkResolvedAddress(hostname, address, policy);
        } catch (error) {
          return callback(error as NodeJS.ErrnoException, '');
        }
        if (!addresses.length) return callback(new Error(`${hostname} has no address`), '');
        if (options.all) callback(null, addresses);
        else callback(null, addresses[0].address, addresses[0].family);
      },
    );
  };
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * An HTTP(S) request to a URL that came from outside (a feed, a webhook): scheme and address
 * policy enforced on every hop, one deadline for the whole exchange, the body read up to a cap
 * (after decompression), redirects limited.
 */
export async function safeRequest(options: SafeRequestOptions): Promise<SafeResponse> {
  const deadline = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
  const maxRedirects = options.method === 'POST' ? 0 : (options.maxRedirects ?? 3);
  let url = checkUrl(options.url, options.policy);
  try {
    for (let hop = 0; ; hop++) {
      const res = await send(url, options, signal);
      const location = res.headers.location;
      if (REDIRECTS.has(res.statusCode ?? 0) && location && maxRedirects > 0) {
        res.resume();
        if (hop >= maxRedirects)
          throw new HttpRequestError(`Too many redirects (more than ${maxRedirects})`, false);
        url = checkUrl(new URL(location, url).toString(), options.policy);
        continue;
      }
      const body = await readBody(res, options.maxBytes);
      return {
        status: res.statusCode ?? 0,
        statusText: res.statusMessage ?? '',
        headers: res.headers,
        body,
        url: url.toString(),
      };
    }
  } catch (error) {
    if (deadline.aborted)
      throw new HttpRequestError(
        `${normalHost(url)} did not answer within ${options.timeoutMs / 1000} s`,
        true,
      );
    if (options.signal?.aborted) throw options.signal.reason ?? error;
    throw error;
  }
}

function send(url: URL, options: SafeRequestOptions, signal: AbortSignal): Promise<IncomingMessage> {
  const client = url.protocol === 'https:' ? https : http;
  const headers: Record<string, string> = { 'accept-encoding': 'gzip, deflate, br', ...options.headers };
  if (options.body !== undefined) headers['content-length'] = String(Buffer.byteLength(options.body));
  return new Promise((resolve, reject) => {
    const req = client.request(url, {
      method: options.method ?? 'GET',
      headers,
      signal,
      lookup: guardedLookup(options.policy),
      agent: false,
    });
    req.on('response', resolve);
    req.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.name === 'UnsafeUrlError'
          ? error
          : new HttpRequestError(
              `${normalHost(url)}: ${error.message || error.code || 'request failed'}`,
              true,
            ),
      ),
    );
    req.end(options.body);
  });
}

function decoded(res: IncomingMessage): Readable {
  const encoding = (res.headers['content-encoding'] ?? 'identity').toLowerCase().trim();
  const decoder =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? zlib.createGunzip()
      : encoding === 'deflate'
        ? zlib.createInflate()
        : encoding === 'br'
          ? zlib.createBrotliDecompress()
          : null;
  if (!decoder) return res;
  return pipeline(res, decoder, () => undefined);
}

async function readBody(res: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const tooLarge = () => new HttpRequestError(`The answer is larger than ${formatBytes(maxBytes)}`, false);
  if (Number(res.headers['content-length'] ?? 0) > maxBytes) {
    res.destroy();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of decoded(res)) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) throw tooLarge();
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    res.destroy();
    if (error instanceof HttpRequestError) throw error;
    throw new HttpRequestError(`Reading the answer failed: ${(error as Error).message}`, true);
  }
  return Buffer.concat(chunks);
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;
}
