/**
 * Analytics speed on PostgreSQL with many conversations, through the HTTP API.
 *
 *   npm run bench                                        # every benchmark, default size
 *   BENCH_ANALYTICS_CONVERSATIONS=1000000 npx jest --config jest.config.cjs --selectProjects integration \
 *     --testMatch '<rootDir>/test/bench/*.bench.ts' --runTestsByPath test/bench/analytics.bench.ts
 *                                                        # the 1M figures (several minutes of seeding)
 *
 * Environment: BENCH_ANALYTICS_CONVERSATIONS (rows to seed, default 200000),
 * BENCH_ANALYTICS_SPAN_DAYS (creation times spread evenly over this many days before now, default
 * 180: a 90-day report covers half of them), BENCH_RUNS (timed requests per report after a warm-up,
 * default 5), BENCH_KEEP_DATABASE=true (keep the seeded database to EXPLAIN queries; drop it by
 * hand), TEST_POSTGRES_URL. The data goes into a fresh database of its own, seeded with
 * INSERT … SELECT generate_series, and is dropped afterwards.
 * Targets at 1M: response times for 90 days by channel and by department < 1 s each, the
 * responsibility report < 500 ms.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { api, startTestApp, type TestApp } from '../support/test-app.js';
import { seedPeople } from './support/seed-people.js';

const SIZE = Number(process.env.BENCH_ANALYTICS_CONVERSATIONS ?? 200_000);
const SPAN_DAYS = Number(process.env.BENCH_ANALYTICS_SPAN_DAYS ?? 180);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const DAY = 86_400_000;
const AGENTS = 40;
const CONTACTS = Math.max(1000, Math.floor(SIZE / 20));

/**
 * One statement per table, all in the database. Deterministic (setseed) so runs compare. The mix:
 * 70 % resolved, 10 % pending, 15 % open, 5 % new; 90 % answered within 0–48 h (due after 8 h,
 * 24 h for feeds), some transfers, a few resolved without a reply, promises on 5 %.
 */
async function seed(ds: DataSource, now: number): Promise<void> {
  await withoutConversationIndexes(ds, () => insertRows(ds, now));
  await ds.query(`VACUUM ANALYZE`);
}

/**
 * Loading a million rows into a table with twenty indexes is slow; building the indexes once
 * afterwards is fast and gives the same indexes. (Bench only: the app never drops an index.)
 */
async function withoutConversationIndexes(ds: DataSource, load: () => Promise<void>): Promise<void> {
  const indexes: { indexname: string; indexdef: string }[] = await ds.query(
    `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'conversations'
       AND indexname NOT IN (SELECT conname FROM pg_constraint)`,
  );
  for (const index of indexes) await ds.query(`DROP INDEX ${index.indexname}`);
  await load();
  for (const index of indexes) await ds.query(index.indexdef);
}

async function insertRows(ds: DataSource, now: number): Promise<void> {
  await ds.query(`SELECT setseed(0.42)`);
  await seedPeople(ds, { agents: AGENTS, contacts: CONTACTS }, now);
  await ds.query(
    `INSERT INTO conversations (id, reference, channel, subject, preview, contact_id, status, priority, language,
       sentiment_label, sentiment_score, topic, topic_confidence, department_id, assignee_id, reply_channel,
       created_at, last_message_at, first_response_at, resolved_at, first_response_due_at, escalated_at,
       first_response_seconds, resolution_seconds, resolved_without_reply, transfers, repeat_contacts, updated_at)
     SELECT id, reference, channel, NULL, 'Bench remark', contact_id, status, 'normal', 'en',
       sentiment, 0, topic, 0.8, department_id, CASE WHEN status = 'new' OR r_assign < 0.04 THEN NULL ELSE assignee_id END,
       CASE WHEN channel = 'webform' THEN 'email' ELSE channel END,
       created_at, COALESCE(resolved_at, first_response_at, created_at), first_response_at, resolved_at, due_at,
       CASE WHEN first_response_at IS NULL AND due_at < $1 AND status <> 'resolved' THEN due_at + 30000 END,
       (first_response_at - created_at) / 1000, (resolved_at - created_at) / 1000,
       status = 'resolved' AND first_response_at IS NULL, transfers, 0, created_at
     FROM (
       SELECT *, CASE WHEN answered OR status = 'resolved' AND NOT without_reply
                   THEN created_at + (r_wait * r_wait * 48 * 3600000)::bigint END AS first_response_at,
              CASE WHEN status = 'resolved' THEN created_at + 60000 + (r_resolve * 5 * ${DAY})::bigint END AS resolved_at,
              created_at + CASE WHEN channel = 'feed' THEN 24 ELSE 8 END * 3600000 AS due_at
       FROM (
         SELECT *, CASE WHEN r_status < 0.70 THEN 'resolved' WHEN r_status < 0.80 THEN 'pending'
                        WHEN r_status < 0.95 THEN 'open' ELSE 'new' END AS status,
                r_answered < 0.9 AS answered, r_answered > 0.98 AS without_reply
         FROM (
           SELECT md5('conversation' || g)::uuid::text AS id, 'B-' || g AS reference,
             (ARRAY['email', 'webform', 'feed', 'api'])[1 + g % 4] AS channel,
             md5('contact' || (1 + g % ${CONTACTS}))::uuid::text AS contact_id,
             (ARRAY['negative', 'neutral', 'positive'])[1 + (g / 7) % 3] AS sentiment,
             (ARRAY['delivery', 'billing', 'returns_refunds', 'product_quality', 'service_staff', 'reachability',
                    'website_app', 'pricing', 'feature_request', 'privacy', 'other'])[1 + (g / 3) % 11] AS topic,
             (SELECT array_agg(id ORDER BY name) FROM departments)[1 + g % 6] AS department_id,
             md5('agent' || (1 + g % ${AGENTS}))::uuid::text AS assignee_id,
             $1 - (random() * ${SPAN_DAYS * DAY})::bigint AS created_at,
             CASE WHEN random() < 0.97 THEN 0 ELSE 1 + (random() * 4)::int END AS transfers,
             random() AS r_status, random() AS r_answered, random() AS r_wait, random() AS r_resolve,
             random() AS r_assign
           FROM generate_series(1, ${SIZE}) g
         ) raw
       ) with_status
     ) timed`,
    [now],
  );
  await ds.query(
    `INSERT INTO promises (id, conversation_id, description, due_at, kept_at, created_at)
     SELECT md5('promise' || id)::uuid::text, id, 'Call back', created_at + 2 * ${DAY},
       CASE WHEN random() < 0.6 THEN created_at + ${DAY} END, created_at
     FROM conversations WHERE random() < 0.05`,
  );
}

interface Timing {
  report: string;
  medianMs: number;
  minMs: number;
  maxMs: number;
  targetMs: number;
}

async function time(report: string, targetMs: number, call: () => Promise<unknown>): Promise<Timing> {
  await call(); // warm-up: plans and caches, as in a running service
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await call();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    report,
    medianMs: round(samples[Math.floor(samples.length / 2)]!),
    minMs: round(samples[0]!),
    maxMs: round(samples[samples.length - 1]!),
    targetMs,
  };
}

describe(`analytics on PostgreSQL with ${SIZE.toLocaleString('en')} conversations`, () => {
  let t: TestApp;
  let manager: string;
  const now = Date.now();

  beforeAll(async () => {
    t = await startTestApp('postgres');
    const started = performance.now();
    await seed(t.app.get(DataSource), now);
    console.log(`seeded ${SIZE} conversations in ${Math.round((performance.now() - started) / 1000)} s`);
    manager = t.adminToken;
  }, 1_800_000);

  afterAll(async () => {
    if (process.env.BENCH_KEEP_DATABASE !== 'true') return t?.close();
    await t?.app.close();
    console.log(`kept the bench database: ${t?.config.env.DATABASE_URL}`);
  });

  it('times the response-time and responsibility reports', async () => {
    const from = new Date(now - 90 * DAY).toISOString();
    const get = async (url: string) => {
      const res = await api(t, manager).get(url).expect(200);
      return res.body as { rows?: { conversations: number }[] };
    };
    const byChannel = await get(`/api/analytics/response-times?groupBy=channel&from=${from}`);
    const byDepartment = await get(`/api/analytics/response-times?groupBy=department&from=${from}`);
    const sum = (body: { rows?: { conversations: number }[] }) =>
      (body.rows ?? []).reduce((n, row) => n + row.conversations, 0);
    // Sanity: both groupings see the same conversations, roughly 90/SPAN of all.
    expect(sum(byChannel)).toBe(sum(byDepartment));
    expect(sum(byChannel)).toBeGreaterThan(0);

    const timings = [
      await time('response-times 90 days by channel', 1000, () =>
        get(`/api/analytics/response-times?groupBy=channel&from=${from}`),
      ),
      await time('response-times 90 days by department', 1000, () =>
        get(`/api/analytics/response-times?groupBy=department&from=${from}`),
      ),
      await time('response-times 90 days by assignee', 1000, () =>
        get(`/api/analytics/response-times?groupBy=assignee&from=${from}`),
      ),
      await time('responsibility', 500, () => get('/api/analytics/responsibility')),
      await time('overview 30 days', 1000, () => get('/api/analytics/overview')),
    ];
    console.log(
      [
        `${SIZE} conversations over ${SPAN_DAYS} days; 90-day window holds ${sum(byChannel)}; ${RUNS} runs each (ms)`,
        ...timings.map(
          (x) =>
            `${x.report.padEnd(40)} median ${String(x.medianMs).padStart(7)}  min ${String(x.minMs).padStart(7)}  ` +
            `max ${String(x.maxMs).padStart(7)}  target < ${x.targetMs}  ${x.medianMs < x.targetMs ? 'ok' : 'SLOW'}`,
        ),
      ].join('\n'),
    );
  }, 1_800_000);
});
