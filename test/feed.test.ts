import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHmac } from 'node:crypto';
import { JOB_QUEUE, type JobQueue } from '../src/common/queue/job-queue.js';
import {
  type ConnectorBody,
  createFeedConnector,
  FakeHttpServer,
  feedFixture,
  getConnector,
  syncConnector,
} from './factories/connectors.js';
import { TEST_DATABASES } from './support/databases.js';
import { api, startTestApp, type TestApp } from './support/test-app.js';

interface Conversation {
  id: string;
  channel: string;
  connectorId: string;
  subject: string;
  contact: { id: string; name: string | null };
  language: string;
  sentiment: { label: string; score: number };
  topic: { id: string; confidence: number };
  rating: number | null;
  externalUrl: string | null;
  replyChannel: string;
  messages?: { direction: string; body: string; deliveryStatus?: string; deliveryError?: string }[];
}

const APPSTORE_LINK = 'https://apps.apple.com/de/app/resonanz-shop/id1234567890?see-all=reviews#review-';

describe.each(TEST_DATABASES)('review feeds on %s', (db) => {
  let t: TestApp;
  let site: FakeHttpServer;

  beforeAll(async () => {
    site = await FakeHttpServer.start();
    t = await startTestApp(db, {
      env: { ALLOW_PRIVATE_FEED_URLS: 'true', FEED_WEBHOOK_ATTEMPTS: '3', FEED_WEBHOOK_BACKOFF_MS: '5' },
    });
  }, 60_000);
  afterAll(async () => {
    await t.close();
    await site.close();
  });

  const conversationsOf = async (connectorId: string): Promise<Conversation[]> => {
    const res = await api(t).get('/api/conversations?channel=feed&limit=100').expect(200);
    return (res.body.items as Conversation[]).filter((c) => c.connectorId === connectorId);
  };
  const bySubject = (items: Conversation[], subject: string) => items.find((c) => c.subject === subject)!;
  const detail = async (id: string): Promise<Conversation> =>
    (await api(t).get(`/api/conversations/${id}`).expect(200)).body as Conversation;
  const drain = () => t.app.get<JobQueue>(JOB_QUEUE).drain();

  describe('an App Store customer-reviews feed', () => {
    let connector: ConnectorBody;
    let items: Conversation[];

    beforeAll(async () => {
      site.serve('/appstore.xml', feedFixture('appstore-customer-reviews.xml'));
      connector = await createFeedConnector(t, { url: site.url('/appstore.xml') });
      expect(await syncConnector(t, connector.id)).toEqual({
        fetched: 3,
        ingested: 3,
        duplicates: 0,
        failed: 0,
      });
      items = await conversationsOf(connector.id);
    });

    it('turns every entry into a feed conversation with rating, reviewer and link', () => {
      expect(items).toHaveLength(3);
      const late = bySubject(items, 'Lieferung kam zwei Wochen zu spät');
      expect(late).toMatchObject({
        channel: 'feed',
        replyChannel: 'feed',
        rating: 1,
        contact: { name: 'Kathrin_M' },
        externalUrl: `${APPSTORE_LINK}11000000001`,
        language: 'de',
      });
      expect(bySubject(items, 'Super App, tolle Preise')).toMatchObject({
        rating: 5,
        contact: { name: 'Jonas Weber' },
      });
      expect(bySubject(items, 'App stürzt beim Login ab')).toMatchObject({
        rating: 2,
        externalUrl: `${APPSTORE_LINK}11000000003`,
      });
    });

    it('understands topic and sentiment, with the rating as a strong signal', () => {
      expect(bySubject(items, 'Lieferung kam zwei Wochen zu spät')).toMatchObject({
        topic: { id: 'delivery' },
        sentiment: { label: 'negative' },
      });
      expect(bySubject(items, 'App stürzt beim Login ab')).toMatchObject({
        topic: { id: 'website_app' },
        sentiment: { label: 'negative' },
      });
      expect(bySubject(items, 'Super App, tolle Preise').sentiment.label).toBe('positive');
    });

    it('keeps one contact per reviewer and connector', () => {
      const kathrin = items.filter((c) => c.contact.name === 'Kathrin_M');
      expect(kathrin).toHaveLength(2);
      expect(kathrin[0].contact.id).toBe(kathrin[1].contact.id);
      expect(bySubject(items, 'Super App, tolle Preise').contact.id).not.toBe(kathrin[0].contact.id);
    });

    it('shows the review text in the conversation', async () => {
      const late = await detail(bySubject(items, 'Lieferung kam zwei Wochen zu spät').id);
      expect(late.messages).toHaveLength(1);
      expect(late.messages![0]).toMatchObject({ direction: 'inbound' });
      expect(late.messages![0].body).toContain('Meine Bestellung wurde zwei Wochen zu spät geliefert');
    });
  });

  describe('polling an RSS review feed', () => {
    let connector: ConnectorBody;
    const path = '/rss.xml';

    beforeAll(async () => {
      site.serve(path, feedFixture('review-feed.rss.xml'), {
        etag: '"rss-v1"',
        lastModified: 'Wed, 20 Nov 2024 09:00:00 GMT',
        contentType: 'application/rss+xml; charset=utf-8',
      });
      connector = await createFeedConnector(t, { url: site.url(path) });
    });

    it('ingests entries with ratings from star glyphs and English and German phrases', async () => {
      expect(await syncConnector(t, connector.id)).toEqual({
        fetched: 4,
        ingested: 4,
        duplicates: 0,
        failed: 0,
      });
      const items = await conversationsOf(connector.id);
      const ratings = Object.fromEntries(items.map((c) => [c.subject, c.rating]));
      expect(ratings).toEqual({
        '★★☆☆☆ Refund still not processed': 2,
        'Great service from the support team': 5,
        'Rechnung doppelt abgebucht': 1,
        'Wunsch: Dunkelmodus in der App': 4,
      });
      expect(bySubject(items, 'Rechnung doppelt abgebucht')).toMatchObject({
        contact: { name: 'Stefan Krüger' },
        externalUrl: 'https://reviews.example.com/reviews/8f31c4',
        topic: { id: 'billing' },
        sentiment: { label: 'negative' },
      });
      expect(bySubject(items, 'Great service from the support team').sentiment.label).toBe('positive');
    });

    it('polls again with If-None-Match / If-Modified-Since and ingests nothing on 304', async () => {
      const before = site.requestsTo(path).length;
      expect(await syncConnector(t, connector.id)).toEqual({
        fetched: 0,
        ingested: 0,
        duplicates: 0,
        failed: 0,
      });
      const request = site.requestsTo(path)[before];
      expect(request.headers['if-none-match']).toBe('"rss-v1"');
      expect(request.headers['if-modified-since']).toBe('Wed, 20 Nov 2024 09:00:00 GMT');
      expect((await getConnector(t, connector.id)).status).toMatchObject({ state: 'ok', ingestedTotal: 4 });
      expect(await conversationsOf(connector.id)).toHaveLength(4);
    });

    it('picks up a new entry alone when the feed changes', async () => {
      site.serve(path, feedFixture('review-feed-new-entry.rss.xml'), { etag: '"rss-v2"' });
      expect(await syncConnector(t, connector.id)).toEqual({
        fetched: 5,
        ingested: 1,
        duplicates: 4,
        failed: 0,
      });
      const items = await conversationsOf(connector.id);
      expect(items).toHaveLength(5);
      expect(bySubject(items, 'Package arrived late and damaged')).toMatchObject({
        rating: 2,
        contact: { name: 'Mark Evans' },
        topic: { id: 'delivery' },
      });
      expect((await getConnector(t, connector.id)).status.ingestedTotal).toBe(5);
      expect(site.requestsTo(path).at(-1)!.headers['if-none-match']).toBe('"rss-v1"');
    });
  });

  describe('bad documents', () => {
    it.each([
      ['malformed.xml', /Not a valid RSS or Atom feed/],
      ['not-a-feed.html', /Not a valid RSS or Atom feed/],
    ])('%s sets a clear connector error and ingests nothing', async (file, message) => {
      const path = `/bad-${file}`;
      site.serve(path, feedFixture(file), {
        contentType: file.endsWith('.html') ? 'text/html' : 'application/xml',
      });
      const connector = await createFeedConnector(t, { url: site.url(path) });
      const result = await syncConnector(t, connector.id);
      expect(result).toMatchObject({ fetched: 0, ingested: 0 });
      expect(result.error).toMatch(message);
      const { status } = await getConnector(t, connector.id);
      expect(status.state).toBe('error');
      expect(status.lastError).toMatch(message);
      expect(await conversationsOf(connector.id)).toHaveLength(0);
      await api(t).get('/api/connectors').expect(200);
    });

    it('reports a feed larger than the cap', async () => {
      site.serve(
        '/huge.xml',
        `<rss version="2.0"><channel>${'<item><title>x</title></item>'.repeat(200_000)}</channel></rss>`,
      );
      const connector = await createFeedConnector(t, { url: site.url('/huge.xml') });
      expect((await syncConnector(t, connector.id)).error).toMatch(/larger than 5.0 MB/);
    });
  });

  describe('URL safety', () => {
    it.each([
      ['http://169.254.169.254/latest/meta-data/', /cloud metadata/],
      ['http://[fd00:ec2::254]/', /cloud metadata/],
      ['http://metadata.google.internal/computeMetadata/v1/', /cloud metadata/],
      ['http://169.254.0.7/feed', /link-local/],
      ['file:///etc/passwd', /must use http or https, not file/],
      ['ftp://reviews.example.com/feed.xml', /not ftp/],
    ])('refuses %s with 400', async (url, message) => {
      const res = await api(t)
        .post('/api/connectors')
        .send({ kind: 'feed', name: 'bad', settings: { url } })
        .expect(400);
      expect(JSON.stringify(res.body.message)).toMatch(message);
    });

    it('refuses a reply webhook on a metadata address', async () => {
      const res = await api(t)
        .post('/api/connectors')
        .send({
          kind: 'feed',
          name: 'bad hook',
          settings: {
            url: site.url('/rss.xml'),
            replyWebhookUrl: 'http://169.254.169.254/',
            replyWebhookSecret: 's',
          },
        })
        .expect(400);
      expect(JSON.stringify(res.body.message)).toMatch(/replyWebhookUrl points at a cloud metadata address/);
    });
  });

  describe('replies', () => {
    const SECRET = 'whsec-test-5f2a';
    let hook: FakeHttpServer;
    let connector: ConnectorBody;
    let items: Conversation[];

    beforeAll(async () => {
      hook = await FakeHttpServer.start();
      site.serve('/replies.xml', feedFixture('appstore-customer-reviews.xml'));
      connector = await createFeedConnector(t, {
        url: site.url('/replies.xml'),
        replyWebhookUrl: hook.url('/reviews/reply'),
        replyWebhookSecret: SECRET,
      });
      await syncConnector(t, connector.id);
      items = await conversationsOf(connector.id);
    });
    afterAll(() => hook.close());

    /** Replies and waits until the delivery job has decided (sent, failed or manual). */
    const reply = async (conversation: Conversation, body: string) => {
      await api(t).post(`/api/conversations/${conversation.id}/replies`).send({ body }).expect(201);
      await drain();
      const messages = (await detail(conversation.id)).messages!;
      return messages.filter((m) => m.direction === 'outbound').at(-1)!;
    };

    it('posts the signed JSON to the webhook and marks the reply sent', async () => {
      const review = bySubject(items, 'Lieferung kam zwei Wochen zu spät');
      const sent = await reply(review, 'Das tut uns leid! Wir kümmern uns sofort darum.');
      expect(sent.deliveryStatus).toBe('sent');

      const [request] = hook.requestsTo('/reviews/reply');
      expect(request.method).toBe('POST');
      expect(request.headers['content-type']).toBe('application/json');
      const expected = 'sha256=' + createHmac('sha256', SECRET).update(request.body).digest('hex');
      expect(request.headers['x-resonanz-signature']).toBe(expected);
      const payload = JSON.parse(request.body);
      expect(payload).toEqual({
        conversationId: review.id,
        reviewId: '11000000001',
        reviewUrl: `${APPSTORE_LINK}11000000001`,
        body: 'Das tut uns leid! Wir kümmern uns sofort darum.',
        repliedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      });
    });

    it('tries again with backoff after 5xx and sends once the webhook recovers', async () => {
      const before = hook.requestsTo('/reviews/reply').length;
      hook.answerPostsWith(503, 502);
      const sent = await reply(bySubject(items, 'Super App, tolle Preise'), 'Vielen Dank für das Lob!');
      expect(sent.deliveryStatus).toBe('sent');
      const tries = hook.requestsTo('/reviews/reply').slice(before);
      expect(tries).toHaveLength(3);
      expect(new Set(tries.map((r) => r.body)).size).toBe(1);
      expect(new Set(tries.map((r) => r.headers['x-resonanz-signature'])).size).toBe(1);
    });

    it('marks a reply failed with the error when the webhook refuses it (4xx, not retried)', async () => {
      const before = hook.requestsTo('/reviews/reply').length;
      hook.answerPostsWith(422);
      const failed = await reply(
        bySubject(items, 'App stürzt beim Login ab'),
        'Bitte aktualisieren Sie die App.',
      );
      expect(failed.deliveryStatus).toBe('failed');
      expect(failed.deliveryError).toBe('The reply webhook answered 422 Unprocessable Entity');
      expect(hook.requestsTo('/reviews/reply').length - before).toBe(1);
    });

    it('leaves the reply to the agent (manual) when the feed has no webhook, with the review link', async () => {
      site.serve('/manual.xml', feedFixture('review-feed.rss.xml'));
      const plain = await createFeedConnector(t, { url: site.url('/manual.xml') });
      await syncConnector(t, plain.id);
      const review = bySubject(await conversationsOf(plain.id), 'Rechnung doppelt abgebucht');
      const manual = await reply(review, 'Wir erstatten den Betrag umgehend.');
      expect(manual.deliveryStatus).toBe('manual');
      expect((await detail(review.id)).externalUrl).toBe('https://reviews.example.com/reviews/8f31c4');
    });

    // Last in this block: the queue keeps retrying this reply later (5xx is retryable).
    it('records the error after the last try when the webhook keeps failing (5xx stays retryable)', async () => {
      const before = hook.requestsTo('/reviews/reply').length;
      hook.answerPostsWith(500, 500, 500, 500, 500, 500);
      const review = bySubject(items, 'Lieferung kam zwei Wochen zu spät');
      await api(t)
        .post(`/api/conversations/${review.id}/replies`)
        .send({ body: 'Noch ein Versuch.' })
        .expect(201);
      let last = (await detail(review.id)).messages!.at(-1)!;
      while (!last.deliveryError) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        last = (await detail(review.id)).messages!.at(-1)!;
      }
      expect(last.deliveryError).toBe('The reply webhook answered 500 Internal Server Error (after 3 tries)');
      expect(hook.requestsTo('/reviews/reply').length - before).toBeGreaterThanOrEqual(3);
    });
  });
});

describe.each(TEST_DATABASES)('review feed URLs without ALLOW_PRIVATE_FEED_URLS on %s', (db) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(db);
  }, 60_000);
  afterAll(() => t.close());

  it.each([
    'http://127.0.0.1:8080/feed.xml',
    'http://localhost/feed.xml',
    'http://[::1]/feed.xml',
    'http://10.0.0.8/feed.xml',
  ])('refuses %s with 400', async (url) => {
    const res = await api(t)
      .post('/api/connectors')
      .send({ kind: 'feed', name: 'local', settings: { url } })
      .expect(400);
    expect(JSON.stringify(res.body.message)).toMatch(/allowed only with ALLOW_PRIVATE_FEED_URLS=true/);
  });

  it('accepts a public feed URL', async () => {
    await api(t)
      .post('/api/connectors')
      .send({
        kind: 'feed',
        name: 'public',
        settings: { url: 'https://itunes.apple.com/de/rss/customerreviews/id=1/xml' },
      })
      .expect(201);
  });
});
