import { CHANNELS, SENTIMENTS, TOPICS } from '../../../config/defaults.js';
import { iso } from '../../common/http/id-param.js';
import { CONVERSATION_STATUSES } from '../conversations/conversation.entity.js';
import type {
  CountRow,
  GroupBy,
  PromiseCounts,
  ResponseTimeRow,
  ResponsibilityCounts,
  TrendRow,
  Window,
} from './analytics.repository.js';
import { type CsvCell, toCsv } from './csv.js';
import type {
  OverviewDto,
  ResponseTimeRowDto,
  ResponseTimesDto,
  ResponsibilityDto,
  TrendDayDto,
} from './dto/analytics.dto.js';

const DAY_MS = 86_400_000;

/**
 * Seconds to the microsecond: the durations are whole milliseconds, a median may fall between two
 * (x.5 ms) and a p90 anywhere; this only trims the last bits of double arithmetic.
 */
const seconds = (value: number | null): number | null =>
  value === null ? null : Math.round(value * 1e6) / 1e6;

export function toResponseTimesDto(
  groupBy: GroupBy,
  window: Window,
  rows: ResponseTimeRow[],
  labels: Map<string, string>,
): ResponseTimesDto {
  return {
    groupBy,
    from: iso(window.from)!,
    to: iso(window.to)!,
    rows: rows.map((row): ResponseTimeRowDto => ({
      key: row.key === '' ? null : row.key,
      label: row.key === '' ? null : (labels.get(row.key) ?? row.key),
      conversations: row.conversations,
      answered: row.answered,
      firstResponseMedianSeconds: seconds(row.firstResponseMedianSeconds),
      firstResponseP90Seconds: seconds(row.firstResponseP90Seconds),
      resolutionMedianSeconds: seconds(row.resolutionMedianSeconds),
      slaBreached: row.slaBreached,
    })),
  };
}

const CSV_COLUMNS = [
  'key',
  'label',
  'conversations',
  'answered',
  'firstResponseMedianSeconds',
  'firstResponseP90Seconds',
  'resolutionMedianSeconds',
  'slaBreached',
] as const satisfies readonly (keyof ResponseTimeRowDto)[];

export function toResponseTimesCsv(report: ResponseTimesDto): string {
  return toCsv(
    [...CSV_COLUMNS],
    report.rows.map((row) => CSV_COLUMNS.map((column): CsvCell => row[column])),
  );
}

const zeros = (keys: readonly string[]): Record<string, number> =>
  Object.fromEntries(keys.map((key) => [key, 0]));

export function toOverviewDto(window: Window, counts: CountRow[], trend: TrendRow[]): OverviewDto {
  const by = {
    status: zeros(CONVERSATION_STATUSES),
    channel: zeros(CHANNELS),
    sentiment: zeros(SENTIMENTS),
    topic: zeros(TOPICS),
  };
  for (const row of counts) {
    for (const dimension of ['status', 'channel', 'sentiment', 'topic'] as const) {
      by[dimension][row[dimension]] = (by[dimension][row[dimension]] ?? 0) + row.count;
    }
  }
  return {
    from: iso(window.from)!,
    to: iso(window.to)!,
    total: Object.values(by.status).reduce((sum, n) => sum + n, 0),
    byStatus: by.status,
    byChannel: by.channel,
    bySentiment: by.sentiment,
    byTopic: by.topic,
    trend: toTrend(trend),
  };
}

function toTrend(rows: TrendRow[]): TrendDayDto[] {
  const days = new Map<number, TrendDayDto>();
  for (const row of rows) {
    let day = days.get(row.day);
    if (!day) {
      day = {
        day: iso(row.day * DAY_MS)!.slice(0, 10),
        total: 0,
        negative: 0,
        neutral: 0,
        positive: 0,
        topics: {},
      };
      days.set(row.day, day);
    }
    day.total += row.count;
    if (row.sentiment === 'negative' || row.sentiment === 'neutral' || row.sentiment === 'positive')
      day[row.sentiment] += row.count;
    day.topics[row.topic] = (day.topics[row.topic] ?? 0) + row.count;
  }
  return [...days.entries()].sort(([a], [b]) => a - b).map(([, day]) => day);
}

export function toResponsibilityDto(
  counts: ResponsibilityCounts,
  promises: PromiseCounts,
  now: number,
): ResponsibilityDto {
  return {
    unassigned: counts.unassigned,
    oldestUnassignedSeconds:
      counts.oldestUnassignedAt === null
        ? null
        : Math.max(0, Math.floor((now - counts.oldestUnassignedAt) / 1000)),
    overdue: counts.overdue,
    transferredThreeTimesOrMore: counts.transferredThreeTimesOrMore,
    resolvedWithoutReply: counts.resolvedWithoutReply,
    promises,
  };
}
