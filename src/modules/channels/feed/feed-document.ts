import Parser from 'rss-parser';
import { RATING_ELEMENT_NAMES, type RatingElements } from './rating.js';

/** One entry of a feed, as far as reviews need it. */
export interface FeedEntry {
  id: string | null;
  link: string | null;
  title: string | null;
  author: string | null;
  /** Plain text of the entry (HTML stripped). */
  text: string;
  /** The entry's HTML, when it came as HTML. */
  html: string | null;
  publishedAt: Date | null;
  ratingElements: RatingElements;
  /** App Store: the app version reviewed. */
  version: string | null;
}

export interface FeedDocument {
  title: string | null;
  entries: FeedEntry[];
}

/** A document that is not a readable RSS or Atom feed. */
export class FeedFormatError extends Error {
  override readonly name = 'FeedFormatError';
}

type RawItem = Parser.Item & {
  id?: string;
  author?: unknown;
  creator?: unknown;
  'content:encoded'?: string;
  'content:encodedSnippet'?: string;
  'im:version'?: unknown;
} & Record<string, unknown>;

const CUSTOM_ITEM_FIELDS = [
  ...RATING_ELEMENT_NAMES.map(
    (name) => [name, name, { keepArray: true }] as [string, string, { keepArray: boolean }],
  ),
  'im:version',
];

/** The bytes as text: charset from the Content-Type, else the XML declaration, else UTF-8. */
export function decodeFeedBytes(body: Buffer, contentType: string | undefined): string {
  const declared =
    /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1] ??
    /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(body.subarray(0, 200).toString('latin1'))?.[1];
  try {
    return new TextDecoder(declared ?? 'utf-8').decode(body);
  } catch {
    return new TextDecoder('utf-8').decode(body);
  }
}

const str = (value: unknown): string | null => {
  const node = Array.isArray(value) ? value[0] : value;
  const text = typeof node === 'string' ? node : (node as { _?: unknown } | null)?._;
  return typeof text === 'string' && text.trim() ? text.trim() : null;
};

/** RSS <author> is "email (Name)" by the spec; reviews want the name. */
function authorName(item: RawItem): string | null {
  const raw = str(item.creator) ?? str(item.author);
  if (!raw) return null;
  return /^\S+@\S+\s+\((.+)\)$/.exec(raw)?.[1].trim() ?? raw;
}

function validDate(value: string | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The first of these that is a non-empty string (feeds put odd things in odd places). */
const firstString = (...values: unknown[]): string | null =>
  values.find((v): v is string => typeof v === 'string' && v.trim() !== '') ?? null;

function toEntry(item: RawItem): FeedEntry {
  const html = firstString(item['content:encoded'], item.content);
  const text =
    firstString(item['content:encodedSnippet'], item.contentSnippet, item.summary, item.content) ?? '';
  return {
    id: str(item.guid) ?? str(item.id),
    link: str(item.link),
    title: str(item.title),
    author: authorName(item),
    text: text.trim(),
    html: html && /<[a-z][\s\S]*>/i.test(html) ? html : null,
    publishedAt: validDate(item.isoDate ?? item.pubDate),
    ratingElements: Object.fromEntries(
      RATING_ELEMENT_NAMES.filter((n) => item[n] !== undefined).map((n) => [n, item[n]]),
    ),
    version: str(item['im:version']),
  };
}

/**
 * rss-parser turns an Atom date it cannot read into an exception that fails the whole feed; a
 * bad date on one entry must only cost that entry its date, so such values are blanked first.
 */
function dropUnreadableAtomDates(xpath: string, _current: unknown, value: unknown): unknown {
  if (!/\/entry\/(published|updated)$/.test(xpath) || typeof value !== 'string') return value;
  return Number.isNaN(new Date(value).getTime()) ? '' : value;
}

/** Parses RSS 2.0 / 1.0 or Atom; anything else is a FeedFormatError with a readable message. */
export async function parseFeedDocument(xml: string): Promise<FeedDocument> {
  if (!xml.trim()) throw new FeedFormatError('The feed is empty');
  // A parser per document: xml2js parsers keep state and must not be shared by concurrent parses.
  const parser = new Parser<Record<string, unknown>, RawItem>({
    customFields: { item: CUSTOM_ITEM_FIELDS as Parser.CustomFieldItem<RawItem>[] },
    xml2js: { validator: dropUnreadableAtomDates },
  });
  let feed: Parser.Output<RawItem>;
  try {
    feed = await parser.parseString(xml);
  } catch (error) {
    const reason = (error as Error).message?.split('\n')[0] ?? String(error);
    throw new FeedFormatError(`Not a valid RSS or Atom feed: ${reason}`);
  }
  return { title: str(feed.title), entries: (feed.items ?? []).map(toEntry) };
}
