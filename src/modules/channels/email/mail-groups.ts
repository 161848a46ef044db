import type { FetchedBatch, FetchedMail, ImapCursor } from './imap-fetcher.js';

/** Parsed mails handed to ingestion at once, and the cursor to save when they are committed. */
export interface MailGroup<P> {
  mails: { uid: number; parsed: P }[];
  cursor: ImapCursor;
  resync: boolean;
}

/**
 * Ingestion commits per call, so bigger groups cost fewer transactions: fetch batches are
 * parsed as they arrive and handed on in groups of about `size` mails. A batch without mails
 * (the cursor of a first sync or a resync) is handed on at once, so its cursor is saved.
 */
export async function* parsedGroups<P>(
  batches: AsyncIterable<FetchedBatch>,
  parse: (mail: FetchedMail) => Promise<P>,
  size: number,
): AsyncGenerator<MailGroup<P>> {
  let mails: MailGroup<P>['mails'] = [];
  let last: FetchedBatch | null = null;
  for await (const batch of batches) {
    // Together, not one by one: a parse waits on stream events, and those of 200 mails overlap.
    mails.push(
      ...(await Promise.all(batch.mails.map(async (mail) => ({ uid: mail.uid, parsed: await parse(mail) })))),
    );
    last = batch;
    if (mails.length >= size || batch.mails.length === 0) {
      yield { mails, cursor: batch.cursor, resync: batch.resync };
      mails = [];
      last = null;
    }
  }
  if (last) yield { mails, cursor: last.cursor, resync: last.resync };
}

/**
 * Runs the source one item ahead of its consumer: the next group is fetched and parsed while the
 * current one is being committed. A failure of the item ahead surfaces when it is reached.
 */
export async function* oneAhead<T>(source: AsyncIterator<T>): AsyncGenerator<T> {
  let next = source.next();
  for (;;) {
    const current = await next;
    if (current.done) return;
    next = source.next();
    next.catch(() => undefined);
    yield current.value;
  }
}
