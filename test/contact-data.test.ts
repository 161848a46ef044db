import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createConversation, importRemarks, makeRemark } from './factories/remarks.js';
import { createUser, type TestUser } from './factories/users.js';
import { TEST_DATABASES } from './support/databases.js';
import { api, startTestApp, type TestApp } from './support/test-app.js';

interface Detail {
  subject: string | null;
  preview: string;
  contact: { id: string; name: string | null; email: string | null };
  topic: { id: string };
  createdAt: string;
  messages: { direction: string; body: string; authorName: string | null }[];
}

// A word no other remark of the suite contains, to prove search forgets erased text.
const MARKER = 'Zahnbuerstenhalterung';

describe.each(TEST_DATABASES)('a contact’s data (GDPR access and erasure) on %s', (db) => {
  let t: TestApp;
  let agent: TestUser;
  let first: string;
  let second: string;
  let bystander: string;
  let firstExternalId: string;
  let contactId: string;

  const detail = async (id: string) =>
    (await api(t).get(`/api/conversations/${id}`).expect(200)).body as Detail;
  const search = async (q: string) =>
    ((await api(t).get('/api/conversations').query({ q }).expect(200)).body.items as { id: string }[]).map(
      (c) => c.id,
    );

  beforeAll(async () => {
    t = await startTestApp(db);
    agent = await createUser(t, 'agent');
    const person = { authorEmail: 'erika.muster@example.org', authorName: 'Erika Muster' };
    const remark = makeRemark({
      ...person,
      subject: 'Halterung gebrochen',
      text: `Die ${MARKER} ist nach zwei Tagen abgebrochen. Bitte rufen Sie mich unter +49 171 2345678 an.`,
    });
    firstExternalId = remark.externalId;
    first = (await importRemarks(t, [remark])).outcomes[0].conversationId!;
    second = await createConversation(t, {
      ...person,
      text: `Noch einmal wegen der ${MARKER}: keine Antwort.`,
    });
    bystander = await createConversation(t, {
      authorEmail: 'other@example.org',
      text: `Meine ${MARKER} ist prima, danke!`,
    });
    contactId = (await detail(first)).contact.id;

    // What agents add around the person: a note, a promise, a transfer with a reason, a correction.
    await api(t)
      .post(`/api/conversations/${first}/notes`)
      .send({ body: 'Frau Muster ruft um 15 Uhr an.' })
      .expect(201);
    await api(t)
      .post(`/api/conversations/${first}/promises`)
      .send({
        description: 'Frau Muster bis Freitag zurückrufen',
        dueAt: new Date(Date.now() + 86_400_000).toISOString(),
      })
      .expect(201);
    const departments = (await api(t).get('/api/departments').expect(200)).body as {
      id: string;
      name: string;
    }[];
    await api(t)
      .patch(`/api/conversations/${second}`)
      .send({
        departmentId: departments.find((d) => d.name === 'Product')!.id,
        reason: 'Frau Muster will Ersatz',
      })
      .expect(200);
    await api(t).patch(`/api/conversations/${first}`).send({ topic: 'product_quality' }).expect(200);
  });
  afterAll(() => t.close());

  it('is for admins only, and unknown or malformed contacts are 404', async () => {
    await api(t, agent.token).get(`/api/contacts/${contactId}/export`).expect(403);
    await api(t, agent.token).delete(`/api/contacts/${contactId}`).expect(403);
    await api(t, agent.token).get('/api/audit-log').expect(403);
    await api(t).get('/api/contacts/6f1c8f7e-0000-4000-8000-000000000000/export').expect(404);
    await api(t).delete('/api/contacts/6f1c8f7e-0000-4000-8000-000000000000').expect(404);
    await api(t).get('/api/contacts/not-an-id/export').expect(404);
    await api(t).get('/api/audit-log').query({ limit: 0 }).expect(400);
  });

  it('exports everything stored about the person', async () => {
    const res = await api(t).get(`/api/contacts/${contactId}/export`).expect(200);
    expect(res.body.contact).toMatchObject({
      id: contactId,
      name: 'Erika Muster',
      email: 'erika.muster@example.org',
    });
    const conversations = res.body.conversations as {
      id: string;
      messages: { direction: string; body: string }[];
      promises: { description: string }[];
      events: { type: string; data: Record<string, unknown> }[];
    }[];
    expect(conversations.map((c) => c.id).sort()).toEqual([first, second].sort());
    const firstExport = conversations.find((c) => c.id === first)!;
    expect(firstExport.messages.map((m) => m.direction)).toEqual(['inbound', 'note']);
    expect(firstExport.messages[0].body).toContain(MARKER);
    expect(firstExport.promises[0].description).toBe('Frau Muster bis Freitag zurückrufen');
    const transfer = conversations.find((c) => c.id === second)!.events.find((e) => e.type === 'transfer');
    expect(transfer?.data.reason).toBe('Frau Muster will Ersatz');
    expect(res.body.trainingExamples).toEqual([
      expect.objectContaining({ topic: 'product_quality', text: expect.stringContaining(MARKER) }),
    ]);
  });

  it('erases the personal data but keeps the figures, and does not import the remark again', async () => {
    const window = {
      from: new Date(Date.now() - 86_400_000).toISOString(),
      to: new Date(Date.now() + 86_400_000).toISOString(),
    };
    const overview = async () => (await api(t).get('/api/analytics/overview').query(window).expect(200)).body;
    const before = await overview();
    const createdAt = (await detail(first)).createdAt;
    expect((await search(MARKER)).sort()).toEqual([first, second, bystander].sort());

    const res = await api(t).delete(`/api/contacts/${contactId}`).expect(200);
    expect(res.body).toEqual({
      contactId,
      conversations: 2,
      messages: 3,
      attachments: 0,
      promises: 1,
      events: 1,
      notifications: expect.any(Number),
      trainingExamples: 1,
    });

    const erased = await detail(first);
    expect(erased).toMatchObject({
      subject: null,
      preview: '',
      contact: { id: contactId, name: null, email: null },
    });
    expect(erased.createdAt).toBe(createdAt);
    expect(erased.topic.id).toBe('product_quality');
    expect(erased.messages.every((m) => m.body === '' && m.authorName === null)).toBe(true);
    expect(await search(MARKER)).toEqual([bystander]);
    expect(await overview()).toEqual(before);

    const exported = (await api(t).get(`/api/contacts/${contactId}/export`).expect(200)).body;
    const text = JSON.stringify(exported);
    for (const personal of ['Muster', 'erika', '+49 171', MARKER]) expect(text).not.toContain(personal);
    expect(exported.trainingExamples).toEqual([]);

    const again = await importRemarks(t, [
      makeRemark({ externalId: firstExternalId, authorEmail: 'erika.muster@example.org' }),
    ]);
    expect(again).toMatchObject({ ingested: 0, duplicates: 1 });
    const fresh = await createConversation(t, { authorEmail: 'erika.muster@example.org' });
    expect((await detail(fresh)).contact.id).not.toBe(contactId);
    expect((await detail(bystander)).contact.email).toBe('other@example.org');
  });

  it('records exports and erasures in the audit log without the personal data', async () => {
    const res = await api(t)
      .get('/api/audit-log')
      .query({ entityType: 'contact', entityId: contactId })
      .expect(200);
    const entries = res.body as { action: string; actorUserId: string; data: Record<string, number> }[];
    // Newest first: the export after the erasure, the erasure, the export before it.
    expect(entries.map((e) => e.action)).toEqual(['contact.exported', 'contact.erased', 'contact.exported']);
    expect(entries[1].data).toMatchObject({ conversations: 2, messages: 3, trainingExamples: 1 });
    expect(entries[1].actorUserId).toEqual(expect.any(String));
    expect(JSON.stringify(entries)).not.toMatch(/Muster|erika/i);
  });
});
