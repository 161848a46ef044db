import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { PROJECT_ROOT } from '../../src/common/paths.js';
import { api, type TestApp } from '../support/test-app.js';

/** A connector as the API returns it. */
export interface ConnectorBody {
  id: string;
  kind: string;
  name: string;
  enabled: boolean;
  settings: Record<string, unknown>;
  status: {
    state: string;
    lastSyncAt: string | null;
    lastError: string | null;
    ingestedTotal: number;
    nextSyncAt: string | null;
  };
  [extra: string]: unknown;
}

export const feedFixture = (name: string): string =>
  readFileSync(join(PROJECT_ROOT, 'test/fixtures/feeds', name), 'utf8');

/** Creates a feed connector through the real API. */
export async function createFeedConnector(
  t: TestApp,
  settings: Record<string, unknown>,
  name = `Reviews ${randomBytes(3).toString('hex')}`,
): Promise<ConnectorBody> {
  const res = await api(t).post('/api/connectors').send({ kind: 'feed', name, settings }).expect(201);
  return res.body as ConnectorBody;
}

export async function syncConnector(t: TestApp, id: string, status = 200) {
  return (await api(t).post(`/api/connectors/${id}/sync`).expect(status)).body as {
    fetched: number;
    ingested: number;
    duplicates: number;
    failed: number;
    error?: string;
  };
}

export async function getConnector(t: TestApp, id: string): Promise<ConnectorBody> {
  return (await api(t).get(`/api/connectors/${id}`).expect(200)).body as ConnectorBody;
}

interface Served {
  body: string;
  contentType: string;
  etag?: string;
  lastModified?: string;
  status?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A real HTTP server on 127.0.0.1 standing in for a review site or a reply webhook: serves
 * documents with ETag / Last-Modified (answering 304 to matching conditional GETs), records
 * every request, can hold requests until released, and answers POSTs with given statuses.
 */
export class FakeHttpServer {
  readonly requests: RecordedRequest[] = [];
  private readonly documents = new Map<string, Served>();
  private readonly held = new Set<string>();
  private readonly releases: (() => void)[] = [];
  private readonly arrivals: { path: string; resolve: () => void }[] = [];
  private postStatuses: number[] = [];
  private server: Server | null = null;
  private base = '';

  static async start(): Promise<FakeHttpServer> {
    const fake = new FakeHttpServer();
    fake.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const path = req.url ?? '/';
        fake.requests.push({
          method: req.method ?? 'GET',
          path,
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        });
        for (const waiter of fake.arrivals.filter((a) => a.path === path)) waiter.resolve();
        fake.arrivals.splice(0, fake.arrivals.length, ...fake.arrivals.filter((a) => a.path !== path));
        const answer = () => fake.answer(req.method ?? 'GET', path, req.headers, res);
        if (fake.held.has(path)) fake.releases.push(answer);
        else answer();
      });
    });
    await new Promise<void>((resolve) => fake.server!.listen(0, '127.0.0.1', resolve));
    fake.base = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
    return fake;
  }

  url(path: string): string {
    return this.base + path;
  }

  serve(path: string, body: string, options: Partial<Omit<Served, 'body'>> = {}): void {
    this.documents.set(path, { body, contentType: 'application/xml; charset=utf-8', ...options });
  }

  /** Statuses for the next POSTs, in order (then 200). */
  answerPostsWith(...statuses: number[]): void {
    this.postStatuses = statuses;
  }

  /** Requests to this path wait until `release()`. */
  hold(path: string): void {
    this.held.add(path);
  }

  release(): void {
    this.held.clear();
    for (const answer of this.releases.splice(0)) answer();
  }

  /** Resolves when the next request for this path has arrived. */
  nextRequest(path: string): Promise<void> {
    return new Promise((resolve) => this.arrivals.push({ path, resolve }));
  }

  requestsTo(path: string): RecordedRequest[] {
    return this.requests.filter((r) => r.path === path);
  }

  async close(): Promise<void> {
    this.release();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  private answer(method: string, path: string, headers: IncomingHttpHeaders, res: ServerResponse): void {
    if (method === 'POST') {
      res.writeHead(this.postStatuses.shift() ?? 200, { 'content-type': 'application/json' });
      res.end('{}');
      return;
    }
    const doc = this.documents.get(path);
    if (!doc) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const validators: Record<string, string> = {};
    if (doc.etag) validators.etag = doc.etag;
    if (doc.lastModified) validators['last-modified'] = doc.lastModified;
    if (doc.etag && headers['if-none-match'] === doc.etag) {
      res.writeHead(304, validators).end();
      return;
    }
    res.writeHead(doc.status ?? 200, { 'content-type': doc.contentType, ...validators }).end(doc.body);
  }
}

/** Runs SQL with `?` placeholders on either database (PostgreSQL wants $1, $2, …). */
export function rawQuery<T = Record<string, unknown>>(
  t: TestApp,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  let n = 0;
  const text = t.config.databaseKind === 'postgres' ? sql.replace(/\?/g, () => `$${++n}`) : sql;
  return t.app.get(DataSource).query(text, params);
}
