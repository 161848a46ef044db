import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEFAULT_TOPIC_DEPARTMENT, type Topic } from '../config/defaults.js';
import { createConversation } from './factories/remarks.js';
import { createUser, type TestUser } from './factories/users.js';
import { TEST_DATABASES } from './support/databases.js';
import { api, startTestApp, type TestApp } from './support/test-app.js';

describe.each(TEST_DATABASES)('routing on %s', (db) => {
  let t: TestApp;
  let manager: TestUser;
  let byName: Map<string, string>;

  beforeAll(async () => {
    t = await startTestApp(db);
    manager = await createUser(t, 'manager');
    const departments = (await api(t).get('/api/departments').expect(200)).body as {
      id: string;
      name: string;
    }[];
    byName = new Map(departments.map((d) => [d.name, d.id]));
  });
  afterAll(() => t.close());

  const detail = async (id: string) => (await api(t).get(`/api/conversations/${id}`).expect(200)).body;
  const rules = () => api(t, manager.token);

  it('lets managers manage rules and refuses agents', async () => {
    const agent = await createUser(t, 'agent');
    await api(t, agent.token).get('/api/routing-rules').expect(403);
    const created = await rules()
      .post('/api/routing-rules')
      .send({ name: 'Anwalt', conditions: { keywords: ['anwalt'] }, actions: { priority: 'urgent' } })
      .expect(201);
    expect(created.body).toMatchObject({
      name: 'Anwalt',
      enabled: true,
      conditions: { keywords: ['anwalt'] },
    });
    const updated = await rules()
      .patch(`/api/routing-rules/${created.body.id}`)
      .send({ enabled: false })
      .expect(200);
    expect(updated.body.enabled).toBe(false);
    expect(
      (await rules().get('/api/routing-rules').expect(200)).body.map((r: { id: string }) => r.id),
    ).toContain(created.body.id);
    await rules().delete(`/api/routing-rules/${created.body.id}`).expect(204);
    await rules().delete(`/api/routing-rules/${created.body.id}`).expect(404);
  });

  it('validates conditions and actions', async () => {
    await rules()
      .post('/api/routing-rules')
      .send({ name: 'x', conditions: { channel: 'fax' }, actions: {} })
      .expect(400);
    const res = await rules()
      .post('/api/routing-rules')
      .send({ name: 'x', conditions: {}, actions: { departmentId: '6f1c8f7e-0000-4000-8000-000000000000' } })
      .expect(400);
    expect(String(res.body.message)).toMatch(/department/);
    await rules().post('/api/routing-rules').send({ name: 'x', conditions: {} }).expect(400);
  });

  it('applies the first matching rule by position; disabled rules and non-matches fall through to the default map', async () => {
    const product = byName.get('Product')!;
    const dataProtection = byName.get('Data Protection')!;
    const later = await rules()
      .post('/api/routing-rules')
      .send({
        name: 'later',
        position: 20,
        conditions: { keywords: ['routingwort'] },
        actions: { departmentId: product },
      })
      .expect(201);
    const first = await rules()
      .post('/api/routing-rules')
      .send({
        name: 'first',
        position: 10,
        conditions: { keywords: ['routingwort'], channel: 'feed' },
        actions: { departmentId: dataProtection, priority: 'high' },
      })
      .expect(201);
    const disabled = await rules()
      .post('/api/routing-rules')
      .send({ name: 'off', position: 1, enabled: false, conditions: {}, actions: { priority: 'low' } })
      .expect(201);

    const feed = await detail(
      await createConversation(t, { channel: 'feed', text: 'Das Routingwort steht hier.' }),
    );
    expect(feed).toMatchObject({ departmentId: dataProtection, priority: 'high' });
    const api_ = await detail(await createConversation(t, { text: 'Das ROUTINGWORT steht hier.' }));
    expect(api_).toMatchObject({ departmentId: product, priority: 'normal' });
    const plain = await detail(await createConversation(t));
    expect(plain.departmentId).toBe(byName.get(DEFAULT_TOPIC_DEPARTMENT[plain.topic.id as Topic]));
    expect(plain.priority).toBe('normal');

    for (const rule of [later, first, disabled])
      await rules().delete(`/api/routing-rules/${rule.body.id}`).expect(204);
  });

  it('hands conversations of an auto-assigning department to its active members in turn', async () => {
    const a = await createUser(t, 'agent');
    const b = await createUser(t, 'agent');
    const inactive = await createUser(t, 'agent');
    await api(t).patch(`/api/users/${inactive.id}`).send({ active: false }).expect(200);
    const department = await api(t)
      .post('/api/departments')
      .send({ name: `Round robin ${db}`, memberIds: [a.id, b.id, inactive.id], autoAssign: true })
      .expect(201);
    const rule = await rules()
      .post('/api/routing-rules')
      .send({
        name: 'rr',
        position: 0,
        conditions: { keywords: ['reihum'] },
        actions: { departmentId: department.body.id },
      })
      .expect(201);
    const assignees: string[] = [];
    for (let i = 0; i < 4; i++) {
      const c = await detail(await createConversation(t, { text: `Bitte reihum bearbeiten ${i}` }));
      expect(c.departmentId).toBe(department.body.id);
      assignees.push(c.assigneeId);
    }
    expect(new Set(assignees)).toEqual(new Set([a.id, b.id]));
    expect(assignees[0]).not.toBe(assignees[1]);
    expect(assignees[0]).toBe(assignees[2]);
    expect(assignees[1]).toBe(assignees[3]);
    await rules().delete(`/api/routing-rules/${rule.body.id}`).expect(204);
  }, 30_000);
});
