import { Injectable } from '@nestjs/common';
import type { ConnectorEntity } from '../../connectors/connector.entity.js';
import type { RawRemark } from '../../ingestion/raw-remark.js';
import type { ConnectorAdapter, ConnectorRun, SyncResult } from '../channel-adapter.js';
import { entryToRemark } from './entry-to-remark.js';
import { decodeFeedBytes, parseFeedDocument } from './feed-document.js';
import { cursorFor, FeedHttp } from './feed-fetcher.js';
import { FEED_SECRET_FIELDS, type FeedSettings, validateFeedSettings } from './feed-settings.js';

const timeOf = (remark: RawRemark) =>
  remark.receivedAt instanceof Date ? remark.receivedAt.getTime() : Number.MAX_SAFE_INTEGER;

/** Remarks handed to ingestion per call: big feeds commit in steps. */
const INGEST_BATCH = 200;

/**
 * Review feeds (RSS / Atom): polled with conditional GET; each entry becomes one remark, deduped
 * by (connector, entry id) in ingestion, so a re-poll of the same entries ingests nothing.
 */
@Injectable()
export class FeedAdapter implements ConnectorAdapter<FeedSettings> {
  readonly kind = 'feed' as const;
  readonly secretFields = FEED_SECRET_FIELDS;
  readonly defaultPollIntervalSeconds = 900;

  constructor(private readonly http: FeedHttp) {}

  validateSettings(settings: unknown): FeedSettings {
    return validateFeedSettings(settings, this.http.policy);
  }

  async test(_connector: ConnectorEntity, settings: FeedSettings): Promise<{ ok: boolean; detail: string }> {
    try {
      const fetched = await this.http.fetchFeed(settings.url, null);
      if (fetched.status === 'not_modified')
        return { ok: true, detail: 'The feed answered 304 Not Modified' };
      const feed = await parseFeedDocument(decodeFeedBytes(fetched.body, fetched.contentType));
      const title = feed.title ? `"${feed.title}"` : 'Untitled feed';
      return { ok: true, detail: `${title} with ${feed.entries.length} entries` };
    } catch (error) {
      return { ok: false, detail: (error as Error).message };
    }
  }

  async pull(run: ConnectorRun<FeedSettings>): Promise<SyncResult> {
    const { connector, settings } = run;
    const fetched = await this.http.fetchFeed(
      settings.url,
      cursorFor(connector.cursor, settings.url),
      run.signal,
    );
    if (fetched.status === 'not_modified') return { fetched: 0, ingested: 0, duplicates: 0, failed: 0 };
    const feed = await parseFeedDocument(decodeFeedBytes(fetched.body, fetched.contentType));
    // Oldest first, so a reviewer's earlier review is in the inbox before their later one.
    const remarks = feed.entries
      .map((entry) => entryToRemark(entry, connector.id, feed.title))
      .sort((a, b) => timeOf(a) - timeOf(b));
    const result = await this.ingestAll(run, remarks);
    // Only now: the entries up to these validators are committed.
    await run.saveCursor({ ...fetched.cursor });
    return { fetched: remarks.length, ...result };
  }

  private async ingestAll(
    run: ConnectorRun<FeedSettings>,
    remarks: RawRemark[],
  ): Promise<Omit<SyncResult, 'fetched'>> {
    const totals = { ingested: 0, duplicates: 0, failed: 0 };
    for (let i = 0; i < remarks.length; i += INGEST_BATCH) {
      run.signal?.throwIfAborted();
      const result = await run.ingest(remarks.slice(i, i + INGEST_BATCH));
      totals.ingested += result.ingested;
      totals.duplicates += result.duplicates;
      totals.failed += result.failed.length;
    }
    return totals;
  }
}
