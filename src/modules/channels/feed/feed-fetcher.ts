import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../../common/config/app-config.js';
import { HttpRequestError, safeRequest, type SafeResponse } from './safe-http.js';
import type { UrlPolicy } from './url-safety.js';

/** Where the last poll of a feed left off: its validators for a conditional GET. */
export interface FeedCursor {
  url: string;
  etag: string | null;
  lastModified: string | null;
}

export type FeedFetch =
  | { status: 'not_modified' }
  | { status: 'ok'; body: Buffer; contentType: string | undefined; cursor: FeedCursor };

const USER_AGENT = 'Resonanz feed poller (+https://github.com/resonanz)';
const ACCEPT = 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';

/** Reads the cursor a connector stored, if it belongs to this URL (a changed URL starts afresh). */
export function cursorFor(stored: Record<string, unknown> | null, url: string): FeedCursor | null {
  if (!stored || stored.url !== url) return null;
  const text = (value: unknown) => (typeof value === 'string' && value ? value : null);
  return { url, etag: text(stored.etag), lastModified: text(stored.lastModified) };
}

/** HTTP for feeds and reply webhooks, with this installation's address policy, timeout and size cap. */
@Injectable()
export class FeedHttp {
  constructor(private readonly config: AppConfig) {}

  get policy(): UrlPolicy {
    return { allowPrivate: this.config.env.ALLOW_PRIVATE_FEED_URLS };
  }

  /** A conditional GET of the feed: 304 when the validators still match. */
  async fetchFeed(url: string, cursor: FeedCursor | null, signal?: AbortSignal): Promise<FeedFetch> {
    const headers: Record<string, string> = { accept: ACCEPT, 'user-agent': USER_AGENT };
    if (cursor?.etag) headers['if-none-match'] = cursor.etag;
    if (cursor?.lastModified) headers['if-modified-since'] = cursor.lastModified;
    const res = await this.request({ url, headers, signal });
    if (res.status === 304) return { status: 'not_modified' };
    if (res.status < 200 || res.status >= 300)
      throw new HttpRequestError(
        `The feed server answered ${res.status} ${res.statusText}`.trim(),
        res.status >= 500,
      );
    const header = (name: string) => {
      const value = res.headers[name];
      return typeof value === 'string' && value ? value : null;
    };
    return {
      status: 'ok',
      body: res.body,
      contentType: header('content-type') ?? undefined,
      cursor: { url, etag: header('etag'), lastModified: header('last-modified') },
    };
  }

  post(url: string, body: string, headers: Record<string, string>): Promise<SafeResponse> {
    return this.request({
      url,
      headers: { 'content-type': 'application/json', 'user-agent': USER_AGENT, ...headers },
      body,
      method: 'POST',
    });
  }

  private request(options: {
    url: string;
    headers: Record<string, string>;
    body?: string;
    method?: 'GET' | 'POST';
    signal?: AbortSignal;
  }): Promise<SafeResponse> {
    return safeRequest({
      ...options,
      policy: this.policy,
      timeoutMs: this.config.env.FEED_FETCH_TIMEOUT_MS,
      maxBytes: this.config.env.FEED_MAX_BYTES,
      maxRedirects: 3,
    });
  }
}
