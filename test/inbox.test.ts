import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { DataSource } from 'typeorm';
import { JOB_QUEUE, type JobQueue } from '../src/common/queue/job-queue.js';
import type { ReplySender } from '../src/modules/channels/channel-adapter.js';
import { ChannelRegistry } from '../src/modules/channels/channel-registry.js';
import { ClassificationService } from '../src/modules/classification/classification.service.js';
import { createConversation, importRemarks, makeRemark } from './factories/remarks.js';
import { createUser, type TestUser } from './factories/users.js';
import { TEST_DATABASES } from './support/databases.js';
import { api, startTestApp, type TestApp } from './support/test-app.js';

interface Summary {
  id: string;
  status: string;
  channel: string;
  departmentId: string;
  assigneeId: string | null;
  sentiment: { label: string };
  topic: { id: string };
  lastMessageAt: string;
  priority: string;
  firstResponseAt: string | null;
  firstResponseDueAt: string | null;
}

describe.each(TEST_DATABASES)('inbox on %s', (db) => {
  let t: TestApp;
  let agent: TestUser;
  let departments: { id: string; name: string }[];

  beforeAll(async () => {
    t = await startTestApp(db);
    agent = await createUser(t, 'agent');
    departments = (await api(t).get('/api/departments').expect(200)).body;
  });
  afterAll(() => t.close());

  const list = async (query: string, token = t.adminToken) =>
    (await api(t, token).get(`/api/conversations?${query}`).expect(200)).body as {
      items: Summary[];
      nextCursor: string | null;
    };
  const detail = async (id: string) => (await api(t).get(`/api/conversations/${id}`).expect(200)).body;
  const drain = () => t.app.get<JobQueue>(JOB_QUEUE).drain();

  // First: later tests store corrections, which make the classifier retrain on every start.
  it('re-queues replies still queued after a restart', async () => {
    const id = await createConversation(t);
    const reply = await api(t).post(`/api/conversations/${id}/replies`).send({ body: 'Antwort' }).expect(201);
    await drain();
    await t.app
      .get(DataSource)
      .query(`UPDATE messages SET delivery_status = 'queued' WHERE id = '${reply.body.id}'`);
    await t.restart();
    await drain();
    expect((await detail(id)).messages[1].deliveryStatus).toBe('manual');
  }, 30_000);

  it('pages through the inbox newest activity first, without repeats or gaps', async () => {
    const base = Date.parse('2024-03-01T10:00:00Z');
    const remarks = Array.from({ length: 7 }, (_, i) =>
      makeRemark({ channel: 'feed', createdAt: new Date(base + (i % 3) * 60_000).toISOString() }),
    );
    await importRemarks(t, remarks);
    const seen: Summary[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Summary[]; nextCursor: string | null } = await list(
        `channel=feed&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen.map((s) => s.id)).size).toBe(7);
    const times = seen.map((s) => Date.parse(s.lastMessageAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('sorts by first-response deadline or by priority, paging without repeats or gaps', async () => {
    const base = Date.parse('2024-04-01T08:00:00Z');
    const { outcomes } = await importRemarks(
      t,
      Array.from({ length: 4 }, (_, i) =>
        makeRemark({ channel: 'feed', createdAt: new Date(base + i * 3_600_000).toISOString() }),
      ),
    );
    const [answered, resolved, waiting, urgent] = outcomes.map((o) => o.conversationId!);
    await api(t).post(`/api/conversations/${answered}/replies`).send({ body: 'Danke!' }).expect(201);
    await api(t)
      .patch(`/api/conversations/${resolved}`)
      .send({ status: 'resolved', reason: 'Erledigt am Telefon' })
      .expect(200);
    await api(t).patch(`/api/conversations/${urgent}`).send({ priority: 'urgent' }).expect(200);
    const all = (await list('channel=feed&limit=100')).items;

    const readAll = async (sort: string) => {
      const seen: Summary[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: Summary[]; nextCursor: string | null } = await list(
          `channel=feed&sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        );
        seen.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      expect(new Set(seen.map((s) => s.id)).size).toBe(all.length);
      expect(seen).toHaveLength(all.length);
      return seen;
    };
    const position = (order: Summary[], id: string) => order.findIndex((s) => s.id === id);

    // Waiting for a first answer: earliest deadline first; then the rest, newest activity first.
    const byDue = await readAll('due');
    const dueOf = (s: Summary) =>
      s.firstResponseAt === null && s.status !== 'resolved' ? Date.parse(s.firstResponseDueAt!) : Infinity;
    const dues = byDue.map(dueOf);
    expect([...dues].sort((a, b) => a - b)).toEqual(dues);
    expect(dues).toContain(Infinity);
    const mine = [waiting, urgent, answered, resolved].map((id) => position(byDue, id));
    expect([...mine].sort((a, b) => a - b)).toEqual(mine);

    const byPriority = await readAll('priority');
    const ranks = byPriority.map((s) => ['urgent', 'high', 'normal', 'low'].indexOf(s.priority));
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    expect(position(byPriority, urgent)).toBeLessThan(position(byPriority, waiting));

    // A cursor belongs to the order it was read in.
    const first = await list('channel=feed&sort=due&limit=1');
    const refused = await api(t)
      .get(`/api/conversations?sort=priority&cursor=${first.nextCursor}`)
      .expect(400);
    expect(String(refused.body.message)).toMatch(/sort order/);
    await api(t).get('/api/conversations?sort=oldest').expect(400);
  });

  it('rejects a limit over 100, a zero limit and a forged cursor with 400', async () => {
    await api(t).get('/api/conversations?limit=101').expect(400);
    await api(t).get('/api/conversations?limit=0').expect(400);
    await api(t).get('/api/conversations?cursor=bm90LWEtY3Vyc29y').expect(400);
    await api(t).get('/api/conversations?status=sleeping').expect(400);
    expect((await list('limit=100')).items.length).toBeLessThanOrEqual(100);
  });

  it('filters by status, channel, department, assignee, sentiment and topic', async () => {
    const id = await createConversation(t, { channel: 'webform', authorEmail: 'filter@example.de' });
    const c = await detail(id);
    await api(t).patch(`/api/conversations/${id}`).send({ assigneeId: agent.id }).expect(200);
    const checks: [string, (s: Summary) => boolean][] = [
      ['status=open', (s) => s.status === 'open'],
      ['channel=webform', (s) => s.channel === 'webform'],
      [`departmentId=${c.departmentId}`, (s) => s.departmentId === c.departmentId],
      [`assigneeId=${agent.id}`, (s) => s.assigneeId === agent.id],
      [`sentiment=${c.sentiment.label}`, (s) => s.sentiment.label === c.sentiment.label],
      [`topic=${c.topic.id}`, (s) => s.topic.id === c.topic.id],
      ['status=new,pending', (s) => s.status === 'new' || s.status === 'pending'],
      ['assigneeId=none', (s) => s.assigneeId === null],
    ];
    for (const [query, matches] of checks) {
      const page = await list(`${query}&limit=100`);
      expect(page.items.length).toBeGreaterThan(0);
      expect(page.items.every(matches)).toBe(true);
    }
    expect((await list(`assigneeId=${agent.id}&channel=webform`)).items.map((s) => s.id)).toEqual([id]);
  });

  it("lists an agent's own departments with departmentId=mine, and nothing for an agent without one", async () => {
    const id = await createConversation(t);
    const { departmentId } = await detail(id);
    const member = await createUser(t, 'agent', [departmentId]);
    const mine = await list('departmentId=mine&limit=100', member.token);
    expect(mine.items.map((s) => s.id)).toContain(id);
    expect(mine.items.every((s) => s.departmentId === departmentId)).toBe(true);
    expect((await list('departmentId=mine', agent.token)).items).toEqual([]);
    await api(t).get('/api/conversations?departmentId=ours').expect(400);
  });

  it('finds conversations by words in their subject or messages', async () => {
    const word = `Zauberwort${db}`;
    const inText = await createConversation(t, { text: `Mein Gutschein ${word} funktioniert nicht.` });
    const inSubject = await createConversation(t, { subject: `Frage zu ${word}` });
    const found = (await list(`q=${encodeURIComponent(word)}`)).items.map((s) => s.id);
    expect(found.sort()).toEqual([inText, inSubject].sort());
    expect((await list(`q=${encodeURIComponent(`${word} Gutschein`)}`)).items.map((s) => s.id)).toEqual([
      inText,
    ]);
    expect((await list('q=xyzzyplughnothing')).items).toEqual([]);
    expect((await list(`q=${encodeURIComponent('"* OR (')}`)).items).toEqual([]);
  });

  it('finds a conversation by the reference the customer quotes, however it is typed', async () => {
    const id = await createConversation(t);
    const { reference } = await detail(id);
    const digits = reference.slice(2);
    for (const typed of [reference, reference.toLowerCase(), `#${reference}`, `R${digits}`])
      expect((await list(`q=${encodeURIComponent(typed)}`)).items.map((s) => s.id)).toEqual([id]);
    expect((await list('q=R-999999999')).items).toEqual([]);
  });

  it('finds other inflections of a word in German and English texts', async () => {
    const tag = `Stichwort${db}`;
    const german = await createConversation(t, {
      text: `${tag}: Die beiden Rechnungen vom letzten Monat sind leider doppelt abgebucht worden.`,
    });
    const english = await createConversation(t, {
      text: `${tag}: Both invoices from last month were charged twice, please refund one of them.`,
    });
    const ids = async (q: string) => (await list(`q=${encodeURIComponent(q)}`)).items.map((s) => s.id).sort();
    expect(await ids(`${tag} Rechnung`)).toEqual([german]);
    expect(await ids(`${tag} invoice`)).toEqual([english]);
    expect(await ids(`${tag} charged`)).toEqual([english]);
    expect(await ids(tag)).toEqual([german, english].sort());
  });

  it('answers unknown and malformed ids with 404', async () => {
    await api(t).get('/api/conversations/6f1c8f7e-0000-4000-8000-000000000000').expect(404);
    await api(t).get('/api/conversations/not-an-id').expect(404);
  });

  it('needs a reason to transfer, counts transfers and records them', async () => {
    const id = await createConversation(t);
    const before = await detail(id);
    const target = departments.find((d) => d.id !== before.departmentId)!;
    const refused = await api(t, agent.token)
      .patch(`/api/conversations/${id}`)
      .send({ departmentId: target.id });
    expect(refused.status).toBe(400);
    expect(String(refused.body.message)).toMatch(/reason/);
    const res = await api(t, agent.token)
      .patch(`/api/conversations/${id}`)
      .send({ departmentId: target.id, reason: 'Rechnungsfrage, nicht Logistik' })
      .expect(200);
    expect(res.body).toMatchObject({ departmentId: target.id, transfers: 1 });
    const after = await detail(id);
    const transfer = after.events.find((e: { type: string }) => e.type === 'transfer');
    expect(transfer).toMatchObject({
      actorUserId: agent.id,
      data: { from: before.departmentId, to: target.id, reason: 'Rechnungsfrage, nicht Logistik' },
    });
    await api(t).patch(`/api/conversations/${id}`).send({ departmentId: target.id }).expect(200);
    await api(t)
      .patch(`/api/conversations/${id}`)
      .send({ departmentId: '6f1c8f7e-0000-4000-8000-000000000000', reason: 'x' })
      .expect(400);
    // Every conversation keeps one responsible department: none to null, none deleted under it.
    await api(t).patch(`/api/conversations/${id}`).send({ departmentId: null, reason: 'x' }).expect(400);
    const kept = await api(t).delete(`/api/departments/${target.id}`).expect(409);
    expect(kept.body.message).toMatch(/conversation\(s\) belong to this department/);
    expect((await detail(id)).departmentId).toBe(target.id);
  });

  it('puts a transferred conversation among the new ones of its new department, and flags a bounced one', async () => {
    const id = await createConversation(t);
    await api(t, agent.token).patch(`/api/conversations/${id}`).send({ assigneeId: agent.id }).expect(200);
    const before = await detail(id);
    expect(before.status).toBe('open');
    const others = departments.filter((d) => d.id !== before.departmentId);
    for (const [n, target] of others.slice(0, 3).entries()) {
      const res = await api(t, agent.token)
        .patch(`/api/conversations/${id}`)
        .send({ departmentId: target.id, reason: `Weiter, Runde ${n + 1}` })
        .expect(200);
      expect(res.body).toMatchObject({ status: 'new', assigneeId: null, transfers: n + 1 });
      expect(res.body.flags ?? []).toEqual(n + 1 >= 3 ? ['bounced'] : []);
    }
  });

  it("refuses null for a conversation's status, priority, topic and sentiment, changing nothing", async () => {
    const id = await createConversation(t);
    const before = await detail(id);
    for (const field of ['status', 'priority', 'topic', 'sentiment'])
      await api(t)
        .patch(`/api/conversations/${id}`)
        .send({ [field]: null })
        .expect(400);
    expect(await detail(id)).toMatchObject({
      status: before.status,
      priority: before.priority,
      topic: before.topic,
      sentiment: before.sentiment,
    });
  });

  it('moves new to open on assignment and records status, priority and assign events', async () => {
    const id = await createConversation(t);
    const res = await api(t, agent.token)
      .patch(`/api/conversations/${id}`)
      .send({ assigneeId: agent.id, priority: 'urgent' })
      .expect(200);
    expect(res.body).toMatchObject({ status: 'open', assigneeId: agent.id, priority: 'urgent' });
    const types = (await detail(id)).events.map((e: { type: string }) => e.type);
    expect(types).toEqual(expect.arrayContaining(['assign', 'status', 'priority']));
    await api(t)
      .patch(`/api/conversations/${id}`)
      .send({ assigneeId: '6f1c8f7e-0000-4000-8000-000000000000' })
      .expect(400);
  });

  it('needs a reason to resolve without any reply and remembers it', async () => {
    const id = await createConversation(t);
    await api(t).patch(`/api/conversations/${id}`).send({ status: 'resolved' }).expect(400);
    const res = await api(t)
      .patch(`/api/conversations/${id}`)
      .send({ status: 'resolved', reason: 'Spam' })
      .expect(200);
    expect(res.body).toMatchObject({ status: 'resolved', resolvedWithoutReply: true });
    expect(res.body.resolvedAt).not.toBeNull();
    expect(res.body.resolutionSeconds).toBeGreaterThanOrEqual(0);
    const reopened = await api(t).patch(`/api/conversations/${id}`).send({ status: 'open' }).expect(200);
    expect(reopened.body).toMatchObject({ resolvedAt: null, resolvedWithoutReply: false });
  });

  it('stores corrections, records them and tells the classifier', async () => {
    const classification = t.app.get(ClassificationService);
    const spy = jest.spyOn(classification, 'recordCorrection');
    try {
      const id = await createConversation(t, { subject: 'Frage' });
      const before = await detail(id);
      const topic = before.topic.id === 'privacy' ? 'billing' : 'privacy';
      const res = await api(t, agent.token)
        .patch(`/api/conversations/${id}`)
        .send({ topic, sentiment: 'positive' })
        .expect(200);
      expect(res.body.topic).toEqual({ id: topic, confidence: 1 });
      expect(res.body.sentiment.label).toBe('positive');
      expect(res.body.sentiment.score).toBeGreaterThan(0);
      expect(res.body.departmentId).toBe(before.departmentId);
      expect(spy).toHaveBeenCalledWith(
        expect.objectContaining({ topic, sentiment: 'positive', conversationId: id, userId: agent.id }),
      );
      expect(spy.mock.calls[0][0].text).toContain(before.messages[0].body);
      const correction = (await detail(id)).events.find((e: { type: string }) => e.type === 'correction');
      expect(correction.data.topic).toEqual({ from: before.topic.id, to: topic });
    } finally {
      spy.mockRestore();
    }
  });

  it('keeps notes internal: no first response, no status change', async () => {
    const id = await createConversation(t);
    const res = await api(t, agent.token)
      .post(`/api/conversations/${id}/notes`)
      .send({ body: 'Kunde hat schon angerufen.' })
      .expect(201);
    expect(res.body).toMatchObject({
      direction: 'note',
      body: 'Kunde hat schon angerufen.',
      authorName: 'Test agent',
    });
    expect(res.body.deliveryStatus).toBeUndefined();
    const c = await detail(id);
    expect(c).toMatchObject({ status: 'new', firstResponseAt: null, assigneeId: null });
    expect(c.messages.map((m: { direction: string }) => m.direction)).toEqual(['inbound', 'note']);
    await api(t).post(`/api/conversations/${id}/notes`).send({ body: '   ' }).expect(400);
  });

  it('sends replies through the queue; the first one sets the first response time', async () => {
    const id = await createConversation(t);
    const res = await api(t, agent.token)
      .post(`/api/conversations/${id}/replies`)
      .send({ body: 'Wir kümmern uns darum.' })
      .expect(201);
    expect(res.body).toMatchObject({ direction: 'outbound', deliveryStatus: 'queued' });
    await drain();
    const c = await detail(id);
    expect(c.status).toBe('open');
    expect(c.assigneeId).toBe(agent.id);
    expect(c.firstResponseAt).not.toBeNull();
    expect(c.firstResponseSeconds).toBeGreaterThanOrEqual(0);
    // API imports are answered in the importing system: the api channel marks replies manual.
    expect(c.messages[1]).toMatchObject({ direction: 'outbound', deliveryStatus: 'manual' });
    await api(t, agent.token).post(`/api/conversations/${id}/replies`).send({ body: 'Nachtrag' }).expect(201);
    expect((await detail(id)).firstResponseAt).toBe(c.firstResponseAt);
    const resolved = await api(t).patch(`/api/conversations/${id}`).send({ status: 'resolved' }).expect(200);
    expect(resolved.body.resolvedWithoutReply).toBe(false);
  });

  it('marks failed deliveries with the error and sends them again on retry', async () => {
    const registry = t.app.get(ChannelRegistry);
    const send = jest
      .fn<ReplySender['send']>()
      .mockResolvedValueOnce({ status: 'failed', error: 'mailbox full', retryable: false })
      .mockResolvedValue({ status: 'sent', externalId: '<ours@resonanz>' });
    const spy = jest.spyOn(registry, 'sender').mockReturnValue({ replyChannel: 'api', send });
    try {
      const id = await createConversation(t);
      const reply = await api(t)
        .post(`/api/conversations/${id}/replies`)
        .send({ body: 'Antwort' })
        .expect(201);
      await drain();
      const failed = (await detail(id)).messages[1];
      expect(failed).toMatchObject({ deliveryStatus: 'failed', deliveryError: 'mailbox full' });
      const outbound = send.mock.calls[0][0];
      expect(outbound.conversation).toMatchObject({ id, replyChannel: 'api' });
      expect(outbound.history.map((h) => h.direction)).toEqual(['inbound']);

      const retried = await api(t)
        .post(`/api/conversations/${id}/messages/${reply.body.id}/retry`)
        .expect(200);
      expect(retried.body.deliveryStatus).toBe('queued');
      await drain();
      expect((await detail(id)).messages[1]).toMatchObject({ deliveryStatus: 'sent' });
      await api(t).post(`/api/conversations/${id}/messages/${reply.body.id}/retry`).expect(409);
    } finally {
      spy.mockRestore();
    }
  });

  it('records promises, keeps them and shows broken ones', async () => {
    const id = await createConversation(t);
    const due = new Date(Date.now() + 86_400_000).toISOString();
    const created = await api(t, agent.token)
      .post(`/api/conversations/${id}/promises`)
      .send({ description: 'Rückruf am Freitag', dueAt: due })
      .expect(201);
    expect(created.body).toMatchObject({
      description: 'Rückruf am Freitag',
      dueAt: due,
      state: 'open',
      kept: false,
    });
    const kept = await api(t, agent.token)
      .patch(`/api/conversations/${id}/promises/${created.body.id}`)
      .send({ kept: true })
      .expect(200);
    expect(kept.body).toMatchObject({ state: 'kept', kept: true });
    expect(kept.body.keptAt).not.toBeNull();
    const past = new Date(Date.now() - 60_000).toISOString();
    await api(t)
      .post(`/api/conversations/${id}/promises`)
      .send({ description: 'Gutschrift', dueAt: past })
      .expect(201);
    const c = await detail(id);
    expect(c.promises.map((p: { state: string }) => p.state).sort()).toEqual(['broken', 'kept']);
    await api(t)
      .post(`/api/conversations/${id}/promises`)
      .send({ description: 'x', dueAt: 'soon' })
      .expect(400);
    // A day that does not exist is refused, not moved into March.
    await api(t)
      .post(`/api/conversations/${id}/promises`)
      .send({ description: 'x', dueAt: '2031-02-30T10:00:00Z' })
      .expect(400);
    await api(t)
      .patch(`/api/conversations/${id}/promises/6f1c8f7e-0000-4000-8000-000000000000`)
      .send({ kept: true })
      .expect(404);
  });
});
