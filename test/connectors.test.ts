import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SecretBox } from '../src/common/crypto/secret-box.js';
import {
  type ConnectorBody,
  createFeedConnector,
  FakeHttpServer,
  feedFixture,
  getConnector,
  rawQuery,
  syncConnector,
} from './factories/connectors.js';
import { createUser, type TestUser } from './factories/users.js';
import { TEST_DATABASES } from './support/databases.js';
import { api, startTestApp, type TestApp } from './support/test-app.js';

const MASK = '********';
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe.each(TEST_DATABASES)('connectors on %s', (db) => {
  let t: TestApp;
  let site: FakeHttpServer;
  let agent: TestUser;
  let manager: TestUser;

  beforeAll(async () => {
    site = await FakeHttpServer.start();
    site.serve('/reviews.xml', feedFixture('appstore-customer-reviews.xml'));
    t = await startTestApp(db, { env: { ALLOW_PRIVATE_FEED_URLS: 'true' } });
    agent = await createUser(t, 'agent');
    manager = await createUser(t, 'manager');
  }, 60_000);
  afterAll(async () => {
    await t.close();
    await site.close();
  });

  const storedSettings = async (id: string) => {
    const [row] = await rawQuery<{ settings: string }>(t, 'SELECT settings FROM connectors WHERE id = ?', [
      id,
    ]);
    return row.settings;
  };

  describe('CRUD', () => {
    let connector: ConnectorBody;

    it('creates a connector and answers with its settings, status and masked secrets', async () => {
      connector = await createFeedConnector(
        t,
        {
          url: site.url('/reviews.xml'),
          pollIntervalSeconds: 600,
          replyWebhookUrl: site.url('/hook'),
          replyWebhookSecret: 'hook-secret-1',
        },
        'App Store DE',
      );
      expect(connector).toMatchObject({
        kind: 'feed',
        name: 'App Store DE',
        enabled: true,
        settings: {
          url: site.url('/reviews.xml'),
          pollIntervalSeconds: 600,
          replyWebhookUrl: site.url('/hook'),
          replyWebhookSecret: MASK,
        },
        status: { state: 'idle', lastSyncAt: null, lastError: null, ingestedTotal: 0 },
      });
      expect(connector.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(new Date(connector.createdAt as string).toISOString()).toBe(connector.createdAt);
    });

    it('stores the secret encrypted (AES-256-GCM), never in clear', async () => {
      const raw = await storedSettings(connector.id);
      expect(raw).not.toContain('hook-secret-1');
      const sealed = JSON.parse(raw).replyWebhookSecret as string;
      expect(SecretBox.isSealed(sealed)).toBe(true);
      expect(new SecretBox(t.config.secretKey).open(sealed)).toBe('hook-secret-1');
    });

    it('lists and reads connectors, secrets masked', async () => {
      const list = (await api(t).get('/api/connectors').expect(200)).body as ConnectorBody[];
      expect(list.map((c) => c.id)).toContain(connector.id);
      expect(JSON.stringify(list)).not.toContain('hook-secret-1');
      const one = await getConnector(t, connector.id);
      expect(one.settings.replyWebhookSecret).toBe(MASK);
      expect(one.name).toBe('App Store DE');
    });

    it('keeps the stored secret when a PATCH sends the mask back or leaves it out', async () => {
      const res = await api(t)
        .patch(`/api/connectors/${connector.id}`)
        .send({
          name: 'App Store Deutschland',
          settings: { ...connector.settings, pollIntervalSeconds: 900 },
        })
        .expect(200);
      expect(res.body).toMatchObject({
        name: 'App Store Deutschland',
        settings: { pollIntervalSeconds: 900 },
      });
      await api(t)
        .patch(`/api/connectors/${connector.id}`)
        .send({ settings: { pollIntervalSeconds: 1200 } })
        .expect(200);
      const stored = JSON.parse(await storedSettings(connector.id));
      expect(new SecretBox(t.config.secretKey).open(stored.replyWebhookSecret)).toBe('hook-secret-1');
      expect(stored.pollIntervalSeconds).toBe(1200);
      expect(stored.url).toBe(site.url('/reviews.xml'));
    });

    it('replaces the secret when a PATCH sends a new one, and removes a setting sent as null', async () => {
      await api(t)
        .patch(`/api/connectors/${connector.id}`)
        .send({ settings: { replyWebhookSecret: 'hook-secret-2', pollIntervalSeconds: null } })
        .expect(200);
      const stored = JSON.parse(await storedSettings(connector.id));
      expect(new SecretBox(t.config.secretKey).open(stored.replyWebhookSecret)).toBe('hook-secret-2');
      expect(stored).not.toHaveProperty('pollIntervalSeconds');
    });

    it('disables and enables a connector', async () => {
      const off = await api(t).patch(`/api/connectors/${connector.id}`).send({ enabled: false }).expect(200);
      expect(off.body.enabled).toBe(false);
      expect(off.body.status.nextSyncAt).toBeNull();
      const on = await api(t).patch(`/api/connectors/${connector.id}`).send({ enabled: true }).expect(200);
      expect(on.body.enabled).toBe(true);
      expect(on.body.status.nextSyncAt).not.toBeNull();
    });

    it('writes audit entries for create, update and delete, without secrets', async () => {
      await api(t).delete(`/api/connectors/${connector.id}`).expect(204);
      await api(t).get(`/api/connectors/${connector.id}`).expect(404);
      const rows = await rawQuery<{ action: string; actor_user_id: string; data: string }>(
        t,
        'SELECT action, actor_user_id, data FROM audit_log WHERE entity_type = ? AND entity_id = ? ORDER BY created_at',
        ['connector', connector.id],
      );
      expect(rows.map((r) => r.action)).toEqual([
        'connector.create',
        'connector.update',
        'connector.update',
        'connector.update',
        'connector.update',
        'connector.update',
        'connector.delete',
      ]);
      expect(rows.every((r) => r.actor_user_id)).toBe(true);
      expect(rows.map((r) => r.data).join()).not.toMatch(/hook-secret/);
    });
  });

  describe('validation', () => {
    it('refuses an unknown kind, naming the known ones', async () => {
      const res = await api(t)
        .post('/api/connectors')
        .send({ kind: 'fax', name: 'x', settings: {} })
        .expect(400);
      expect(String(res.body.message)).toMatch(/kind must be one of: .*feed/);
    });

    it.each([
      [{ kind: 'feed', settings: { url: 'https://example.com/f.xml' } }, /name/],
      [{ kind: 'feed', name: 'x', settings: 'https://example.com/f.xml' }, /settings must be an object/],
      [{ kind: 'feed', name: 'x', settings: {} }, /settings.url must be a URL/],
      [
        { kind: 'feed', name: 'x', settings: { url: 'https://example.com/f', colour: 'red' } },
        /settings.colour is not a feed setting/,
      ],
      [
        { kind: 'feed', name: 'x', settings: { url: 'https://example.com/f', pollIntervalSeconds: 1 } },
        /pollIntervalSeconds/,
      ],
      [{ kind: 'feed', name: 'x', enabled: 'yes', settings: { url: 'https://example.com/f' } }, /enabled/],
      [
        { kind: 'feed', name: 'x', settings: { url: 'https://example.com/f' }, extra: 1 },
        /property extra should not exist/,
      ],
      [
        {
          kind: 'feed',
          name: 'x',
          settings: { url: 'https://example.com/f', replyWebhookUrl: 'https://example.com/h' },
        },
        /replyWebhookSecret is required/,
      ],
      [
        {
          kind: 'feed',
          name: 'x',
          settings: {
            url: 'https://example.com/f',
            replyWebhookUrl: 'https://e.com/h',
            replyWebhookSecret: MASK,
          },
        },
        /replyWebhookSecret must be the secret itself/,
      ],
    ])('refuses %j with 400', async (body, message) => {
      const res = await api(t).post('/api/connectors').send(body).expect(400);
      expect(res.body.statusCode).toBe(400);
      expect(JSON.stringify(res.body.message)).toMatch(message);
    });

    it('refuses to change the kind or store invalid settings on PATCH', async () => {
      const connector = await createFeedConnector(t, { url: site.url('/reviews.xml') });
      await api(t).patch(`/api/connectors/${connector.id}`).send({ kind: 'webform' }).expect(400);
      const res = await api(t)
        .patch(`/api/connectors/${connector.id}`)
        .send({ settings: { url: 'file:///etc/passwd' } })
        .expect(400);
      expect(JSON.stringify(res.body.message)).toMatch(/settings.url must use http or https/);
      expect((await getConnector(t, connector.id)).settings.url).toBe(site.url('/reviews.xml'));
    });
  });

  describe('access', () => {
    it('answers 404 for unknown and malformed ids', async () => {
      for (const id of [UNKNOWN_ID, 'not-a-uuid']) {
        await api(t).get(`/api/connectors/${id}`).expect(404);
        await api(t).patch(`/api/connectors/${id}`).send({ name: 'x' }).expect(404);
        await api(t).delete(`/api/connectors/${id}`).expect(404);
        await api(t).post(`/api/connectors/${id}/test`).expect(404);
        await api(t).post(`/api/connectors/${id}/sync`).expect(404);
      }
    });

    it('is for admins only: agents and managers get 403', async () => {
      const connector = await createFeedConnector(t, { url: site.url('/reviews.xml') });
      for (const user of [agent, manager]) {
        await api(t, user.token).get('/api/connectors').expect(403);
        await api(t, user.token).get(`/api/connectors/${connector.id}`).expect(403);
        await api(t, user.token)
          .post('/api/connectors')
          .send({ kind: 'feed', name: 'x', settings: { url: site.url('/reviews.xml') } })
          .expect(403);
        await api(t, user.token).patch(`/api/connectors/${connector.id}`).send({ name: 'x' }).expect(403);
        await api(t, user.token).delete(`/api/connectors/${connector.id}`).expect(403);
        await api(t, user.token).post(`/api/connectors/${connector.id}/test`).expect(403);
        await api(t, user.token).post(`/api/connectors/${connector.id}/sync`).expect(403);
      }
    });
  });

  describe('test and sync', () => {
    it('tests a connection and reports failures readably instead of throwing', async () => {
      const good = await createFeedConnector(t, { url: site.url('/reviews.xml') });
      const ok = await api(t).post(`/api/connectors/${good.id}/test`).expect(200);
      expect(ok.body).toEqual({ ok: true, detail: '"iTunes Store: Kundenrezensionen" with 3 entries' });

      const missing = await createFeedConnector(t, { url: site.url('/missing.xml') });
      const notFound = await api(t).post(`/api/connectors/${missing.id}/test`).expect(200);
      expect(notFound.body).toEqual({ ok: false, detail: 'The feed server answered 404 Not Found' });

      const down = await createFeedConnector(t, { url: 'http://127.0.0.1:9/feed.xml' });
      const refused = await api(t).post(`/api/connectors/${down.id}/test`).expect(200);
      expect(refused.body.ok).toBe(false);
      expect(refused.body.detail).toMatch(/ECONNREFUSED/);
      // Testing changes nothing.
      expect((await getConnector(t, good.id)).status).toMatchObject({ state: 'idle', ingestedTotal: 0 });
    });

    it('syncs now and records the outcome in the status', async () => {
      const connector = await createFeedConnector(t, { url: site.url('/reviews.xml') });
      expect(await syncConnector(t, connector.id)).toEqual({
        fetched: 3,
        ingested: 3,
        duplicates: 0,
        failed: 0,
      });
      const after = await getConnector(t, connector.id);
      expect(after.status).toMatchObject({ state: 'ok', lastError: null, ingestedTotal: 3 });
      expect(after.status.lastSyncAt).not.toBeNull();
      expect(Date.parse(after.status.nextSyncAt!)).toBeGreaterThan(Date.parse(after.status.lastSyncAt!));
      // The same entries again: duplicates, nothing new.
      expect(await syncConnector(t, connector.id)).toEqual({
        fetched: 3,
        ingested: 0,
        duplicates: 3,
        failed: 0,
      });
      expect((await getConnector(t, connector.id)).status.ingestedTotal).toBe(3);
    });

    it('records a failed pull as state error with a readable lastError, and recovers', async () => {
      site.serve('/flaky.xml', 'upstream broke', { status: 503, contentType: 'text/plain' });
      const connector = await createFeedConnector(t, { url: site.url('/flaky.xml') });
      const failed = await syncConnector(t, connector.id);
      expect(failed).toEqual({
        fetched: 0,
        ingested: 0,
        duplicates: 0,
        failed: 0,
        error: 'The feed server answered 503 Service Unavailable',
      });
      const broken = await getConnector(t, connector.id);
      expect(broken.status).toMatchObject({
        state: 'error',
        lastError: 'The feed server answered 503 Service Unavailable',
      });
      expect(broken.status.lastSyncAt).not.toBeNull();

      site.serve('/flaky.xml', feedFixture('appstore-customer-reviews.xml'));
      await syncConnector(t, connector.id);
      expect((await getConnector(t, connector.id)).status).toMatchObject({ state: 'ok', lastError: null });
    });

    it('refuses to sync a connector that has nothing to pull or is disabled', async () => {
      const form = await api(t)
        .post('/api/connectors')
        .send({ kind: 'webform', name: 'Contact form', settings: {} })
        .expect(201);
      const res = await api(t).post(`/api/connectors/${form.body.id}/sync`).expect(400);
      expect(res.body.message).toMatch(/webform connector cannot be synced: it has nothing to pull/);

      const off = await api(t)
        .post('/api/connectors')
        .send({ kind: 'feed', name: 'off', enabled: false, settings: { url: site.url('/reviews.xml') } })
        .expect(201);
      const disabled = await api(t).post(`/api/connectors/${off.body.id}/sync`).expect(400);
      expect(disabled.body.message).toMatch(/disabled/);
    });
  });

  describe('the sync lock', () => {
    it('lets one of two concurrent syncs run; the other gets 409 and nothing is pulled twice', async () => {
      site.serve('/slow.xml', feedFixture('appstore-customer-reviews.xml'));
      const connector = await createFeedConnector(t, { url: site.url('/slow.xml') });
      site.hold('/slow.xml');
      const arrived = site.nextRequest('/slow.xml');
      const first = api(t)
        .post(`/api/connectors/${connector.id}/sync`)
        .then((r) => r);
      await arrived; // the first sync holds the lock and waits for the feed server
      const second = await api(t).post(`/api/connectors/${connector.id}/sync`).expect(409);
      expect(second.body.message).toMatch(/being synced right now/);
      site.release();
      const done = await first;
      expect(done.status).toBe(200);
      expect(done.body).toMatchObject({ fetched: 3, ingested: 3 });
      expect(site.requestsTo('/slow.xml')).toHaveLength(1);
      // Released afterwards.
      expect((await syncConnector(t, connector.id)).duplicates).toBe(3);
    });

    it('respects a lock held by another instance until it expires', async () => {
      const connector = await createFeedConnector(t, { url: site.url('/reviews.xml') });
      const lock = (until: number) =>
        rawQuery(t, 'UPDATE connectors SET locked_by = ?, locked_until = ? WHERE id = ?', [
          'other-instance:1',
          until,
          connector.id,
        ]);
      await lock(Date.now() + 60_000);
      await api(t).post(`/api/connectors/${connector.id}/sync`).expect(409);
      await lock(Date.now() - 1);
      expect((await syncConnector(t, connector.id)).ingested).toBe(3);
      const [row] = await rawQuery<{ locked_by: string | null }>(
        t,
        'SELECT locked_by FROM connectors WHERE id = ?',
        [connector.id],
      );
      expect(row.locked_by).toBeNull();
    });
  });
});

describe.each(TEST_DATABASES)('connector scheduler on %s', (db) => {
  let t: TestApp;
  let site: FakeHttpServer;

  beforeAll(async () => {
    site = await FakeHttpServer.start();
    site.serve('/reviews.xml', feedFixture('appstore-customer-reviews.xml'), { etag: '"v1"' });
    t = await startTestApp(db, {
      env: { ALLOW_PRIVATE_FEED_URLS: 'true', SCHEDULER_ENABLED: 'true', CONNECTOR_SCHEDULER_TICK_MS: '100' },
    });
  }, 60_000);
  afterAll(async () => {
    await t.close();
    await site.close();
  });

  it('polls due connectors by itself and leaves disabled ones alone', async () => {
    const disabled = await api(t)
      .post('/api/connectors')
      .send({ kind: 'feed', name: 'off', enabled: false, settings: { url: site.url('/reviews.xml?off') } })
      .expect(201);
    const connector = await createFeedConnector(t, { url: site.url('/reviews.xml') });
    let status = (await getConnector(t, connector.id)).status;
    while (status.state === 'idle') {
      await new Promise((resolve) => setTimeout(resolve, 50));
      status = (await getConnector(t, connector.id)).status;
    }
    expect(status).toMatchObject({ state: 'ok', ingestedTotal: 3, lastError: null });
    expect(site.requestsTo('/reviews.xml?off')).toHaveLength(0);
    expect((await getConnector(t, disabled.body.id)).status.state).toBe('idle');
  });
});
