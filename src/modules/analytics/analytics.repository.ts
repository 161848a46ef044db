import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { DatabaseKind } from '../../common/config/app-config.js';
import { DepartmentEntity } from '../departments/department.entity.js';
import { UserEntity } from '../users/user.entity.js';
import {
  dayBucket,
  msToSeconds,
  num,
  type PercentileSpec,
  postgresPercentile,
  SqlParams,
  sqlitePercentileCtes,
} from './sql.js';

export const GROUP_BY = ['channel', 'department', 'assignee'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

const KEY_COLUMN: Record<GroupBy, string> = {
  channel: 'channel',
  department: 'department_id',
  assignee: 'assignee_id',
};

/** Conversations created in [from, to), epoch ms. */
export interface Window {
  from: number;
  to: number;
}

export interface ResponseTimeRow {
  /** '' stands for "none" (no department, no assignee). */
  key: string;
  conversations: number;
  answered: number;
  firstResponseMedianSeconds: number | null;
  firstResponseP90Seconds: number | null;
  resolutionMedianSeconds: number | null;
  slaBreached: number;
}

export interface CountRow {
  status: string;
  channel: string;
  sentiment: string;
  topic: string;
  count: number;
}

export interface TrendRow {
  day: number;
  sentiment: string;
  topic: string;
  count: number;
}

export interface ResponsibilityCounts {
  unassigned: number;
  oldestUnassignedAt: number | null;
  overdue: number;
  transferredThreeTimesOrMore: number;
  resolvedWithoutReply: number;
}

export interface PromiseCounts {
  open: number;
  kept: number;
  broken: number;
}

/**
 * The analytics queries. Everything is aggregated in the database (counts, exact percentiles, day
 * buckets); only one row per group comes back. Times are epoch ms; durations are taken from the
 * stored timestamps, so the figures agree to the millisecond with each conversation's own
 * createdAt / firstResponseAt / resolvedAt.
 */
@Injectable()
export class AnalyticsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get kind(): DatabaseKind {
    return this.dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite';
  }

  async responseTimes(groupBy: GroupBy, window: Window, now: number): Promise<ResponseTimeRow[]> {
    const params = new SqlParams(this.kind);
    const sql =
      this.kind === 'postgres'
        ? this.responseTimesPostgres(groupBy, window, now, params)
        : this.responseTimesSqlite(groupBy, window, now, params);
    const rows = await this.heavyQuery(sql, params.values);
    const result = rows.map((row) => ({
      key: row.key === null ? '' : String(row.key),
      conversations: num(row.conversations) ?? 0,
      answered: num(row.answered) ?? 0,
      firstResponseMedianSeconds: num(row.fr_p50),
      firstResponseP90Seconds: num(row.fr_p90),
      resolutionMedianSeconds: num(row.res_p50),
      slaBreached: num(row.sla_breached) ?? 0,
    }));
    // One order on both databases: by key, "none" ('') last.
    const codeOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    return result.sort((a, b) => Number(a.key === '') - Number(b.key === '') || codeOrder(a.key, b.key));
  }

  /** The measured durations in seconds and the breach test, over the `c` alias of conversations. */
  private measures(): PercentileSpec[] {
    const firstResponse = msToSeconds(this.kind, 'c.first_response_at - c.created_at');
    const resolution = msToSeconds(this.kind, 'c.resolved_at - c.created_at');
    return [
      { alias: 'fr_p50', expr: firstResponse, p: 0.5 },
      { alias: 'fr_p90', expr: firstResponse, p: 0.9 },
      { alias: 'res_p50', expr: resolution, p: 0.5 },
    ];
  }

  /** Answered after the due time, or unanswered and past it now. */
  private breached(params: SqlParams, now: number): string {
    return (
      `CASE WHEN (c.first_response_at IS NOT NULL AND c.first_response_at > c.first_response_due_at) ` +
      `OR (c.first_response_at IS NULL AND c.first_response_due_at < ${params.add(now)}) THEN 1 ELSE 0 END`
    );
  }

  /**
   * Grouped by the bare column, so that the `ix_conversations_<key>_times` index delivers the rows
   * in group order (no sort of the window) and covers every column (index-only scan).
   */
  private responseTimesPostgres(groupBy: GroupBy, window: Window, now: number, params: SqlParams): string {
    return `SELECT c.${KEY_COLUMN[groupBy]} AS key,
        COUNT(*) AS conversations,
        COUNT(c.first_response_at) AS answered,
        ${this.measures().map(postgresPercentile).join(',\n        ')},
        SUM(${this.breached(params, now)}) AS sla_breached
      FROM conversations c
      WHERE c.created_at >= ${params.add(window.from)} AND c.created_at < ${params.add(window.to)}
      GROUP BY 1
      ORDER BY 1`;
  }

  private responseTimesSqlite(groupBy: GroupBy, window: Window, now: number, params: SqlParams): string {
    const specs = this.measures();
    // The window is the one CTE with parameters, so the `?` order is simply the text order.
    const scoped = `scoped AS (SELECT c.*, COALESCE(c.${KEY_COLUMN[groupBy]}, '') AS group_key,
        ${this.breached(params, now)} AS breached
      FROM conversations c
      WHERE c.created_at >= ${params.add(window.from)} AND c.created_at < ${params.add(window.to)})`;
    const ctes = [scoped, ...sqlitePercentileCtes('scoped c', 'c.group_key', specs)];
    return `WITH ${ctes.join(',\n')}
      SELECT s.group_key AS key,
        COUNT(*) AS conversations,
        COUNT(s.first_response_at) AS answered,
        ${specs.map((spec) => `(SELECT value FROM ${spec.alias} WHERE ${spec.alias}.key = s.group_key) AS ${spec.alias}`).join(',\n        ')},
        SUM(s.breached) AS sla_breached
      FROM scoped s
      GROUP BY s.group_key
      ORDER BY s.group_key`;
  }

  /**
   * A report query over many rows. On PostgreSQL in a transaction of its own, with settings for it
   * alone: memory to sort a group's durations without spilling to disk (the server default is
   * 4 MB), and no JIT compilation, which costs more than it saves on these short queries.
   */
  private async heavyQuery(sql: string, values: unknown[]): Promise<Record<string, unknown>[]> {
    if (this.kind !== 'postgres') return this.dataSource.query(sql, values);
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL work_mem = '64MB'`);
      await manager.query(`SET LOCAL jit = off`);
      return manager.query(sql, values);
    });
  }

  /**
   * Conversations created in the window per status × channel × sentiment × topic (a few hundred
   * rows at most, folded into the four count tables by the caller): one pass over the window.
   */
  async counts(window: Window): Promise<CountRow[]> {
    const params = new SqlParams(this.kind);
    const rows = await this.heavyQuery(
      `SELECT status, channel, sentiment_label AS sentiment, topic, COUNT(*) AS count
       FROM conversations
       WHERE created_at >= ${params.add(window.from)} AND created_at < ${params.add(window.to)}
       GROUP BY status, channel, sentiment_label, topic`,
      params.values,
    );
    return rows.map((row) => ({
      status: String(row.status),
      channel: String(row.channel),
      sentiment: String(row.sentiment),
      topic: String(row.topic),
      count: num(row.count) ?? 0,
    }));
  }

  /** Conversations per UTC day, sentiment and topic (day = floor(created_at / 86400000)). */
  async trend(window: Window): Promise<TrendRow[]> {
    const params = new SqlParams(this.kind);
    const day = dayBucket('created_at');
    const rows = await this.heavyQuery(
      `SELECT ${day} AS day, sentiment_label AS sentiment, topic, COUNT(*) AS count
       FROM conversations
       WHERE created_at >= ${params.add(window.from)} AND created_at < ${params.add(window.to)}
       GROUP BY ${day}, sentiment_label, topic
       ORDER BY 1`,
      params.values,
    );
    return rows.map((row) => ({
      day: num(row.day) ?? 0,
      sentiment: String(row.sentiment),
      topic: String(row.topic),
      count: num(row.count) ?? 0,
    }));
  }

  /**
   * Where ownership slips, now. Each figure is its own query so that each can use its own index
   * (see the analytics-indexes migration) instead of one scan over every conversation.
   */
  async responsibility(now: number): Promise<ResponsibilityCounts> {
    const one = async (sql: string, values: unknown[] = []) =>
      ((await this.dataSource.query(sql, values)) as Record<string, unknown>[])[0] ?? {};
    const p = (i: number) => (this.kind === 'postgres' ? `$${i}` : '?');
    const unassigned = await one(
      `SELECT COUNT(*) AS n, MIN(created_at) AS oldest FROM conversations
       WHERE assignee_id IS NULL AND status IN ('new', 'open', 'pending')`,
    );
    const overdue = await one(
      `SELECT COUNT(*) AS n FROM conversations
       WHERE first_response_at IS NULL AND first_response_due_at < ${p(1)} AND status IN ('new', 'open', 'pending')`,
      [now],
    );
    // Both conditions repeat those of their partial indexes word for word (SQLite needs that).
    const transferred = await one(`SELECT COUNT(*) AS n FROM conversations WHERE transfers >= 3`);
    // TRUE is a keyword on both databases (SQLite reads it as 1); booleans can't be bound on SQLite.
    const withoutReply = await one(
      `SELECT COUNT(*) AS n FROM conversations WHERE resolved_without_reply = TRUE AND status = 'resolved'`,
    );
    return {
      unassigned: num(unassigned.n) ?? 0,
      oldestUnassignedAt: num(unassigned.oldest),
      overdue: num(overdue.n) ?? 0,
      transferredThreeTimesOrMore: num(transferred.n) ?? 0,
      resolvedWithoutReply: num(withoutReply.n) ?? 0,
    };
  }

  /** Promises kept, still open, and broken (open past their due time). */
  async promises(now: number): Promise<PromiseCounts> {
    const params = new SqlParams(this.kind);
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT
         SUM(CASE WHEN kept_at IS NOT NULL THEN 1 ELSE 0 END) AS kept,
         SUM(CASE WHEN kept_at IS NULL AND due_at >= ${params.add(now)} THEN 1 ELSE 0 END) AS open,
         SUM(CASE WHEN kept_at IS NULL AND due_at < ${params.add(now)} THEN 1 ELSE 0 END) AS broken
       FROM promises`,
      params.values,
    );
    return {
      open: num(rows[0]?.open) ?? 0,
      kept: num(rows[0]?.kept) ?? 0,
      broken: num(rows[0]?.broken) ?? 0,
    };
  }

  /** Display names for the keys of a department or assignee report. */
  async labels(groupBy: GroupBy, ids: string[]): Promise<Map<string, string>> {
    if (groupBy === 'channel' || ids.length === 0) return new Map(ids.map((id) => [id, id]));
    const entity = groupBy === 'department' ? DepartmentEntity : UserEntity;
    const rows = await this.dataSource
      .getRepository(entity)
      .find({ where: { id: In(ids) }, select: ['id', 'name'] });
    return new Map(rows.map((row) => [row.id, row.name]));
  }
}
