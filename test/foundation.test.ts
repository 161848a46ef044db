import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createUser, type TestUser } from './factories/users.js';
import { TEST_DATABASES } from './support/databases.js';
import { ADMIN, api, login, startTestApp, type TestApp } from './support/test-app.js';

describe.each(TEST_DATABASES)('foundation on %s', (db) => {
  let t: TestApp;
  let agent: TestUser;

  beforeAll(async () => {
    t = await startTestApp(db);
    agent = await createUser(t, 'agent');
  });
  afterAll(() => t.close());

  it('answers /health while the database answers', async () => {
    const res = await request(t.http).get('/health').expect(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.info.database.status).toBe('up');
  });

  it('serves Prometheus metrics with request durations by route', async () => {
    await request(t.http).get('/health');
    const res = await request(t.http).get('/metrics').expect(200);
    expect(res.text).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/health",status="200"\}/,
    );
    expect(res.text).toContain('process_cpu_user_seconds_total');
  });

  it('lists the routes in the OpenAPI document', async () => {
    const res = await request(t.http).get('/api/docs-json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/users', '/api/users/{id}', '/api/departments']),
    );
  });

  it('refuses unauthenticated and forged requests with 401', async () => {
    const res = await request(t.http).get('/api/users').expect(401);
    expect(res.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Sign in required' });
    await request(t.http).get('/api/users').set('Authorization', 'Bearer abc.def.ghi').expect(401);
    const forged = t.adminToken.slice(0, -2) + (t.adminToken.endsWith('A') ? 'BB' : 'AA');
    await request(t.http).get('/api/users').set('Authorization', `Bearer ${forged}`).expect(401);
  });

  it('rejects a malformed login with 400 and a wrong password with 401', async () => {
    const malformed = await request(t.http)
      .post('/api/auth/login')
      .send({ email: 'not-an-email' })
      .expect(400);
    expect(malformed.body.statusCode).toBe(400);
    expect(malformed.body.error).toBe('Bad Request');
    expect(Array.isArray(malformed.body.message)).toBe(true);
    await request(t.http)
      .post('/api/auth/login')
      .send({ email: ADMIN.email, password: 'wrong-password' })
      .expect(401);
    await request(t.http)
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email":')
      .expect(400);
  });

  it('signs in through the session cookie as well as the bearer token', async () => {
    const res = await request(t.http).post('/api/auth/login').send(ADMIN).expect(200);
    const cookie = res.headers['set-cookie'] as unknown as string[];
    expect(cookie[0]).toMatch(/resonanz_session=.*HttpOnly/);
    const me = await request(t.http).get('/api/auth/me').set('Cookie', cookie[0].split(';')[0]).expect(200);
    expect(me.body.email).toBe(ADMIN.email);
    expect(me.body.role).toBe('admin');
  });

  it('lets only admins manage users (agent gets 403)', async () => {
    await api(t, agent.token)
      .post('/api/users')
      .send({ email: 'x@test.example', name: 'X', password: 'password-1', role: 'agent' })
      .expect(403);
    await api(t, agent.token).get('/api/users').expect(403);
  });

  it('lets every signed-in user read the directory of active colleagues', async () => {
    const res = await api(t, agent.token).get('/api/users/directory').expect(200);
    expect(res.body.map((u: { email: string }) => u.email)).toEqual(
      expect.arrayContaining([ADMIN.email, agent.email]),
    );
    expect(JSON.stringify(res.body)).not.toMatch(/argon2|passwordHash/);
    await request(t.http).get('/api/users/directory').expect(401);
  });

  it('never exposes password hashes in user listings', async () => {
    const res = await api(t).get('/api/users').expect(200);
    expect(res.body.length).toBeGreaterThanOrEqual(2);
    const text = JSON.stringify(res.body);
    expect(text).not.toMatch(/argon2|passwordHash|password_hash/);
    expect(res.body.map((u: { email: string }) => u.email)).toContain(agent.email);
  });

  it('rejects unknown body fields and duplicate emails', async () => {
    const res = await api(t)
      .post('/api/users')
      .send({ email: 'y@test.example', name: 'Y', password: 'password-1', role: 'agent', isRoot: true })
      .expect(400);
    expect(res.body.message).toEqual(['property isRoot should not exist']);
    await api(t)
      .post('/api/users')
      .send({ email: agent.email.toUpperCase(), name: 'Dup', password: 'password-1', role: 'agent' })
      .expect(409);
  });

  it('answers 404 for unknown and malformed ids', async () => {
    await api(t)
      .patch('/api/users/00000000-0000-4000-8000-000000000000')
      .send({ name: 'Nobody' })
      .expect(404);
    await api(t).patch('/api/users/not-an-id').send({ name: 'Nobody' }).expect(404);
    await api(t).get('/api/departments/00000000-0000-4000-8000-000000000000').expect(404);
    await api(t).get('/api/no-such-route').expect(404);
  });

  it('seeds the six default departments and manages them', async () => {
    const seeded = await api(t).get('/api/departments').expect(200);
    expect(seeded.body.map((d: { name: string }) => d.name).sort()).toEqual(
      ['Accounting', 'Customer Service', 'Data Protection', 'E-Commerce', 'Logistics', 'Product'].sort(),
    );
    const created = await api(t)
      .post('/api/departments')
      .send({ name: 'Returns Desk', leadUserId: agent.id, memberIds: [agent.id] })
      .expect(201);
    expect(created.body).toMatchObject({ name: 'Returns Desk', leadUserId: agent.id, memberIds: [agent.id] });
    await api(t).post('/api/departments').send({ name: 'Returns Desk' }).expect(409);
    await api(t)
      .post('/api/departments')
      .send({ name: 'Ghosts', memberIds: ['00000000-0000-4000-8000-000000000000'] })
      .expect(400);
    const users = await api(t).get('/api/users').expect(200);
    const agentRow = users.body.find((u: { id: string }) => u.id === agent.id);
    expect(agentRow.departmentIds).toEqual([created.body.id]);
    const renamed = await api(t)
      .patch(`/api/departments/${created.body.id}`)
      .send({ name: 'Returns', memberIds: [] })
      .expect(200);
    expect(renamed.body).toMatchObject({ name: 'Returns', memberIds: [] });
    await api(t, agent.token).delete(`/api/departments/${created.body.id}`).expect(403);
    await api(t).post('/api/departments').send({ name: 'returns ' }).expect(409);
    await api(t).delete(`/api/departments/${created.body.id}`).expect(204);
    await api(t).get(`/api/departments/${created.body.id}`).expect(404);
  });

  it('locks out deactivated users at once', async () => {
    const temp = await createUser(t, 'agent');
    await api(t, temp.token).get('/api/auth/me').expect(200);
    await api(t).patch(`/api/users/${temp.id}`).send({ active: false }).expect(200);
    await api(t, temp.token).get('/api/auth/me').expect(401);
    await request(t.http)
      .post('/api/auth/login')
      .send({ email: temp.email, password: temp.password })
      .expect(401);
  });

  it('ends the sessions of a user who signs out or gets a new password, and no one else', async () => {
    const temp = await createUser(t, 'agent');
    const other = await createUser(t, 'agent');
    await request(t.http).post('/api/auth/logout').set('Authorization', `Bearer ${temp.token}`).expect(204);
    await api(t, temp.token).get('/api/auth/me').expect(401);
    await api(t, other.token).get('/api/auth/me').expect(200);

    const again = await login(t, temp.email, temp.password);
    await api(t, again).get('/api/auth/me').expect(200);
    await api(t).patch(`/api/users/${temp.id}`).send({ password: 'a-new-password-1' }).expect(200);
    await api(t, again).get('/api/auth/me').expect(401);
    await api(t, await login(t, temp.email, 'a-new-password-1'))
      .get('/api/auth/me')
      .expect(200);
  });

  it('writes user and department changes to the audit log, without passwords or addresses', async () => {
    const me = (await api(t).get('/api/auth/me').expect(200)).body as { id: string };
    const temp = await createUser(t, 'agent');
    await api(t)
      .patch(`/api/users/${temp.id}`)
      .send({ role: 'manager', password: 'changed-password-9' })
      .expect(200);
    const log = async (entityType: string, entityId: string) =>
      (await api(t).get(`/api/audit-log?entityType=${entityType}&entityId=${entityId}`).expect(200)).body as {
        action: string;
        actorUserId: string;
        data: Record<string, unknown>;
      }[];
    const userEntries = await log('user', temp.id);
    expect(userEntries.map((e) => e.action).sort()).toEqual(['user.created', 'user.updated']);
    expect(userEntries.find((e) => e.action === 'user.updated')).toMatchObject({
      actorUserId: me.id,
      data: { changed: ['role', 'password'], role: { from: 'agent', to: 'manager' } },
    });
    expect(JSON.stringify(userEntries)).not.toMatch(/changed-password-9|@test\.example|argon2/);

    const team = await api(t)
      .post('/api/departments')
      .send({ name: `Audit team ${Date.now()}` })
      .expect(201);
    await api(t).patch(`/api/departments/${team.body.id}`).send({ autoAssign: true }).expect(200);
    await api(t).delete(`/api/departments/${team.body.id}`).expect(204);
    // Quick successive changes may share a millisecond: compare as a set.
    expect((await log('department', team.body.id)).map((e) => e.action).sort()).toEqual([
      'department.created',
      'department.deleted',
      'department.updated',
    ]);
  });

  it('keeps one active admin: the last cannot be demoted or deactivated', async () => {
    const me = (await api(t).get('/api/auth/me').expect(200)).body as { id: string };
    const admins = (await api(t).get('/api/users').expect(200)).body.filter(
      (u: { role: string; active: boolean }) => u.role === 'admin' && u.active,
    );
    expect(admins).toHaveLength(1);
    for (const change of [{ role: 'agent' }, { active: false }]) {
      const res = await api(t).patch(`/api/users/${me.id}`).send(change).expect(409);
      expect(res.body.message).toMatch(/last active admin/);
    }
    // With a second admin, the first may step down.
    const second = await createUser(t, 'admin');
    await api(t).patch(`/api/users/${me.id}`).send({ role: 'manager' }).expect(200);
    await api(t, second.token).patch(`/api/users/${me.id}`).send({ role: 'admin' }).expect(200);
    await api(t).patch(`/api/users/${second.id}`).send({ active: false }).expect(200);
  });

  it('refuses null for fields that cannot be empty, with 400 and nothing changed', async () => {
    const temp = await createUser(t, 'agent');
    for (const field of ['name', 'role', 'active', 'password', 'email']) {
      const res = await api(t)
        .patch(`/api/users/${temp.id}`)
        .send({ [field]: null, departmentIds: [] })
        .expect(400);
      expect(res.body.statusCode).toBe(400);
    }
    const row = (await api(t).get('/api/users').expect(200)).body.find(
      (u: { id: string }) => u.id === temp.id,
    );
    expect(row).toMatchObject({ name: 'Test agent', role: 'agent', active: true });
  });

  it('answers 400 to broken Unicode and absurd nesting, before anything reads them', async () => {
    const lone = await request(t.http)
      .post('/api/auth/login')
      .send({ email: 'a\ud800@x.example', password: 'x' })
      .expect(400);
    expect(lone.body.message).toEqual(expect.arrayContaining([expect.stringMatching(/email/)]));
    await api(t).post('/api/departments').send({ name: 'Broken', email: 'lead\ud800@x.example' }).expect(400);
    const deep = await request(t.http)
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send('['.repeat(5000) + ']'.repeat(5000))
      .expect(400);
    expect(deep.body.message).toMatch(/nested deeper/);
    // A name with a lone surrogate is stored readable (U+FFFD); NUL is refused, on both databases.
    const named = await api(t).post('/api/departments').send({ name: 'Kaputt\ud800' }).expect(201);
    expect(named.body.name).toBe('Kaputt\ufffd');
    const nul = await api(t).post('/api/departments').send({ name: 'Null\u0000Byte' }).expect(400);
    expect(nul.body.message).toEqual(['name must not contain NUL characters']);
    await api(t).delete(`/api/departments/${named.body.id}`).expect(204);
  });

  it('keeps data across a restart', async () => {
    await api(t).patch(`/api/users/${agent.id}`).send({ name: 'Renamed Before Restart' }).expect(200);
    await t.restart();
    const users = await api(t).get('/api/users').expect(200);
    expect(users.body.find((u: { id: string }) => u.id === agent.id).name).toBe('Renamed Before Restart');
    const departments = await api(t).get('/api/departments').expect(200);
    expect(departments.body).toHaveLength(6);
  });
});

describe('login rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('sqlite', { env: { LOGIN_RATE_LIMIT: '3' } });
  });
  afterAll(() => t.close());

  it('answers 429 after too many attempts from one address', async () => {
    // startTestApp signed in once already.
    for (let i = 0; i < 2; i++) {
      await request(t.http)
        .post('/api/auth/login')
        .send({ email: ADMIN.email, password: 'wrong-password' })
        .expect(401);
    }
    const res = await request(t.http).post('/api/auth/login').send(ADMIN).expect(429);
    expect(res.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });
});
