import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JOB_QUEUE, type JobQueue } from '../src/common/queue/job-queue.js';
import type { ResponseTimeRowDto, ResponsibilityDto } from '../src/modules/analytics/dto/analytics.dto.js';
import { SlaService } from '../src/modules/sla/sla.service.js';
import { createConversation, importRemarks, makeRemark } from './factories/remarks.js';
import { getConversation, median, type SlaScenario, slaScenario, waitUntilPast } from './factories/sla.js';
import { createUser, type TestUser } from './factories/users.js';
import { TEST_DATABASES } from './support/databases.js';
import { api, startTestApp, type TestApp } from './support/test-app.js';

type Row = ResponseTimeRowDto;

const sum = (rows: Row[], field: 'conversations' | 'answered' | 'slaBreached') =>
  rows.reduce((n, row) => n + row[field], 0);

describe.each(TEST_DATABASES)('analytics on %s', (db) => {
  let t: TestApp;
  let manager: TestUser;
  let agent: TestUser;
  let scenario: SlaScenario;
  /** The scenario's window: [start, end) holds exactly its 20 conversations. */
  let window: string;

  const report = async (query: string): Promise<Row[]> =>
    (await api(t, manager.token).get(`/api/analytics/response-times?${query}`).expect(200)).body.rows;
  const responsibility = async (): Promise<ResponsibilityDto> =>
    (await api(t, manager.token).get('/api/analytics/responsibility').expect(200)).body;
  const patch = (id: string, body: object) =>
    api(t, agent.token).patch(`/api/conversations/${id}`).send(body);

  beforeAll(async () => {
    t = await startTestApp(db);
    manager = await createUser(t, 'manager');
    const departments: { id: string }[] = (await api(t).get('/api/departments').expect(200)).body;
    agent = await createUser(
      t,
      'agent',
      departments.map((d) => d.id),
    );
    scenario = await slaScenario(t);
    const end = Date.now() + 1;
    window = `from=${new Date(scenario.startedAt).toISOString()}&to=${new Date(end).toISOString()}`;
    await waitUntilPast(scenario.latestDueAt);
  }, 60_000);
  afterAll(() => t.close());

  it('reports the API channel of the 4-second scenario: 20 conversations, 10 answered, 10 breaches', async () => {
    const rows = await report(`groupBy=channel&${window}`);
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row).toMatchObject({ key: 'api', label: 'api', conversations: 20, answered: 10, slaBreached: 10 });
    // The median agrees with the conversations' own timestamps.
    const waits = await Promise.all(
      scenario.answered.map(async (id) => {
        const c = await getConversation(t, id);
        return (Date.parse(c.firstResponseAt!) - Date.parse(c.createdAt)) / 1000;
      }),
    );
    expect(row!.firstResponseMedianSeconds).toBeCloseTo(median(waits), 3);
    expect(row!.firstResponseP90Seconds).toBeGreaterThanOrEqual(row!.firstResponseMedianSeconds!);
    expect(row!.firstResponseP90Seconds).toBeLessThanOrEqual(Math.max(...waits));
    expect(row!.resolutionMedianSeconds).toBeNull();
  });

  it('splits the same conversations by department and by assignee, and the rows add up', async () => {
    const departments: { id: string; name: string }[] = (await api(t).get('/api/departments').expect(200))
      .body;
    const byDepartment = await report(`groupBy=department&${window}`);
    expect(sum(byDepartment, 'conversations')).toBe(20);
    expect(sum(byDepartment, 'answered')).toBe(10);
    expect(sum(byDepartment, 'slaBreached')).toBe(10);
    for (const row of byDepartment) {
      expect(row.label).toBe(departments.find((d) => d.id === row.key)?.name ?? null);
    }

    // Replying made the admin the assignee of the answered half; the rest has nobody.
    const admin = (await api(t).get('/api/auth/me').expect(200)).body;
    const byAssignee = await report(`groupBy=assignee&${window}`);
    expect(byAssignee).toEqual([
      expect.objectContaining({
        key: admin.id,
        label: admin.name,
        conversations: 10,
        answered: 10,
        slaBreached: 0,
      }),
      expect.objectContaining({ key: null, label: null, conversations: 10, answered: 0, slaBreached: 10 }),
    ]);
  });

  it('returns no rows for a future window and refuses bad parameters with 400', async () => {
    const day = 86_400_000;
    const future = `from=${new Date(Date.now() + day).toISOString()}&to=${new Date(Date.now() + 2 * day).toISOString()}`;
    expect(await report(`groupBy=channel&${future}`)).toEqual([]);
    expect(await report(`groupBy=department&${future}`)).toEqual([]);

    for (const query of [
      'groupBy=weekday',
      'groupBy=',
      'groupBy=channel&from=yesterday',
      'groupBy=channel&to=2024-13-01T00:00:00Z',
      'groupBy=channel&from=2024-02-30',
      'groupBy=channel&format=xml',
      'groupBy=channel&limit=5',
    ]) {
      const res = await api(t, manager.token).get(`/api/analytics/response-times?${query}`).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    }
    await api(t, manager.token).get('/api/analytics/overview?from=soon').expect(400);
  });

  it('is for managers: agents get 403, anonymous callers 401', async () => {
    for (const path of ['response-times', 'overview', 'responsibility']) {
      await api(t, agent.token).get(`/api/analytics/${path}`).expect(403);
      await api(t, 'not-a-token').get(`/api/analytics/${path}`).expect(401);
    }
  });

  it('exports the table as CSV with a header row and proper quoting', async () => {
    // A department whose name needs quoting, holding one of the scenario's conversations.
    const odd = await api(t).post('/api/departments').send({ name: '@Sales, "North"\nTeam' }).expect(201);
    await patch(scenario.answered[0]!, { departmentId: odd.body.id, reason: 'Sales question' }).expect(200);

    const viaQuery = await api(t, manager.token)
      .get(`/api/analytics/response-times?groupBy=department&format=csv&${window}`)
      .expect(200);
    expect(viaQuery.headers['content-type']).toMatch(/^text\/csv/);
    expect(viaQuery.headers['content-disposition']).toMatch(
      /^attachment; filename="?response-times-by-department\.csv"?$/,
    );
    const lines = viaQuery.text.split('\r\n');
    expect(lines[0]).toBe(
      'key,label,conversations,answered,firstResponseMedianSeconds,firstResponseP90Seconds,resolutionMedianSeconds,slaBreached',
    );
    // Quoted for the comma, the quotes and the line break; the leading @ defused for spreadsheets.
    expect(viaQuery.text).toContain(`${odd.body.id},"'@Sales, ""North""\nTeam",1,1,`);
    const json = await report(`groupBy=department&${window}`);
    expect(viaQuery.text.trimEnd().split('\r\n')).toHaveLength(json.length + 1);

    const viaAccept = await api(t, manager.token)
      .get(`/api/analytics/response-times?groupBy=channel&${window}`)
      .set('Accept', 'text/csv')
      .expect(200);
    expect(viaAccept.headers['content-type']).toMatch(/^text\/csv/);
    const [, apiLine] = viaAccept.text.split('\r\n');
    expect(apiLine).toMatch(/^api,api,20,10,[\d.]+,[\d.]+,,10$/);
  });

  it('counts by status, channel, sentiment and topic with a daily trend', async () => {
    const res = await api(t, manager.token).get(`/api/analytics/overview?${window}`).expect(200);
    const o = res.body;
    const total = (counts: Record<string, number>) => Object.values(counts).reduce((n, v) => n + v, 0);
    expect(o.total).toBe(20);
    expect(o.byChannel).toMatchObject({ api: 20, email: 0, webform: 0, feed: 0 });
    expect(total(o.byStatus)).toBe(20);
    // Answered → picked up; the one transferred to Sales waits there as new, nobody owns it yet.
    expect(o.byStatus).toMatchObject({ open: 9, new: 11 });
    expect(total(o.bySentiment)).toBe(20);
    expect(total(o.byTopic)).toBe(20);
    expect(Object.keys(o.bySentiment).sort()).toEqual(['negative', 'neutral', 'positive']);

    const days = o.trend as {
      day: string;
      total: number;
      negative: number;
      neutral: number;
      positive: number;
      topics: Record<string, number>;
    }[];
    expect(days.length).toBeGreaterThanOrEqual(1);
    expect(days.reduce((n, d) => n + d.total, 0)).toBe(20);
    for (const d of days) {
      expect(d.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(d.negative + d.neutral + d.positive).toBe(d.total);
      expect(total(d.topics)).toBe(d.total);
    }
    expect(days[0]!.day).toBe(new Date(scenario.startedAt).toISOString().slice(0, 10));
    for (const [topic, n] of Object.entries(o.byTopic as Record<string, number>)) {
      expect(days.reduce((s, d) => s + (d.topics[topic] ?? 0), 0)).toBe(n);
    }

    const future = new Date(Date.now() + 86_400_000).toISOString();
    const empty = (await api(t, manager.token).get(`/api/analytics/overview?from=${future}`).expect(200))
      .body;
    expect(empty).toMatchObject({ total: 0, trend: [] });
  });

  it('shows where ownership slips: transfers, resolving without a reply, unassigned and overdue', async () => {
    const before = await responsibility();
    expect(before.overdue).toBeGreaterThanOrEqual(10); // the scenario's unanswered half
    expect(before.unassigned).toBeGreaterThanOrEqual(10);
    expect(before.oldestUnassignedSeconds).toBeGreaterThanOrEqual(0);

    const departments: { id: string }[] = (await api(t).get('/api/departments').expect(200)).body;
    const bounced = await createConversation(t);
    await patch(bounced, { departmentId: departments[0]!.id }).expect(400); // a transfer needs a reason
    const initial = (await getConversation(t, bounced)).departmentId;
    for (const d of departments.filter((d) => d.id !== initial).slice(0, 3)) {
      await patch(bounced, { departmentId: d.id, reason: 'Not ours' }).expect(200);
    }
    expect((await getConversation(t, bounced)).transfers).toBe(3);

    const silent = await createConversation(t);
    await patch(silent, { status: 'resolved' }).expect(400); // never answered: needs a reason
    await patch(silent, { status: 'resolved', reason: 'Spam' }).expect(200);

    // Answering one of the overdue scenario conversations takes it off the overdue list.
    await api(t, agent.token)
      .post(`/api/conversations/${scenario.unanswered[0]}/replies`)
      .send({ body: 'Sorry!' })
      .expect(201);
    await t.app.get<JobQueue>(JOB_QUEUE).drain();

    const after = await responsibility();
    expect(after.transferredThreeTimesOrMore).toBe(before.transferredThreeTimesOrMore + 1);
    expect(after.resolvedWithoutReply).toBe(before.resolvedWithoutReply + 1);
    expect(after.overdue).toBe(before.overdue - 1);
    // `bounced` is new and unassigned; the reply assigned the answered one to the agent.
    expect(after.unassigned).toBe(before.unassigned + 1 - 1);
  });

  it('counts promises kept, open and broken', async () => {
    const before = (await responsibility()).promises;
    const id = await createConversation(t);
    const promise = (description: string, dueAt: number) =>
      api(t, agent.token)
        .post(`/api/conversations/${id}/promises`)
        .send({ description, dueAt: new Date(dueAt).toISOString() })
        .expect(201);
    const kept = await promise('Send the return label', Date.now() + 3_600_000);
    await api(t, agent.token)
      .patch(`/api/conversations/${id}/promises/${kept.body.id}`)
      .send({ kept: true })
      .expect(200);
    await promise('Call back on Friday', Date.now() + 3_600_000);
    await promise('Refund by yesterday', Date.now() - 60_000);

    expect((await responsibility()).promises).toEqual({
      open: before.open + 1,
      kept: before.kept + 1,
      broken: before.broken + 1,
    });
    // Broken promises are reported to the assignee by the SLA check; they stay counted as broken.
    await t.app.get(SlaService).runCheck();
    expect((await responsibility()).promises.broken).toBe(before.broken + 1);
  });

  it('counts repeat contacts and raises the priority while an earlier concern is open', async () => {
    const authorEmail = `repeat-${Date.now()}@test.example`;
    const first = await createConversation(t, { authorEmail });
    const second = await createConversation(t, { authorEmail });
    const [c1, c2] = [await getConversation(t, first), await getConversation(t, second)];
    expect(c1.repeatContacts).toBe(0);
    expect(c2.repeatContacts).toBe(1);
    expect(c2.priority).toBe(raise(c1.priority));

    // Once both are resolved, a third remark counts both but is not raised.
    for (const id of [first, second]) {
      await api(t, agent.token).post(`/api/conversations/${id}/replies`).send({ body: 'Done.' }).expect(201);
      await patch(id, { status: 'resolved' }).expect(200);
    }
    const third = await getConversation(t, await createConversation(t, { authorEmail }));
    expect(third.repeatContacts).toBe(2);
    expect(third.priority).toBe(c1.priority);

    // A batch: the second remark of the same person in one import is a repeat of the first.
    const other = `batch-${Date.now()}@test.example`;
    const body = await importRemarks(t, [
      makeRemark({ authorEmail: other }),
      makeRemark({ authorEmail: other }),
    ]);
    const [b1, b2] = await Promise.all(body.outcomes.map((o) => getConversation(t, o.conversationId!)));
    expect([b1!.repeatContacts, b2!.repeatContacts]).toEqual([0, 1]);
    expect(b2!.priority).toBe(raise(b1!.priority));
  });
});

const PRIORITIES = ['low', 'normal', 'high', 'urgent'];
const raise = (priority: string) => PRIORITIES[Math.min(PRIORITIES.indexOf(priority) + 1, 3)];
