import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TEST_DATABASES } from './support/databases.js';
import { api, login, startTestApp, type TestApp } from './support/test-app.js';

interface Summary {
  id: string;
  channel: string;
  language: string;
  status: string;
  firstResponseAt: string | null;
  firstResponseDueAt: string;
  departmentId: string | null;
}

async function all(t: TestApp): Promise<Summary[]> {
  const items: Summary[] = [];
  let cursor: string | null = null;
  do {
    const url: string = `/api/conversations?limit=100${cursor ? `&cursor=${cursor}` : ''}`;
    const page = (await api(t).get(url).expect(200)).body as { items: Summary[]; nextCursor: string | null };
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

describe.each(TEST_DATABASES)('demo inbox on %s', (db) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(db, { env: { DEMO_DATA: 'true' } });
  }, 60_000);
  afterAll(() => t.close());

  it('loads about 200 routed conversations across channels and languages, some answered, some overdue', async () => {
    const items = await all(t);
    expect(items.length).toBeGreaterThanOrEqual(190);
    expect(new Set(items.map((c) => c.channel))).toEqual(new Set(['email', 'webform', 'feed', 'api']));
    expect(new Set(items.map((c) => c.language))).toEqual(expect.objectContaining(new Set(['de', 'en'])));
    expect(items.every((c) => c.departmentId)).toBe(true);
    const answered = items.filter((c) => c.firstResponseAt);
    const overdue = items.filter((c) => !c.firstResponseAt && Date.parse(c.firstResponseDueAt) < Date.now());
    expect(answered.length).toBeGreaterThan(20);
    expect(overdue.length).toBeGreaterThan(20);
    expect(items.some((c) => c.status === 'resolved')).toBe(true);
    const detail = (await api(t).get(`/api/conversations/${answered[0].id}`).expect(200)).body;
    expect(detail.messages.map((m: { direction: string }) => m.direction)).toContain('outbound');
  });

  it('lets the demo agents sign in and never loads twice', async () => {
    const token = await login(t, 'lena.agent@demo.resonanz.local', 'resonanz-demo');
    await api(t, token).get('/api/conversations?limit=1').expect(200);
    const before = (await all(t)).length;
    await t.restart();
    expect((await all(t)).length).toBe(before);
  }, 60_000);
});
