import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import {
  createPostgresDatabase,
  dropPostgresDatabase,
  TEST_DATABASES,
  type TestDatabase,
} from '../../../test/support/databases.js';
import { AppConfig } from '../../common/config/app-config.js';
import { newId } from '../../database/columns.js';
import { openDataSource } from '../../database/data-source.js';
import { ContactEntity } from '../contacts/contact.entity.js';
import { ConversationEntity } from '../conversations/conversation.entity.js';
import { PromiseEntity } from '../conversations/promise.entity.js';
import { DepartmentEntity } from '../departments/department.entity.js';
import { UserEntity } from '../users/user.entity.js';
import { AnalyticsRepository, type CountRow, type ResponseTimeRow } from './analytics.repository.js';

/** PostgreSQL's percentile_cont, written out: the reference both databases must match. */
function percentileCont(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const h = p * (sorted.length - 1);
  const lo = Math.floor(h);
  const f = h - lo;
  return f === 0 ? sorted[lo]! : sorted[lo]! + f * (sorted[lo + 1]! - sorted[lo]!);
}

/** Deterministic pseudo-random numbers (a linear congruential generator), so every run sees the same data. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 0, 10, 8, 0, 0);
const NOW = T0 + 40 * DAY;

interface Opened {
  db: TestDatabase;
  ds: DataSource;
  repo: AnalyticsRepository;
  cleanup: () => Promise<void>;
}

async function open(db: TestDatabase): Promise<Opened> {
  const dataDir = mkdtempSync(join(tmpdir(), 'resonanz-analytics-'));
  const pg = db === 'postgres' ? await createPostgresDatabase() : null;
  const config = new AppConfig({
    DATA_DIR: dataDir,
    SECRET_KEY: 'x'.repeat(32),
    ...(pg ? { DATABASE_URL: pg.url } : {}),
  });
  const ds = await openDataSource(config);
  return {
    db,
    ds,
    repo: new AnalyticsRepository(ds),
    cleanup: async () => {
      await ds.destroy();
      if (pg) await dropPostgresDatabase(pg.name);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const ids = { contact: newId(), sales: newId(), support: newId(), anna: newId(), ben: newId() };
let reference = 1000;

function conversation(fields: Partial<ConversationEntity>): ConversationEntity {
  const createdAt = fields.createdAt ?? T0;
  return Object.assign(new ConversationEntity(), {
    id: newId(),
    reference: `R-${++reference}`,
    channel: 'email',
    connectorId: null,
    subject: null,
    preview: 'text',
    contactId: ids.contact,
    status: 'open',
    priority: 'normal',
    language: 'en',
    sentimentLabel: 'neutral',
    sentimentScore: 0,
    topic: 'other',
    topicConfidence: 0.5,
    rating: null,
    externalUrl: null,
    departmentId: null,
    assigneeId: null,
    replyChannel: 'email',
    statusToken: null,
    lastMessageAt: createdAt,
    firstResponseAt: null,
    resolvedAt: null,
    firstResponseDueAt: null,
    resolutionDueAt: null,
    escalatedAt: null,
    firstResponseSeconds: null,
    resolutionSeconds: null,
    resolvedWithoutReply: false,
    transfers: 0,
    repeatContacts: 0,
    flags: null,
    updatedAt: createdAt,
    ...fields,
    createdAt,
  });
}

/** The data set: fixed cases with hand-checked figures plus 600 pseudo-random conversations. */
function dataSet(): ConversationEntity[] {
  const rows: ConversationEntity[] = [];
  // Channel "feed": first responses after 10, 20, 30, 40 s → median 25, p90 = 30 + 0.7·10 = 37.
  [10, 20, 30, 40].forEach((s, i) =>
    rows.push(
      conversation({
        channel: 'feed',
        createdAt: T0 + i * 1000,
        firstResponseAt: T0 + i * 1000 + s * 1000,
        // The 40 s one was due after 35 s: one breach.
        firstResponseDueAt: T0 + i * 1000 + 35_000,
        resolvedAt: i < 2 ? T0 + i * 1000 + 100_500 : null,
        status: i < 2 ? 'resolved' : 'open',
      }),
    ),
  );
  // Unanswered feed remarks: one past due (breach), one due after NOW, one without a due time.
  rows.push(conversation({ channel: 'feed', createdAt: T0, firstResponseDueAt: NOW - 1 }));
  rows.push(conversation({ channel: 'feed', createdAt: T0, firstResponseDueAt: NOW + DAY }));
  rows.push(conversation({ channel: 'feed', createdAt: T0 }));
  // Outside the window [T0, T0 + 30 days): never counted in windowed reports.
  rows.push(conversation({ channel: 'feed', createdAt: T0 - 1, firstResponseAt: T0 + 5000 }));
  rows.push(conversation({ channel: 'feed', createdAt: T0 + 30 * DAY, firstResponseAt: T0 + 31 * DAY }));

  const next = random(42);
  const channels = ['email', 'webform', 'api'] as const;
  const departments = [ids.sales, ids.support, null];
  const assignees = [ids.anna, ids.ben, null];
  for (let i = 0; i < 600; i++) {
    const createdAt = T0 + Math.floor(next() * 29 * DAY);
    const answered = next() < 0.8;
    const firstResponseAt = answered ? createdAt + Math.floor(next() * 20 * 3600_000) : null;
    const resolvedAt = next() < 0.5 ? createdAt + Math.floor(next() * 5 * DAY) : null;
    rows.push(
      conversation({
        channel: channels[i % 3]!,
        departmentId: departments[Math.floor(next() * 3)]!,
        assigneeId: assignees[Math.floor(next() * 3)]!,
        createdAt,
        firstResponseAt,
        firstResponseDueAt: createdAt + 8 * 3600_000,
        resolvedAt,
        status: resolvedAt ? 'resolved' : 'open',
        sentimentLabel: (['negative', 'neutral', 'positive'] as const)[i % 3]!,
        topic: ['delivery', 'billing', 'other', 'pricing'][i % 4]!,
        transfers: i % 7,
        resolvedWithoutReply: resolvedAt !== null && firstResponseAt === null,
      }),
    );
  }
  return rows;
}

/** The expected report, computed here in plain code from the same rows. */
function expectedRows(
  rows: ConversationEntity[],
  key: (c: ConversationEntity) => string | null,
  from: number,
  to: number,
): ResponseTimeRow[] {
  const groups = new Map<string, ConversationEntity[]>();
  for (const c of rows.filter((c) => c.createdAt >= from && c.createdAt < to)) {
    const k = key(c) ?? '';
    groups.set(k, [...(groups.get(k) ?? []), c]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a < b ? -1 : 1)) // "none" last
    .map(([k, group]) => {
      const fr = group
        .filter((c) => c.firstResponseAt !== null)
        .map((c) => (c.firstResponseAt! - c.createdAt) / 1000);
      const res = group.filter((c) => c.resolvedAt !== null).map((c) => (c.resolvedAt! - c.createdAt) / 1000);
      const breached = group.filter((c) =>
        c.firstResponseAt !== null
          ? c.firstResponseDueAt !== null && c.firstResponseAt > c.firstResponseDueAt
          : c.firstResponseDueAt !== null && c.firstResponseDueAt < NOW,
      );
      return {
        key: k,
        conversations: group.length,
        answered: fr.length,
        firstResponseMedianSeconds: percentileCont(fr, 0.5),
        firstResponseP90Seconds: percentileCont(fr, 0.9),
        resolutionMedianSeconds: percentileCont(res, 0.5),
        slaBreached: breached.length,
      };
    });
}

describe('AnalyticsRepository on SQLite and PostgreSQL with the same rows', () => {
  const opened: Opened[] = [];
  const rows = dataSet();
  const window = { from: T0, to: T0 + 30 * DAY };

  beforeAll(async () => {
    for (const db of TEST_DATABASES) {
      const o = await open(db);
      opened.push(o);
      await o.ds.getRepository(ContactEntity).insert({ id: ids.contact, createdAt: T0, updatedAt: T0 });
      for (const [id, name] of [
        [ids.anna, 'Anna'],
        [ids.ben, 'Ben'],
      ] as const) {
        await o.ds.getRepository(UserEntity).insert({
          id,
          email: `${name}@x.test`,
          name,
          passwordHash: 'x',
          role: 'agent',
          active: true,
          createdAt: T0,
          updatedAt: T0,
        });
      }
      for (const [id, name] of [
        [ids.sales, 'Sales'],
        [ids.support, 'Support'],
      ] as const) {
        await o.ds.getRepository(DepartmentEntity).insert({
          id,
          name,
          email: null,
          leadUserId: null,
          autoAssign: false,
          roundRobinCursor: 0,
          createdAt: T0,
          updatedAt: T0,
        });
      }
      // Copies: TypeORM writes generated values back into the objects it inserts.
      for (let i = 0; i < rows.length; i += 100)
        await o.ds
          .getRepository(ConversationEntity)
          .insert(rows.slice(i, i + 100).map((row) => ({ ...row })));
    }
  }, 60_000);

  afterAll(async () => {
    for (const o of opened) await o.cleanup();
  });

  it('computes the hand-checked median and 90th percentile of first responses', async () => {
    for (const { repo } of opened) {
      const feed = (await repo.responseTimes('channel', window, NOW)).find((r) => r.key === 'feed');
      expect(feed).toEqual({
        key: 'feed',
        conversations: 7,
        answered: 4,
        firstResponseMedianSeconds: 25,
        firstResponseP90Seconds: 37,
        resolutionMedianSeconds: 100.5,
        slaBreached: 2,
      });
    }
  });

  it.each(['channel', 'department', 'assignee'] as const)(
    'matches percentile_cont written out, grouped by %s, identically on both databases',
    async (groupBy) => {
      const key = {
        channel: (c: ConversationEntity) => c.channel,
        department: (c: ConversationEntity) => c.departmentId,
        assignee: (c: ConversationEntity) => c.assigneeId,
      }[groupBy];
      const expected = expectedRows(rows, key, window.from, window.to);
      const results = [];
      for (const { repo } of opened) {
        const actual = await repo.responseTimes(groupBy, window, NOW);
        expect(actual.map((r) => r.key)).toEqual(expected.map((r) => r.key));
        actual.forEach((row, i) => {
          const want = expected[i]!;
          expect(row.conversations).toBe(want.conversations);
          expect(row.answered).toBe(want.answered);
          expect(row.slaBreached).toBe(want.slaBreached);
          expect(row.firstResponseMedianSeconds).toBeCloseTo(want.firstResponseMedianSeconds!, 6);
          expect(row.firstResponseP90Seconds).toBeCloseTo(want.firstResponseP90Seconds!, 6);
          expect(row.resolutionMedianSeconds).toBeCloseTo(want.resolutionMedianSeconds!, 6);
        });
        results.push(actual);
      }
      // Not merely close: the same double-precision arithmetic gives the same numbers.
      for (const other of results.slice(1)) expect(other).toEqual(results[0]);
    },
  );

  it('returns no rows for a window without conversations', async () => {
    for (const { repo } of opened) {
      expect(await repo.responseTimes('channel', { from: NOW + DAY, to: NOW + 2 * DAY }, NOW)).toEqual([]);
    }
  });

  it('counts by status, channel, sentiment and topic, and per UTC day', async () => {
    const inWindow = rows.filter((c) => c.createdAt >= window.from && c.createdAt < window.to);
    for (const { repo } of opened) {
      const counts = await repo.counts(window);
      const total = (filter: (c: CountRow) => boolean) =>
        counts.filter(filter).reduce((n, c) => n + c.count, 0);
      expect(total((c) => c.channel === 'feed')).toBe(7);
      expect(total((c) => c.channel === 'email')).toBe(inWindow.filter((c) => c.channel === 'email').length);
      expect(total((c) => c.status === 'resolved' && c.topic === 'billing')).toBe(
        inWindow.filter((c) => c.status === 'resolved' && c.topic === 'billing').length,
      );
      expect(total(() => true)).toBe(inWindow.length);

      const trend = await repo.trend(window);
      expect(trend.reduce((n, r) => n + r.count, 0)).toBe(inWindow.length);
      const firstDay = Math.floor(T0 / DAY);
      const onFirstDay = inWindow.filter((c) => Math.floor(c.createdAt / DAY) === firstDay);
      expect(trend.filter((r) => r.day === firstDay).reduce((n, r) => n + r.count, 0)).toBe(
        onFirstDay.length,
      );
    }
  });

  it('counts where ownership slips now, and promises kept, open and broken', async () => {
    const open = rows.filter((c) => c.status !== 'resolved');
    const unassigned = open.filter((c) => c.assigneeId === null);
    for (const { ds, repo } of opened) {
      const counts = await repo.responsibility(NOW);
      expect(counts).toEqual({
        unassigned: unassigned.length,
        oldestUnassignedAt: Math.min(...unassigned.map((c) => c.createdAt)),
        overdue: open.filter((c) => c.firstResponseAt === null && (c.firstResponseDueAt ?? Infinity) < NOW)
          .length,
        transferredThreeTimesOrMore: rows.filter((c) => c.transfers >= 3).length,
        resolvedWithoutReply: rows.filter((c) => c.resolvedWithoutReply).length,
      });

      const conversationId = rows[0]!.id;
      const promise = (dueAt: number, keptAt: number | null) => ({
        id: newId(),
        conversationId,
        description: 'call back',
        dueAt,
        keptAt,
        createdById: null,
        brokenNotifiedAt: null,
        createdAt: T0,
      });
      await ds
        .getRepository(PromiseEntity)
        .insert([
          promise(NOW + 1, null),
          promise(NOW - 1, null),
          promise(NOW - 1, NOW - 5),
          promise(NOW + 9, NOW),
        ]);
      expect(await repo.promises(NOW)).toEqual({ open: 1, kept: 2, broken: 1 });
    }
  });

  it('names departments and assignees by their ids', async () => {
    for (const { repo } of opened) {
      const labels = await repo.labels('department', [ids.sales, ids.support]);
      expect(labels.get(ids.sales)).toBe('Sales');
      expect((await repo.labels('assignee', [ids.ben])).get(ids.ben)).toBe('Ben');
      expect((await repo.labels('channel', ['email'])).get('email')).toBe('email');
    }
  });
});
