import { ImapFlow, type ImapFlowOptions } from 'imapflow';
import { describeError } from '../../connectors/describe-error.js';
import type { EmailSettings } from './email-settings.js';

/** Where the last committed pull ended. A new UIDVALIDITY means the UIDs start over. */
export interface ImapCursor {
  uidValidity: number;
  lastUid: number;
}

export interface FetchedMail {
  uid: number;
  source: Buffer;
  internalDate: Date | null;
}

export interface FetchedBatch {
  mails: FetchedMail[];
  /** The cursor to save once these mails are committed. */
  cursor: ImapCursor;
  /** True when the mailbox's UIDVALIDITY differs from the stored cursor's (a full resync). */
  resync: boolean;
}

/** UIDs per FETCH: big enough to keep round trips rare, small enough to commit progress often. */
export const DEFAULT_BATCH_SIZE = 200;
/** Rounds of "anything new since?" per sync; bounded so a flooded mailbox cannot pin a run. */
const MAX_ROUNDS = 5;
const TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 10_000, socketTimeout: 5 * 60_000 };

/** A client for one connector's IMAP account; not yet connected. */
export function imapClient(imap: EmailSettings['imap'], extra: Partial<ImapFlowOptions> = {}): ImapFlow {
  return new ImapFlow({
    host: imap.host,
    port: imap.port,
    secure: imap.secure,
    auth: { user: imap.user, pass: imap.password },
    logger: false,
    disableAutoIdle: true,
    ...TIMEOUTS,
    ...extra,
  });
}

/** Connects, or throws an error whose message says what went wrong (for lastError and tests). */
export async function connectImap(imap: EmailSettings['imap']): Promise<ImapFlow> {
  const client = imapClient(imap);
  try {
    await client.connect();
    return client;
  } catch (error) {
    client.close();
    throw new Error(`IMAP: ${describeImapFailure(error, imap)}`, { cause: error });
  }
}

/** "Wrong user name or password" for a refused login, else what the connection attempt said. */
export function describeImapFailure(error: unknown, imap: EmailSettings['imap']): string {
  const { host, port, user } = imap;
  const e = error as { authenticationFailed?: boolean; responseText?: string };
  if (e.authenticationFailed) {
    const said = e.responseText ? ` (server said: ${e.responseText})` : '';
    return `login as ${user} at ${host}:${port} failed: wrong user name or password${said}`;
  }
  return `cannot connect to ${host}:${port}: ${describeError(error)}`;
}

export function readCursor(raw: Record<string, unknown> | null | undefined): ImapCursor | null {
  const uidValidity = Number(raw?.uidValidity);
  const lastUid = Number(raw?.lastUid);
  return Number.isSafeInteger(uidValidity) && Number.isSafeInteger(lastUid) && lastUid >= 0
    ? { uidValidity, lastUid }
    : null;
}

/**
 * Yields the mails after the cursor, oldest first, in batches; the next batch is already being
 * fetched while the caller commits the current one. Holds the mailbox (read-only, so nothing is
 * marked seen) until the generator finishes.
 */
export async function* fetchNewMail(
  client: ImapFlow,
  mailbox: string,
  cursor: ImapCursor | null,
  batchSize = DEFAULT_BATCH_SIZE,
): AsyncGenerator<FetchedBatch> {
  const lock = await client.getMailboxLock(mailbox, { readOnly: true });
  try {
    const box = client.mailbox;
    if (!box) throw new Error(`Mailbox ${mailbox} could not be opened`);
    const uidValidity = Number(box.uidValidity);
    const resync = cursor !== null && cursor.uidValidity !== uidValidity;
    let after = cursor && !resync ? cursor.lastUid : 0;
    // A first sync or a resync stores its cursor even when the mailbox is empty.
    if (resync || !cursor) yield { mails: [], cursor: { uidValidity, lastUid: after }, resync };
    // Mail that arrives during a sync is fetched by it too: an IDLE notice about it may have
    // been folded into this very run by the job queue, so stopping early would leave it waiting.
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const uids = round === 0 && box.uidNext <= after + 1 ? [] : await uidsAfter(client, after);
      if (!uids.length) return;
      for await (const batch of fetchInBatches(client, uids, batchSize)) {
        after = batch.lastUid;
        yield { mails: batch.mails, cursor: { uidValidity, lastUid: after }, resync };
      }
      await client.noop();
    }
  } finally {
    lock.release();
  }
}

async function uidsAfter(client: ImapFlow, after: number): Promise<number[]> {
  const found = (await client.search({ uid: `${after + 1}:*` }, { uid: true })) || [];
  // "n:*" also matches the highest UID when it is below n, so filter again.
  return found.filter((uid) => uid > after).sort((a, b) => a - b);
}

/** Fetches the UIDs in chunks; the next chunk is on the wire while the caller commits this one. */
async function* fetchInBatches(
  client: ImapFlow,
  uids: number[],
  batchSize: number,
): AsyncGenerator<{ mails: FetchedMail[]; lastUid: number }> {
  const chunks: number[][] = [];
  for (let i = 0; i < uids.length; i += batchSize) chunks.push(uids.slice(i, i + batchSize));
  let next: Promise<FetchedMail[]> | null = fetchChunk(client, chunks[0]);
  for (let i = 0; i < chunks.length; i++) {
    const mails: FetchedMail[] = await next!;
    next = i + 1 < chunks.length ? fetchChunk(client, chunks[i + 1]) : null;
    // A caller that stops early leaves the prefetch unawaited; it must not become an unhandled rejection.
    next?.catch(() => undefined);
    yield { mails, lastUid: chunks[i][chunks[i].length - 1] };
  }
}

async function fetchChunk(client: ImapFlow, uids: number[]): Promise<FetchedMail[]> {
  const wanted = new Set(uids);
  const range = `${uids[0]}:${uids[uids.length - 1]}`;
  const messages = await client.fetchAll(
    range,
    { uid: true, source: true, internalDate: true },
    { uid: true },
  );
  return messages
    .filter((m) => wanted.has(m.uid) && m.source)
    .sort((a, b) => a.uid - b.uid)
    .map((m) => ({
      uid: m.uid,
      source: m.source!,
      internalDate: m.internalDate ? new Date(m.internalDate) : null,
    }));
}
