import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { JOB_QUEUE, type JobQueue } from '../../src/common/queue/job-queue.js';
import { api, type TestApp } from '../support/test-app.js';
import { rawQuery } from './connectors.js';

/** A webform connector as the API returns it. */
export interface WebformBody {
  id: string;
  kind: 'webform';
  enabled: boolean;
  settings: { allowedOrigins: string[]; defaultDepartmentId: string | null; replyConnectorId: string | null };
  publicKey: string;
  snippet: string;
}

/** Creates a web form through the real connectors API. */
export async function createWebform(
  t: TestApp,
  settings: Record<string, unknown> = {},
): Promise<WebformBody> {
  const name = `Contact form ${randomBytes(3).toString('hex')}`;
  const res = await api(t).post('/api/connectors').send({ kind: 'webform', name, settings }).expect(201);
  return res.body as WebformBody;
}

let addressCounter = 0;
/** A client address of its own (TEST-NET-2), so tests do not share a rate-limit window by accident. */
export function clientAddress(): string {
  addressCounter++;
  return `198.51.${Math.floor(addressCounter / 250) % 250}.${(addressCounter % 250) + 1}`;
}

export interface PostOptions {
  /** Send as a browser's plain form post (urlencoded, preferring HTML). */
  classic?: boolean;
  origin?: string;
  /** The client address the app sees (the app trusts X-Forwarded-For from loopback). */
  from?: string;
  /** The visitor's Accept-Language header. */
  language?: string;
}

/** Posts to a form's public endpoint the way a website's visitor does: no sign-in. */
export function postForm(
  t: TestApp,
  publicKey: string,
  body: Record<string, unknown>,
  options: PostOptions = {},
) {
  let req = request(t.http)
    .post(`/api/public/forms/${publicKey}`)
    .set('X-Forwarded-For', options.from ?? clientAddress());
  if (options.origin) req = req.set('Origin', options.origin);
  if (options.language) req = req.set('Accept-Language', options.language);
  if (options.classic)
    return req
      .type('form')
      .set('Accept', 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8')
      .send(body as Record<string, string>);
  return req.send(body);
}

/** The secret at the end of a status URL. */
export const tokenOf = (statusUrl: string): string => statusUrl.slice(statusUrl.lastIndexOf('/') + 1);

/** The conversation (summary with messages) behind a reference, through the inbox API. */
export async function conversationByReference(t: TestApp, reference: string) {
  const [row] = await rawQuery<{ id: string }>(t, 'SELECT id FROM conversations WHERE reference = ?', [
    reference,
  ]);
  if (!row) throw new Error(`No conversation ${reference}`);
  return (await api(t).get(`/api/conversations/${row.id}`).expect(200)).body as ConversationBody;
}

export interface ConversationBody {
  id: string;
  reference: string;
  channel: string;
  connectorId: string;
  subject: string | null;
  status: string;
  language: string;
  sentiment: { label: string; score: number };
  topic: { id: string; confidence: number };
  departmentId: string | null;
  replyChannel: string;
  firstResponseDueAt: string | null;
  contact: { id: string; name: string | null; email: string | null };
  messages: { id: string; direction: string; body: string; deliveryStatus?: string }[];
}

/** Rows in the tables a remark would touch: proves that nothing was stored. */
export async function storedCounts(
  t: TestApp,
): Promise<{ conversations: number; messages: number; contacts: number }> {
  const count = async (table: string) =>
    Number((await rawQuery<{ n: string | number }>(t, `SELECT COUNT(*) AS n FROM ${table}`))[0].n);
  return {
    conversations: await count('conversations'),
    messages: await count('messages'),
    contacts: await count('contacts'),
  };
}

/** Waits until background jobs (acknowledgements, reply delivery) are done. */
export const drainJobs = (t: TestApp): Promise<void> => t.app.get<JobQueue>(JOB_QUEUE).drain();
