import { createHash } from 'node:crypto';
import type { RawRemark } from '../../ingestion/raw-remark.js';
import type { FeedEntry } from './feed-document.js';
import { extractRating } from './rating.js';

/** Longer ids (some feeds use whole URLs with tracking parameters) are replaced by their hash. */
const MAX_EXTERNAL_ID = 500;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The entry's id at its source: guid/id, else its link, else a hash of what it says. */
export function entryExternalId(entry: FeedEntry): string {
  const id =
    entry.id ??
    entry.link ??
    `sha256:${sha256(JSON.stringify([entry.title, entry.text, entry.author, entry.publishedAt?.toISOString()]))}`;
  return id.length > MAX_EXTERNAL_ID ? `sha256:${sha256(id)}` : id;
}

/** "Title\n\ntext", without repeating a title the text starts with. */
function remarkText(entry: FeedEntry): string {
  if (!entry.title) return entry.text;
  if (!entry.text || entry.text.startsWith(entry.title)) return entry.text || entry.title;
  return `${entry.title}\n\n${entry.text}`;
}

/** One review as a remark: the reviewer is a contact per connector, replies go back to the feed. */
export function entryToRemark(entry: FeedEntry, connectorId: string, feedTitle: string | null): RawRemark {
  const externalId = entryExternalId(entry);
  const rating = extractRating({ elements: entry.ratingElements, title: entry.title, text: entry.text });
  return {
    channel: 'feed',
    connectorId,
    externalId,
    text: remarkText(entry),
    html: entry.html,
    subject: entry.title,
    author: {
      name: entry.author,
      identity: `${connectorId}:${entry.author ?? `anonymous:${externalId}`}`,
    },
    rating: rating?.rating ?? null,
    url: entry.link,
    receivedAt: entry.publishedAt,
    replyChannel: 'feed',
    meta: {
      feed: {
        entryId: externalId,
        link: entry.link,
        feedTitle,
        ...(rating ? { ratingSource: rating.source } : {}),
        ...(entry.version ? { appVersion: entry.version } : {}),
      },
    },
  };
}
