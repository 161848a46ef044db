import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../../common/paths.js';
import { entryExternalId, entryToRemark } from './entry-to-remark.js';
import { decodeFeedBytes, FeedFormatError, parseFeedDocument } from './feed-document.js';

const fixture = (name: string) => readFileSync(join(PROJECT_ROOT, 'test/fixtures/feeds', name), 'utf8');

describe('parseFeedDocument', () => {
  it('reads an App Store customer-reviews Atom feed with im:rating, authors, links and dates', async () => {
    const feed = await parseFeedDocument(fixture('appstore-customer-reviews.xml'));
    expect(feed.entries).toHaveLength(3);
    const remark = entryToRemark(feed.entries[0], 'c1', feed.title);
    expect(remark).toMatchObject({
      channel: 'feed',
      connectorId: 'c1',
      externalId: '11000000001',
      subject: 'Lieferung kam zwei Wochen zu spät',
      author: { name: 'Kathrin_M', identity: 'c1:Kathrin_M' },
      rating: 1,
      url: 'https://apps.apple.com/de/app/resonanz-shop/id1234567890?see-all=reviews#review-11000000001',
      replyChannel: 'feed',
    });
    expect(remark.text).toMatch(/^Lieferung kam zwei Wochen zu spät\n\nMeine Bestellung/);
    expect((remark.receivedAt as Date).toISOString()).toBe('2024-11-20T05:41:10.000Z');
    expect(remark.meta).toEqual({
      feed: expect.objectContaining({ ratingSource: 'im:rating', appVersion: '5.12.0' }),
    });
  });

  it('reads an RSS 2.0 review feed: glyph, English and German ratings, HTML descriptions', async () => {
    const feed = await parseFeedDocument(fixture('review-feed.rss.xml'));
    const remarks = feed.entries.map((e) => entryToRemark(e, 'c2', feed.title));
    expect(remarks.map((r) => r.rating)).toEqual([2, 5, 1, 4]);
    expect(remarks.map((r) => r.author.name)).toEqual([
      'Oliver Grant',
      'Priya Shah',
      'Stefan Krüger',
      'Lena Fischer',
    ]);
    expect(remarks[0].externalId).toBe('review-8f31c2');
    expect(remarks[0].html).toContain('<b>refund</b>');
    expect(remarks[0].text).not.toContain('<b>');
    // No guid: the link is the id.
    expect(remarks[3].externalId).toBe('https://reviews.example.com/reviews/8f31c5');
  });

  it('reads rating elements of other review formats', async () => {
    const xml = `<?xml version="1.0"?>
      <rss version="2.0" xmlns:rev="http://purl.org/stuff/rev#" xmlns:g="http://base.google.com/ns/1.0">
        <channel><title>t</title>
          <item><guid>a</guid><title>x</title><rev:rating>8</rev:rating><rev:maxRating>10</rev:maxRating></item>
          <item><guid>b</guid><title>y</title><g:rating>3</g:rating></item>
          <item><guid>c</guid><title>z</title><ratings><overall min="1" max="10">9</overall></ratings></item>
          <item><guid>d</guid><title>w</title><rating max="10">6</rating></item>
        </channel></rss>`;
    const feed = await parseFeedDocument(xml);
    expect(feed.entries.map((e) => entryToRemark(e, 'c', null).rating)).toEqual([4, 3, 4.5, 3]);
  });

  it('gives entries without id or link a stable content hash', async () => {
    const xml = `<rss version="2.0"><channel><title>t</title><item><title>Only a title</title><description>and text</description></item></channel></rss>`;
    const [a] = (await parseFeedDocument(xml)).entries;
    const [b] = (await parseFeedDocument(xml)).entries;
    expect(entryExternalId(a)).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(entryExternalId(a)).toBe(entryExternalId(b));
  });

  it('refuses malformed XML, HTML pages and empty documents with a readable FeedFormatError', async () => {
    await expect(parseFeedDocument(fixture('malformed.xml'))).rejects.toThrow(FeedFormatError);
    await expect(parseFeedDocument(fixture('not-a-feed.html'))).rejects.toThrow(
      /Not a valid RSS or Atom feed/,
    );
    await expect(parseFeedDocument('   ')).rejects.toThrow(/empty/);
  });

  it('keeps entries with unreadable dates (without a date) instead of failing the feed', async () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
      <entry><id>1</id><title>x</title><updated>not a date</updated></entry>
      <entry><id>2</id><title>y</title><published>2024-11-02T10:00:00Z</published></entry></feed>`;
    const feed = await parseFeedDocument(atom);
    expect(feed.entries.map((e) => e.publishedAt?.toISOString() ?? null)).toEqual([
      null,
      '2024-11-02T10:00:00.000Z',
    ]);
    const rss = `<rss version="2.0"><channel><item><guid>1</guid><pubDate>garbage</pubDate></item></channel></rss>`;
    expect((await parseFeedDocument(rss)).entries[0].publishedAt).toBeNull();
  });

  it('decodes by the Content-Type charset, else by the XML declaration', () => {
    const latin1 = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><x>Krüger</x>', 'latin1');
    expect(decodeFeedBytes(latin1, undefined)).toContain('Krüger');
    expect(decodeFeedBytes(Buffer.from('Krüger', 'utf8'), 'text/xml; charset=utf-8')).toBe('Krüger');
    expect(decodeFeedBytes(Buffer.from('x'), 'text/xml; charset=no-such-charset')).toBe('x');
  });
});
