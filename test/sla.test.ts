import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JOB_QUEUE, type JobQueue } from '../src/common/queue/job-queue.js';
import { AppConfig } from '../src/common/config/app-config.js';
import { MetricsService } from '../src/common/metrics/metrics.service.js';
import { ConversationsService } from '../src/modules/conversations/conversations.service.js';
import { EventsService, type InboxEvent } from '../src/modules/events/events.service.js';
import { NotificationsService } from '../src/modules/notifications/notifications.service.js';
import { SlaCheckRepository } from '../src/modules/sla/sla-check.repository.js';
import { SlaService } from '../src/modules/sla/sla.service.js';
import { createConversation } from './factories/remarks.js';
import {
  createSlaPolicy,
  getConversation,
  importFromStrangers,
  median,
  slaScenario,
  waitUntilPast,
} from './factories/sla.js';
import { createUser, type TestUser } from './factories/users.js';
import { TEST_DATABASES } from './support/databases.js';
import { type SmtpReceiver, startSmtpReceiver } from './support/smtp-receiver.js';
import { api, startTestApp, type TestApp } from './support/test-app.js';

interface NotificationView {
  id: string;
  type: string;
  conversationId: string | null;
  message: string;
  read: boolean;
  createdAt: string;
}

const notificationsOf = async (t: TestApp, user: TestUser, query = ''): Promise<NotificationView[]> =>
  (await api(t, user.token).get(`/api/notifications${query}`).expect(200)).body;

/** Makes `lead` the lead of every department, so every escalation reaches them. */
async function leadEveryDepartment(t: TestApp, lead: TestUser): Promise<void> {
  const departments: { id: string }[] = (await api(t).get('/api/departments').expect(200)).body;
  for (const d of departments)
    await api(t).patch(`/api/departments/${d.id}`).send({ leadUserId: lead.id }).expect(200);
}

const dueSeconds = (c: { createdAt: string; firstResponseDueAt: string | null }) =>
  (Date.parse(c.firstResponseDueAt ?? '') - Date.parse(c.createdAt)) / 1000;

describe.each(TEST_DATABASES)('SLA policies, escalation and notifications on %s', (db) => {
  let t: TestApp;
  let lead: TestUser;
  let agent: TestUser;
  let sla: SlaService;

  beforeAll(async () => {
    t = await startTestApp(db);
    lead = await createUser(t, 'manager');
    agent = await createUser(t, 'agent');
    await leadEveryDepartment(t, lead);
    sla = t.app.get(SlaService);
  }, 60_000);
  afterAll(() => t.close());

  it('lets only admins manage SLA policies, with validation, 404 and 409', async () => {
    await api(t, agent.token).get('/api/sla-policies').expect(403);
    await api(t, lead.token)
      .post('/api/sla-policies')
      .send({ name: 'x', firstResponseSeconds: 60 })
      .expect(403);

    for (const bad of [
      { name: 'zero', firstResponseSeconds: 0 },
      { name: 'fraction', firstResponseSeconds: 1.5 },
      { name: 'fax', channel: 'fax', firstResponseSeconds: 60 },
      { name: 'prio', priority: 'asap', firstResponseSeconds: 60 },
      { name: '', firstResponseSeconds: 60 },
      { name: 'text', firstResponseSeconds: '60' },
      { name: 'extra', firstResponseSeconds: 60, colour: 'red' },
    ]) {
      const res = await api(t).post('/api/sla-policies').send(bad).expect(400);
      expect(res.body.statusCode).toBe(400);
    }

    const created = await api(t)
      .post('/api/sla-policies')
      .send({
        name: 'Reviews, high',
        channel: 'feed',
        priority: 'high',
        firstResponseSeconds: 7200,
        resolutionSeconds: 86400,
      })
      .expect(201);
    expect(created.body).toMatchObject({
      name: 'Reviews, high',
      channel: 'feed',
      priority: 'high',
      firstResponseSeconds: 7200,
      resolutionSeconds: 86400,
    });
    const list = await api(t).get('/api/sla-policies').expect(200);
    expect(Array.isArray(list.body)).toBe(true);
    expect(list.body).toContainEqual(created.body);

    // A second policy for the same channel and priority would make "most specific" ambiguous.
    await api(t)
      .post('/api/sla-policies')
      .send({ name: 'dup', channel: 'feed', priority: 'high', firstResponseSeconds: 60 })
      .expect(409);

    const patched = await api(t)
      .patch(`/api/sla-policies/${created.body.id}`)
      .send({ firstResponseSeconds: 3600, resolutionSeconds: null })
      .expect(200);
    expect(patched.body).toMatchObject({
      firstResponseSeconds: 3600,
      resolutionSeconds: null,
      channel: 'feed',
    });
    expect((await api(t).get(`/api/sla-policies/${created.body.id}`).expect(200)).body).toEqual(patched.body);

    const unnamed = await api(t)
      .post('/api/sla-policies')
      .send({ channel: 'email', priority: 'urgent', firstResponseSeconds: 900 })
      .expect(201);
    expect(unnamed.body.name).toBe('email, urgent');
    await api(t).delete(`/api/sla-policies/${unnamed.body.id}`).expect(204);

    await api(t)
      .patch('/api/sla-policies/6f1c8f7e-0000-4000-8000-000000000000')
      .send({ name: 'x' })
      .expect(404);
    await api(t).patch('/api/sla-policies/not-an-id').send({ name: 'x' }).expect(404);
    await api(t).delete(`/api/sla-policies/${created.body.id}`).expect(204);
    await api(t).get(`/api/sla-policies/${created.body.id}`).expect(404);
    await api(t).delete(`/api/sla-policies/${created.body.id}`).expect(404);
  });

  it('sets due times from the most specific policy, and a change applies to the next conversation at once', async () => {
    const general = await createSlaPolicy(t, { firstResponseSeconds: 500 });
    const normal = await createSlaPolicy(t, { priority: 'normal', firstResponseSeconds: 300 });
    const feed = await createSlaPolicy(t, { channel: 'feed', firstResponseSeconds: 200 });
    const feedNormal = await createSlaPolicy(t, {
      channel: 'feed',
      priority: 'normal',
      firstResponseSeconds: 100,
    });
    try {
      const due = async (channel: string) => {
        const [id] = await importFromStrangers(t, 1, channel);
        return dueSeconds(await getConversation(t, id!));
      };
      expect(await due('feed')).toBe(100); // channel + priority
      expect(await due('email')).toBe(300); // priority beats the general one
      await api(t).delete(`/api/sla-policies/${feedNormal.id}`).expect(204);
      expect(await due('feed')).toBe(200); // channel only
      await api(t).patch(`/api/sla-policies/${feed.id}`).send({ firstResponseSeconds: 250 }).expect(200);
      expect(await due('feed')).toBe(250);
      await api(t).delete(`/api/sla-policies/${normal.id}`).expect(204);
      expect(await due('email')).toBe(500); // the general policy
      await api(t).delete(`/api/sla-policies/${general.id}`).expect(204);
      expect(await due('email')).toBe(8 * 3600); // config/defaults.ts
    } finally {
      for (const p of [general, normal, feed, feedNormal]) await api(t).delete(`/api/sla-policies/${p.id}`);
    }
  });

  it('escalates the unanswered half of 20 API remarks under a 4-second SLA, once, and tells the lead', async () => {
    const scenario = await slaScenario(t);
    const before = await notificationsOf(t, lead);

    // The check as it would run just after the last due time (no waiting); live inboxes hear of it.
    const updates: InboxEvent[] = [];
    const subscription = t.app
      .get(EventsService)
      .stream()
      .subscribe((e) => updates.push(e));
    try {
      expect(await sla.runCheck(scenario.latestDueAt + 1)).toEqual({ escalated: 10, brokenPromises: 0 });
    } finally {
      subscription.unsubscribe();
    }
    const updated = updates.filter((e) => e.type === 'conversation.updated');
    expect(updated.map((e) => e.conversationId).sort()).toEqual([...scenario.unanswered].sort());
    expect(updated.every((e) => (e.conversation as { priority: string }).priority === 'urgent')).toBe(true);

    for (const id of scenario.unanswered) {
      const c = await getConversation(t, id);
      expect(c.priority).toBe('urgent');
      expect(c.escalatedAt).not.toBeNull();
      expect(c.events.filter((e) => e.type === 'escalation')).toHaveLength(1);
    }
    for (const id of scenario.answered) {
      const c = await getConversation(t, id);
      expect(c.priority).not.toBe('urgent');
      expect(c.escalatedAt ?? null).toBeNull();
      expect(c.events.some((e) => e.type === 'escalation')).toBe(false);
    }
    const escalations = (await notificationsOf(t, lead)).filter((n) => !before.some((b) => b.id === n.id));
    expect(escalations).toHaveLength(10);
    expect(escalations.every((n) => n.type === 'escalation' && !n.read)).toBe(true);
    expect(escalations.map((n) => n.conversationId).sort()).toEqual([...scenario.unanswered].sort());
    expect(escalations[0]!.message).toMatch(/^Overdue: R-\d+ has no answer yet/);

    // Idempotent: nothing left to escalate, nobody told twice.
    expect(await sla.runCheck(scenario.latestDueAt + 60_000)).toEqual({ escalated: 0, brokenPromises: 0 });
    expect(await notificationsOf(t, lead)).toHaveLength(before.length + 10);

    // The report agrees, once the due times have really passed.
    await waitUntilPast(scenario.latestDueAt);
    const report = await api(t, lead.token)
      .get(`/api/analytics/response-times?groupBy=channel&from=${new Date(scenario.startedAt).toISOString()}`)
      .expect(200);
    const apiRow = report.body.rows.find((r: { key: string }) => r.key === 'api');
    expect(apiRow).toMatchObject({ conversations: 20, answered: 10, slaBreached: 10 });
    const waits = await Promise.all(
      scenario.answered.map(async (id) => {
        const c = await getConversation(t, id);
        return (Date.parse(c.firstResponseAt!) - Date.parse(c.createdAt)) / 1000;
      }),
    );
    expect(apiRow.firstResponseMedianSeconds).toBeCloseTo(median(waits), 3);
  }, 60_000);

  it('tells the assignee once about a broken promise, and nobody about a kept one', async () => {
    const id = await createConversation(t);
    await api(t).patch(`/api/conversations/${id}`).send({ assigneeId: agent.id }).expect(200);
    const due = new Date(Date.now() + 60_000).toISOString();
    const broken = await api(t)
      .post(`/api/conversations/${id}/promises`)
      .send({ description: 'Call back on Friday', dueAt: due })
      .expect(201);
    const kept = await api(t)
      .post(`/api/conversations/${id}/promises`)
      .send({ description: 'Send the label', dueAt: due })
      .expect(201);
    await api(t).patch(`/api/conversations/${id}/promises/${kept.body.id}`).send({ kept: true }).expect(200);

    expect((await sla.runCheck(Date.now())).brokenPromises).toBe(0); // not due yet
    const result = await sla.runCheck(Date.parse(due) + 1);
    expect(result.brokenPromises).toBe(1);
    const told = (await notificationsOf(t, agent)).filter((n) => n.type === 'promise_broken');
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ conversationId: id });
    expect(told[0]!.message).toContain('Call back on Friday');
    const history = (await getConversation(t, id)).events.filter(
      (e) => e.type === 'promise' && e.data?.promiseId === broken.body.id && e.data?.state === 'broken',
    );
    expect(history).toHaveLength(1);

    expect((await sla.runCheck(Date.parse(due) + 120_000)).brokenPromises).toBe(0);
    expect((await notificationsOf(t, agent)).filter((n) => n.type === 'promise_broken')).toHaveLength(1);
  });

  it("lists the signed-in user's notifications newest first and marks them read", async () => {
    const all = await notificationsOf(t, lead, '?limit=200');
    expect(all.length).toBeGreaterThanOrEqual(10);
    const times = all.map((n) => Date.parse(n.createdAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(await notificationsOf(t, lead, '?limit=3')).toHaveLength(3);

    const first = all[0]!;
    const read = await api(t, lead.token)
      .patch(`/api/notifications/${first.id}`)
      .send({ read: true })
      .expect(200);
    expect(read.body).toMatchObject({ id: first.id, read: true });
    expect(read.body.readAt).not.toBeNull();
    const unread = await notificationsOf(t, lead, '?unread=true&limit=200');
    expect(unread.map((n) => n.id)).not.toContain(first.id);
    expect(unread).toHaveLength(all.length - 1);
    const again = await api(t, lead.token)
      .patch(`/api/notifications/${first.id}`)
      .send({ read: false })
      .expect(200);
    expect(again.body).toMatchObject({ read: false, readAt: null });

    // Someone else's notification does not exist for you; bad bodies and ids are refused.
    await api(t, agent.token).patch(`/api/notifications/${first.id}`).send({ read: true }).expect(404);
    expect((await notificationsOf(t, agent)).map((n) => n.id)).not.toContain(first.id);
    await api(t, lead.token).patch(`/api/notifications/${first.id}`).send({ read: 'yes' }).expect(400);
    await api(t, lead.token).patch(`/api/notifications/${first.id}`).send({}).expect(400);
    await api(t, lead.token).patch('/api/notifications/nope').send({ read: true }).expect(404);
    await api(t, lead.token).get('/api/notifications?limit=0').expect(400);
  });
});

describe.each(TEST_DATABASES)('the SLA check on its own schedule, with email, on %s', (db) => {
  let t: TestApp;
  let smtp: SmtpReceiver;
  let lead: TestUser;

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    t = await startTestApp(db, {
      env: {
        SCHEDULER_ENABLED: 'true',
        SLA_CHECK_INTERVAL_SECONDS: '1',
        SMTP_URL: `smtp://${smtp.host}:${smtp.port}`,
        MAIL_FROM: 'Resonanz <resonanz@test.example>',
      },
    });
    lead = await createUser(t, 'manager');
    await leadEveryDepartment(t, lead);
  }, 60_000);
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('escalates an overdue conversation by itself and emails the department lead', async () => {
    await createSlaPolicy(t, { channel: 'api', firstResponseSeconds: 1 });
    const [id] = await importFromStrangers(t, 1);
    const [mail] = await smtp.waitFor(1, 20_000);
    expect(mail!.to).toContain(lead.email);
    expect(mail!.parsed.subject).toMatch(/^\[Resonanz\] Overdue: R-\d+/);
    expect(mail!.parsed.headers.get('auto-submitted')).toBe('auto-generated');
    const c = await getConversation(t, id!);
    expect(c.priority).toBe('urgent');
    const [notification] = await notificationsOf(t, lead);
    expect(notification).toMatchObject({ type: 'escalation', conversationId: id });
    await t.app.get<JobQueue>(JOB_QUEUE).drain();
    expect((await api(t, lead.token).get('/api/notifications').expect(200)).body[0].emailedAt).not.toBeNull();
  }, 30_000);
});

// SQLite serves one instance (one file, one connection); several instances share PostgreSQL.
const SHARED_DATABASES = TEST_DATABASES.filter((db) => db === 'postgres');
if (SHARED_DATABASES.length)
  describe.each(SHARED_DATABASES)('SLA checks of two instances at once on %s', (db) => {
    let t: TestApp;
    let lead: TestUser;

    beforeAll(async () => {
      t = await startTestApp(db);
      lead = await createUser(t, 'manager');
      await leadEveryDepartment(t, lead);
    }, 60_000);
    afterAll(() => t.close());

    /** A second SlaService over the same database, as another app instance would have. */
    const otherInstance = () =>
      new SlaService(
        t.app.get(SlaCheckRepository),
        t.app.get(NotificationsService),
        t.app.get(ConversationsService),
        t.app.get(AppConfig),
        t.app.get<JobQueue>(JOB_QUEUE),
        t.app.get(MetricsService),
      );

    it('escalates each conversation once and notifies once', async () => {
      await createSlaPolicy(t, { channel: 'webform', firstResponseSeconds: 1 });
      const ids = await importFromStrangers(t, 12, 'webform');
      const later = Date.now() + 10_000;
      const results = await Promise.all(
        [t.app.get(SlaService), otherInstance(), otherInstance()].map((s) => s.runCheck(later)),
      );
      expect(results.reduce((n, r) => n + r.escalated, 0)).toBe(12);
      const notified = (await notificationsOf(t, lead, '?limit=200')).filter((n) =>
        ids.includes(n.conversationId!),
      );
      expect(notified).toHaveLength(12);
      for (const id of ids) {
        expect((await getConversation(t, id)).events.filter((e) => e.type === 'escalation')).toHaveLength(1);
      }
    }, 30_000);
  });
