import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DEFAULT_FIRST_RESPONSE_SECONDS, DEFAULT_TOPIC_DEPARTMENT, type Topic } from '../config/defaults.js';
import { newId } from '../src/database/columns.js';
import { SlaPolicyEntity } from '../src/modules/sla/sla-policy.entity.js';
import { SlaPolicyResolver } from '../src/modules/sla/sla-policy-resolver.js';
import { IngestionService } from '../src/modules/ingestion/ingestion.service.js';
import {
  createConversation,
  importRemarks,
  makeRemark,
  type RemarkInput,
  SAMPLE_REMARKS,
} from './factories/remarks.js';
import { createUser } from './factories/users.js';
import { TEST_DATABASES } from './support/databases.js';
import { api, startTestApp, type TestApp } from './support/test-app.js';

describe.each(TEST_DATABASES)('ingestion pipeline on %s', (db) => {
  let t: TestApp;
  let departmentByName: Map<string, string>;

  beforeAll(async () => {
    t = await startTestApp(db);
    const res = await api(t).get('/api/departments').expect(200);
    departmentByName = new Map(res.body.map((d: { id: string; name: string }) => [d.name, d.id]));
  });
  afterAll(() => t.close());

  const detail = async (id: string) => (await api(t).get(`/api/conversations/${id}`).expect(200)).body;

  it('ingests remarks once, classified, routed by the default map, with a due time and status new', async () => {
    const remarks = SAMPLE_REMARKS.map((s, i) =>
      makeRemark({ text: s.text, authorEmail: `kunde${i}@example.de`, authorName: `Kunde ${i}` }),
    );
    const body = await importRemarks(t, remarks);
    expect(body).toMatchObject({ ingested: remarks.length, duplicates: 0, failed: [] });
    for (const outcome of body.outcomes) {
      const c = await detail(outcome.conversationId!);
      expect(c.status).toBe('new');
      expect(['de', 'en']).toContain(c.language);
      expect(['negative', 'neutral', 'positive']).toContain(c.sentiment.label);
      expect(typeof c.sentiment.score).toBe('number');
      expect(typeof c.topic.id).toBe('string');
      expect(c.departmentId).toBe(departmentByName.get(DEFAULT_TOPIC_DEPARTMENT[c.topic.id as Topic]));
      expect(Date.parse(c.firstResponseDueAt)).toBeGreaterThan(Date.parse(c.createdAt));
      expect(c.reference).toMatch(/^R-\d+$/);
      expect(c.channel).toBe('api');
      expect(c.replyChannel).toBe('api');
      expect(c.contact.email).toMatch(/@example\.de$/);
      expect(c.messages).toHaveLength(1);
      expect(c.messages[0]).toMatchObject({ direction: 'inbound', body: expect.any(String) });
    }
    // Clear-cut samples land where their true topic belongs (≥ 80 % is the product target).
    const hits = await Promise.all(
      body.outcomes.map(async (o, i) => {
        const c = await detail(o.conversationId!);
        return (
          c.departmentId === departmentByName.get(DEFAULT_TOPIC_DEPARTMENT[SAMPLE_REMARKS[i].topic as Topic])
        );
      }),
    );
    expect(hits.filter(Boolean).length / hits.length).toBeGreaterThanOrEqual(0.8);
  });

  it('takes concurrent imports of the same new people without losing or doubling anyone', async () => {
    // Four imports at once (batches written side by side on PostgreSQL) that name the same 300
    // new people, two in one order and two in the other: no deadlock, no failure, one contact each.
    const tag = randomBytes(4).toString('hex');
    const people = Array.from({ length: 300 }, (_, i) => `p${i}-${tag}@example.de`);
    const remarksFor = (order: string[]) =>
      Array.from({ length: 1000 }, (_, i) => makeRemark({ authorEmail: order[i % order.length] }));
    const reversed = [...people].reverse();
    const results = await Promise.all(
      [people, reversed, people, reversed].map((order) => importRemarks(t, remarksFor(order))),
    );
    expect(results.map((r) => r.failed)).toEqual([[], [], [], []]);
    expect(results.reduce((sum, r) => sum + r.ingested, 0)).toBe(4000);
    const [{ n }]: { n: string | number }[] = await t.app
      .get(DataSource)
      .query(`SELECT COUNT(*) AS n FROM contacts WHERE email LIKE '%-${tag}@example.de'`);
    expect(Number(n)).toBe(300);
  }, 120_000);

  it('counts re-sent remarks as duplicates and stores nothing twice', async () => {
    const remarks = [makeRemark(), makeRemark()];
    const first = await importRemarks(t, remarks);
    expect(first.ingested).toBe(2);
    const again = await importRemarks(t, [...remarks, remarks[0]]);
    expect(again).toMatchObject({ ingested: 0, duplicates: 3, failed: [] });
    expect(again.outcomes[0].conversationId).toBe(first.outcomes[0].conversationId);
    const sameBatch = makeRemark();
    const twice = await importRemarks(t, [sameBatch, sameBatch]);
    expect(twice).toMatchObject({ ingested: 1, duplicates: 1 });
  });

  it('dedupes per connector scope: the same external id from the API and as a duplicate in one call', async () => {
    const remark = makeRemark({ externalId: 'shared-id-1' });
    expect((await importRemarks(t, [remark])).ingested).toBe(1);
    expect((await importRemarks(t, [remark])).duplicates).toBe(1);
  });

  it('refuses more than 1,000 remarks per call with 400 and stores none of them', async () => {
    const remarks = Array.from({ length: 1001 }, () => makeRemark());
    const res = await api(t).post('/api/remarks').send({ remarks }).expect(400);
    expect(res.body.statusCode).toBe(400);
    const again = await importRemarks(t, remarks.slice(0, 1));
    expect(again.ingested).toBe(1);
  });

  it('fails bad items alone with their index and reason, the rest goes in', async () => {
    const body = await importRemarks(t, [
      makeRemark(),
      makeRemark({ text: '' }),
      makeRemark({ connectorId: '6f1c8f7e-0000-4000-8000-000000000000' }),
      { text: 'no external id' },
      makeRemark({ createdAt: 'yesterday' }),
      'not an object',
      makeRemark({ channel: 'pigeon' }),
      makeRemark({ createdAt: '2026-02-30T10:00:00Z' }),
      makeRemark(),
    ]);
    expect(body.ingested).toBe(2);
    expect(body.failed.map((f) => f.index)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(body.failed[0].message).toMatch(/text/);
    expect(body.failed[1].message).toMatch(/unknown connector/);
    expect(body.failed[2].message).toMatch(/externalId/);
    expect(body.failed[3].message).toMatch(/createdAt/);
    expect(body.failed[6].message).toMatch(/createdAt/);
  });

  it('stores huge, broken and future-dated remarks flagged instead of crashing', async () => {
    const huge = 'Lieferung verspätet. '.repeat(50_000); // ~1 MB
    const body = await importRemarks(t, [
      makeRemark({ text: huge }),
      makeRemark({ text: 'Kaputt \ud800 kodiert \ufffd und \u0000 mit NUL', subject: 'Betreff \udc00 halb' }),
      makeRemark({ createdAt: '2999-01-01T00:00:00Z' }),
    ]);
    expect(body.ingested).toBe(3);
    const [big, broken, future] = await Promise.all(body.outcomes.map((o) => detail(o.conversationId!)));
    expect(big.flags).toContain('truncated');
    expect(Buffer.byteLength(big.messages[0].body)).toBeLessThanOrEqual(100 * 1024);
    expect(big.messages[0].truncated).toBe(true);
    expect(broken.flags).toEqual(expect.arrayContaining(['invalid_utf8', 'control_characters']));
    expect(broken.messages[0].body).toBe('Kaputt \ufffd kodiert \ufffd und  mit NUL');
    expect(broken.subject).toBe('Betreff \ufffd halb');
    expect(future.flags).toContain('future_date');
    expect(Date.parse(future.createdAt)).toBeLessThanOrEqual(Date.now());
  });

  it('sanitises inbound HTML and keeps only http(s) links', async () => {
    const id = await createConversation(t, {
      text: '',
      html: '<p onmouseover="x()">Hallo <a href="javascript:alert(1)">hier</a><script>alert(1)</script></p>',
      url: 'javascript:alert(1)',
    });
    const c = await detail(id);
    expect(c.messages[0].html).not.toMatch(/script|onmouseover|javascript:/);
    expect(c.messages[0].body).toBe('Hallo hier');
    expect(c.externalUrl).toBeNull();
    expect(c.flags).toContain('invalid_url');
  });

  it('recognises repeat contacts by email and raises the priority while an earlier one is open', async () => {
    const email = `repeat-${Date.now()}@example.com`;
    const first = await createConversation(t, { authorEmail: email });
    const second = await createConversation(t, { authorEmail: email.toUpperCase() });
    const [a, b] = [await detail(first), await detail(second)];
    expect(b.contact.id).toBe(a.contact.id);
    expect(a.repeatContacts).toBe(0);
    expect(b.repeatContacts).toBe(1);
    expect(a.priority).toBe('normal');
    expect(b.priority).toBe('high');
  });

  it('threads a remark into its conversation by reference or In-Reply-To, and reopens a resolved one', async () => {
    const ingestion = t.app.get(IngestionService);
    const email = (
      externalId: string,
      text: string,
      thread?: { reference?: string; inReplyTo?: string[] },
    ) => ({
      channel: 'email' as const,
      connectorId: null,
      externalId,
      text,
      author: { email: 'thread@example.de' },
      thread,
    });
    const stamp = Date.now();
    const first = await ingestion.ingest([email(`<a-${stamp}@mail>`, 'Wo bleibt mein Paket?')]);
    const outcome = first.outcomes[0];
    if (outcome.status !== 'ingested') throw new Error('not ingested');
    await api(t)
      .patch(`/api/conversations/${outcome.conversationId}`)
      .send({ status: 'resolved', reason: 'answered by phone' })
      .expect(200);
    const answer = await ingestion.ingest([
      email(`<b-${stamp}@mail>`, 'Immer noch nichts angekommen!', { reference: outcome.reference }),
      email(`<c-${stamp}@mail>`, 'Nachtrag zur letzten Mail.', { inReplyTo: [`<b-${stamp}@mail>`] }),
      email(`<d-${stamp}@mail>`, 'Eine ganz neue Frage.', { inReplyTo: ['<unknown@mail>'] }),
    ]);
    expect(answer.outcomes[0]).toMatchObject({ conversationId: outcome.conversationId, created: false });
    expect(answer.outcomes[1]).toMatchObject({ conversationId: outcome.conversationId, created: false });
    expect(answer.outcomes[2]).toMatchObject({ status: 'ingested', created: true });
    const later = await ingestion.ingest([
      email(`<e-${stamp}@mail>`, 'Und?', { inReplyTo: [`<a-${stamp}@mail>`] }),
    ]);
    expect(later.outcomes[0]).toMatchObject({ conversationId: outcome.conversationId, created: false });

    const c = await detail(outcome.conversationId);
    expect(c.status).toBe('open');
    expect(c.resolvedAt).toBeNull();
    expect(c.messages).toHaveLength(4);
    expect(c.preview).toBe('Und?');
    expect(c.events.filter((e: { type: string }) => e.type === 'reopen')).toHaveLength(1);
  });

  it('sets the due time from the most specific SLA policy, else from the defaults per channel', async () => {
    const createdAt = '2024-05-01T08:00:00.000Z';
    const due = async (overrides: Partial<RemarkInput>) =>
      Date.parse(
        (await detail(await createConversation(t, { createdAt, ...overrides }))).firstResponseDueAt,
      ) - Date.parse(createdAt);
    expect(await due({ channel: 'feed' })).toBe(DEFAULT_FIRST_RESPONSE_SECONDS.feed * 1000);
    expect(await due({ channel: 'email' })).toBe(DEFAULT_FIRST_RESPONSE_SECONDS.email * 1000);
    const now = Date.now();
    await t.app
      .get(DataSource)
      .getRepository(SlaPolicyEntity)
      .insert([
        {
          id: newId(),
          name: 'feeds',
          channel: 'feed',
          priority: null,
          firstResponseSeconds: 7200,
          resolutionSeconds: 86400,
          createdAt: now,
          updatedAt: now,
        },
        {
          id: newId(),
          name: 'all',
          channel: null,
          priority: null,
          firstResponseSeconds: 600,
          resolutionSeconds: null,
          createdAt: now,
          updatedAt: now,
        },
      ]);
    t.app.get(SlaPolicyResolver).invalidate();
    expect(await due({ channel: 'feed' })).toBe(7200 * 1000);
    expect(await due({ channel: 'webform' })).toBe(600 * 1000);
    await t.app.get(DataSource).getRepository(SlaPolicyEntity).clear();
    t.app.get(SlaPolicyResolver).invalidate();
  });

  it('lets only managers and admins import', async () => {
    const agent = await createUser(t, 'agent');
    await api(t, agent.token)
      .post('/api/remarks')
      .send({ remarks: [makeRemark()] })
      .expect(403);
    const manager = await createUser(t, 'manager');
    expect((await importRemarks(t, [makeRemark()], manager.token)).ingested).toBe(1);
  });
});
