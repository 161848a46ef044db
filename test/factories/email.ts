import { randomBytes } from 'node:crypto';
import type { Response } from 'superagent';
import type { Dovecot, DovecotUser } from '../support/dovecot.js';
import type { SmtpReceiver } from '../support/smtp-receiver.js';
import { api, type TestApp } from '../support/test-app.js';
import type { ConnectorBody } from './connectors.js';
import { rawQuery } from './connectors.js';
import type { ConversationBody } from './webform.js';

export const OUR_ADDRESS = 'support@shop.example';

/** Email connector settings for a Dovecot account and an SMTP receiver (API.md shape). */
export function emailSettings(
  dovecot: Dovecot,
  account: DovecotUser,
  smtp: SmtpReceiver,
  overrides: { mailbox?: string; password?: string; pollIntervalSeconds?: number } = {},
): Record<string, unknown> {
  return {
    imap: {
      host: dovecot.host,
      port: dovecot.port,
      secure: false,
      user: account.user,
      password: overrides.password ?? account.password,
      ...(overrides.mailbox ? { mailbox: overrides.mailbox } : {}),
    },
    smtp: { host: smtp.host, port: smtp.port, secure: false },
    address: OUR_ADDRESS,
    ...(overrides.pollIntervalSeconds ? { pollIntervalSeconds: overrides.pollIntervalSeconds } : {}),
  };
}

export interface MailFile {
  filename: string;
  contentType: string;
  content: Buffer;
}

/** One base64 part of a multipart mail, its name in RFC 2231 form. */
const filePart = (boundary: string, f: MailFile) => [
  `--${boundary}`,
  `Content-Type: ${f.contentType}`,
  `Content-Disposition: attachment; filename*=UTF-8''${encodeURIComponent(f.filename)}`,
  'Content-Transfer-Encoding: base64',
  '',
  ...(f.content.toString('base64').match(/.{1,76}/g) ?? []),
];

/** A customer mail; `extra` adds headers (threading, auto-reply markers), `files` attachments. */
export function customerMail(opts: {
  from: string;
  subject: string;
  body: string;
  messageId: string;
  extra?: string[];
  files?: MailFile[];
}) {
  const text = ['Content-Type: text/plain; charset=utf-8', '', opts.body];
  const boundary = `b-${randomBytes(6).toString('hex')}`;
  const content = opts.files?.length
    ? [
        'MIME-Version: 1.0',
        `Content-Type: multipart/mixed; boundary="${boundary}"`,
        '',
        `--${boundary}`,
        ...text,
        ...opts.files.flatMap((f) => filePart(boundary, f)),
        `--${boundary}--`,
      ]
    : text;
  return Buffer.from(
    [
      `From: ${opts.from}`,
      `To: ${OUR_ADDRESS}`,
      `Subject: ${opts.subject}`,
      `Date: ${new Date().toUTCString()}`,
      `Message-ID: ${opts.messageId}`,
      ...(opts.extra ?? []),
      ...content,
      '',
    ].join('\r\n'),
  );
}

/** Creates an email connector through the real API. */
export async function createEmailConnector(
  t: TestApp,
  settings: Record<string, unknown>,
): Promise<ConnectorBody> {
  const name = `Support mailbox ${randomBytes(3).toString('hex')}`;
  const res = await api(t).post('/api/connectors').send({ kind: 'email', name, settings }).expect(201);
  return res.body as ConnectorBody;
}

/** A conversation (with messages) by its inbound mail's Message-ID, or null. */
export async function conversationOfMail(t: TestApp, messageId: string): Promise<ConversationBody | null> {
  const [row] = await rawQuery<{ conversation_id: string }>(
    t,
    "SELECT conversation_id FROM messages WHERE external_id = ? AND direction = 'inbound'",
    [messageId],
  );
  if (!row) return null;
  return (await api(t).get(`/api/conversations/${row.conversation_id}`).expect(200)).body as ConversationBody;
}

export interface StoredMessage {
  id: string;
  direction: string;
  body: string;
  html?: string | null;
  authorName: string | null;
  deliveryStatus?: string;
  attachments?: { filename: string | null; contentType: string; size: number; url?: string }[];
}

/** Collects a response body as bytes, whatever its type (supertest parses only some). */
export function bytes(res: Response, done: (error: Error | null, body: Buffer) => void) {
  // superagent hands its parsers the raw response stream, typed as its Response.
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

/** A message row straight from the database (delivery error and external id are not in the API). */
export async function messageRow(
  t: TestApp,
  id: string,
): Promise<{ delivery_status: string | null; delivery_error: string | null; external_id: string | null }> {
  const [row] = await rawQuery<{
    delivery_status: string | null;
    delivery_error: string | null;
    external_id: string | null;
  }>(t, 'SELECT delivery_status, delivery_error, external_id FROM messages WHERE id = ?', [id]);
  return row;
}

/** Polls until `probe` returns a value (IDLE-driven ingestion happens in the background). */
export async function eventually<T>(
  probe: () => Promise<T | null>,
  timeoutMs: number,
  intervalMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`Nothing appeared within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
