// Inbox speed on PostgreSQL with many conversations: the list with each single filter, the next
// page (keyset cursor) and full-text search, through the HTTP API.
//
//   npm run bench                                        # every benchmark, default size
//   BENCH_INBOX_CONVERSATIONS=1000000 npx jest --config jest.config.cjs --selectProjects integration \
//     --testMatch '**/test/bench/*.bench.ts' --runTestsByPath test/bench/inbox.bench.ts
//                                                        # the 1M figures (a few minutes of seeding)
//
// Environment: BENCH_INBOX_CONVERSATIONS (default 200000), BENCH_RUNS (timed requests per query
// after a warm-up, default 40), TEST_POSTGRES_URL. Seeded with INSERT … SELECT generate_series (one
// message per conversation, texts drawn from a small vocabulary so common words match ~10 %).
// Targets at 1M: list with any one filter p95 < 50 ms, next page p95 < 50 ms, search p95 < 200 ms,
// open work sorted by due time or priority p95 < 200 ms.

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { tsqueryFor } from '../../src/modules/conversations/search-query.js';
import { api, startTestApp, type TestApp } from '../support/test-app.js';
import { seedPeople } from './support/seed-people.js';

const SIZE = Number(process.env.BENCH_INBOX_CONVERSATIONS ?? 200_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const AGENTS = 20;
const CONTACTS = Math.max(1000, Math.floor(SIZE / 10));

const WORDS = [
  'Lieferung',
  'Paket',
  'Rechnung',
  'Erstattung',
  'Bestellung',
  'Kundenservice',
  'Warteschleife',
  'defekt',
  'Rücksendung',
  'Gutschein',
  'Passwort',
  'Anmeldung',
  'Werbung',
  'Datenschutz',
  'Preis',
  'teuer',
  'freundlich',
  'unfreundlich',
  'schnell',
  'langsam',
  'Filiale',
  'Hotline',
  'Versand',
  'Karton',
  'delivery',
  'parcel',
  'invoice',
  'refund',
  'order',
  'support',
  'broken',
  'return',
  'voucher',
  'password',
  'login',
  'privacy',
  'price',
  'expensive',
  'friendly',
  'rude',
  'store',
  'shipping',
  'waiting',
  'courier',
  'tracking',
  'payment',
  'charged',
  'account',
  'app',
  'website',
  'checkout',
  'quality',
  'material',
  'size',
  'colour',
  'exchange',
  'discount',
  'newsletter',
  'manager',
  'complaint',
];

async function seed(ds: DataSource): Promise<void> {
  const now = Date.now();
  const words = `ARRAY[${WORDS.map((w) => `'${w}'`).join(',')}]`;
  const word = () => `(${words})[1 + floor(random() * ${WORDS.length})::int]`;
  await ds.query(`SELECT setseed(0.17)`);
  await seedPeople(ds, { agents: AGENTS, contacts: CONTACTS }, now);
  await ds.query(
    `INSERT INTO conversations (id, reference, channel, subject, preview, contact_id, status, priority, language,
       sentiment_label, sentiment_score, topic, topic_confidence, department_id, assignee_id, reply_channel,
       created_at, last_message_at, first_response_due_at, transfers, repeat_contacts, updated_at)
     SELECT md5('conv' || g)::uuid::text, 'B-' || g,
       (ARRAY['email','webform','feed','api'])[1 + g % 4],
       ${word()} || ' ' || ${word()},
       'preview ' || g,
       md5('contact' || (1 + g % ${CONTACTS}))::uuid::text,
       (ARRAY['new','open','pending','resolved','resolved','resolved'])[1 + floor(random() * 6)::int],
       (ARRAY['low','normal','normal','high','urgent'])[1 + floor(random() * 5)::int],
       (ARRAY['de','en'])[1 + g % 2],
       (ARRAY['negative','neutral','positive'])[1 + floor(random() * 3)::int], 0,
       (ARRAY['delivery','billing','returns_refunds','product_quality','service_staff','reachability',
              'website_app','pricing','feature_request','privacy','other'])[1 + floor(random() * 11)::int], 0.8,
       (SELECT id FROM departments ORDER BY name OFFSET (g % 6) LIMIT 1),
       CASE WHEN random() < 0.3 THEN NULL ELSE md5('agent' || (1 + floor(random() * ${AGENTS})::int))::uuid::text END,
       'email', t, t, t + 28800000, 0, 0, t
     FROM (SELECT g, $1::bigint - (g::bigint * 60000) - floor(random() * 60000)::bigint AS t
           FROM generate_series(1, ${SIZE}) g) s`,
    [now],
  );
  await ds.query(
    `INSERT INTO messages (id, conversation_id, direction, author_name, language, body, source, external_id, created_at)
     SELECT md5('msg' || g)::uuid::text, md5('conv' || g)::uuid::text, 'inbound', 'Contact', (ARRAY['de','en'])[1 + g % 2],
       ${word()} || ' ' || ${word()} || ' ' || ${word()} || ' ' || ${word()} || ' ' || ${word()} || ' ' ||
       ${word()} || ' ' || ${word()} || ' ' || ${word()} || ' Auftrag' || (g % 5000),
       'bench', 'bench-' || g, $1::bigint - g::bigint * 60000
     FROM generate_series(1, ${SIZE}) g`,
    [now],
  );
  await ds.query('ANALYZE');
}

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)];
}

describe('inbox speed on postgres', () => {
  let t: TestApp;
  const rows: string[] = [];

  beforeAll(async () => {
    t = await startTestApp('postgres');
    const started = performance.now();
    await seed(t.app.get(DataSource));
    console.log(`seeded ${SIZE} conversations in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }, 3_600_000);
  afterAll(async () => {
    console.log(`inbox benchmark (${SIZE} conversations, p95 of ${RUNS} requests)\n${rows.join('\n')}`);
    await t.close();
  });

  const time = async (
    url: string,
  ): Promise<{ ms: number; body: { items: unknown[]; nextCursor: string | null } }> => {
    const started = performance.now();
    const res = await api(t).get(url).expect(200);
    return { ms: performance.now() - started, body: res.body };
  };

  const measure = async (label: string, url: string, target: number, nextPage = false) => {
    const first = await time(url);
    const pageUrl = nextPage && first.body.nextCursor ? `${url}&cursor=${first.body.nextCursor}` : url;
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i++) samples.push((await time(pageUrl)).ms);
    const value = p95(samples);
    rows.push(`${label.padEnd(34)} p95 ${value.toFixed(1).padStart(7)} ms  (target < ${target} ms)`);
    return { value, items: first.body.items.length };
  };

  it('lists with each single filter and pages on', async () => {
    const ds = t.app.get(DataSource);
    const [department] = await ds.query('SELECT id FROM departments ORDER BY name LIMIT 1');
    const agent = (await ds.query(`SELECT md5('agent1')::uuid::text AS id`))[0].id as string;
    // What any signed-in request costs here (auth, HTTP), to read the figures below against.
    const baseline: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      await api(t).get('/api/auth/me').expect(200);
      baseline.push(performance.now() - started);
    }
    rows.push(`${'baseline GET /api/auth/me'.padEnd(34)} p95 ${p95(baseline).toFixed(1).padStart(7)} ms`);
    const filters = [
      ['no filter', ''],
      ['status=new', 'status=new'],
      ['channel=email', 'channel=email'],
      ['departmentId', `departmentId=${department.id}`],
      ['assigneeId', `assigneeId=${agent}`],
      ['sentiment=negative', 'sentiment=negative'],
      ['topic=delivery', 'topic=delivery'],
    ];
    for (const [label, query] of filters) {
      const list = await measure(`list ${label}`, `/api/conversations?${query}`, 50);
      expect(list.items).toBe(25);
      await measure(`next page ${label}`, `/api/conversations?${query}`, 50, true);
    }
    for (const sort of ['due', 'priority']) {
      const query = `status=new,open,pending&sort=${sort}`;
      expect((await measure(`open work sort=${sort}`, `/api/conversations?${query}`, 200)).items).toBe(25);
      await measure(`next page sort=${sort}`, `/api/conversations?${query}`, 200, true);
    }
  }, 3_600_000);

  it('searches subjects and messages', async () => {
    await measure('search common word (~13 %)', '/api/conversations?q=Lieferung', 200);
    await measure('search two words', '/api/conversations?q=Paket%20Rechnung', 200);
    await measure('search rare token', '/api/conversations?q=Auftrag4711', 200);
    await measure('search no match', '/api/conversations?q=Xylophon', 200);
    await measure('search + filter status=open', '/api/conversations?q=refund&status=open', 200);
    if (process.env.BENCH_EXPLAIN === 'true') {
      const ts = '$1::tsquery';
      const tsq = (q: string) => tsqueryFor(t.app.get(DataSource), q);
      const shapes = {
        walk: `(c.search_vector @@ ${ts} OR EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND m.search_vector @@ ${ts} OFFSET 0))`,
        fetch: `c.id IN (SELECT m.conversation_id FROM messages m WHERE m.search_vector @@ ${ts} UNION ALL SELECT s.id FROM conversations s WHERE s.search_vector @@ ${ts})`,
      };
      const probe = await t.app
        .get(DataSource)
        .query(
          `EXPLAIN (ANALYZE) SELECT count(*) FROM (SELECT 1 FROM messages WHERE search_vector @@ ${ts} LIMIT 5000) a`,
          [await tsq('Lieferung')],
        );
      console.log(
        `probe Lieferung\n${probe.map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN']).join('\n')}`,
      );
      const list = await t.app
        .get(DataSource)
        .query(
          `EXPLAIN (ANALYZE) SELECT c.* FROM conversations c WHERE c.status = 'new' ` +
            `ORDER BY c.last_message_at DESC, c.id DESC LIMIT 26`,
        );
      console.log(
        `list status=new\n${list.map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN']).join('\n')}`,
      );
      for (const [q, shape] of [
        ['Lieferung', 'walk'],
        ['refund', 'walk'],
        ['Xylophon', 'fetch'],
        ['Auftrag4711', 'fetch'],
      ] as const) {
        const plan = await t.app
          .get(DataSource)
          .query(
            `EXPLAIN (ANALYZE) SELECT c.id FROM conversations c WHERE ${shapes[shape]} ` +
              `ORDER BY c.last_message_at DESC, c.id DESC LIMIT 26`,
            [await tsq(q)],
          );
        console.log(
          `${q} (${shape})\n${plan.map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN']).join('\n')}`,
        );
      }
    }
  }, 3_600_000);
});
