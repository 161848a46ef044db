import type { ResponseTimeRow, TrendDay } from '../../api/types.js';

const DAY_MS = 86_400_000;

export function toHours(seconds: number | null | undefined): number | null {
  return seconds === null || seconds === undefined ? null : Math.round((seconds / 3600) * 10) / 10;
}

export interface ResponseBar {
  name: string;
  median: number | null;
  p90: number | null;
  breached: number;
  conversations: number;
}

export function responseBars(
  rows: ResponseTimeRow[],
  label: (row: ResponseTimeRow) => string,
): ResponseBar[] {
  return rows.map((row) => ({
    name: label(row),
    median: toHours(row.firstResponseMedianSeconds),
    p90: toHours(row.firstResponseP90Seconds),
    breached: row.slaBreached,
    conversations: row.conversations,
  }));
}

export interface Totals {
  conversations: number;
  answered: number;
  slaBreached: number;
}

export function totals(rows: ResponseTimeRow[]): Totals {
  return rows.reduce<Totals>(
    (acc, r) => ({
      conversations: acc.conversations + r.conversations,
      answered: acc.answered + r.answered,
      slaBreached: acc.slaBreached + r.slaBreached,
    }),
    { conversations: 0, answered: 0, slaBreached: 0 },
  );
}

/** Every UTC day in [from, to), so quiet days show as zero instead of vanishing from the axis. */
export function daysBetween(from: Date, to: Date): string[] {
  const days: string[] = [];
  const start = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate());
  for (let t = start; t < to.getTime(); t += DAY_MS) days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

export const OTHER_SERIES = '__other';

/**
 * Topic volume per day for a stacked chart: the `top` busiest topics get their own series, the
 * rest is summed up as one, so the chart stays readable.
 */
export function topicSeries(
  trend: TrendDay[],
  days: string[],
  top = 6,
): { keys: string[]; data: Record<string, number | string>[] } {
  const totalsByTopic = new Map<string, number>();
  for (const day of trend)
    for (const [topic, n] of Object.entries(day.topics))
      totalsByTopic.set(topic, (totalsByTopic.get(topic) ?? 0) + n);
  const ranked = [...totalsByTopic.entries()].sort((a, b) => b[1] - a[1]).map(([topic]) => topic);
  const keys = ranked.slice(0, top);
  const hasOther = ranked.length > top;
  const byDay = new Map(trend.map((d) => [d.day, d]));
  const data = days.map((day) => {
    const row: Record<string, number | string> = { day };
    const entry = byDay.get(day);
    for (const key of keys) row[key] = entry?.topics[key] ?? 0;
    if (hasOther)
      row[OTHER_SERIES] = ranked.slice(top).reduce((sum, topic) => sum + (entry?.topics[topic] ?? 0), 0);
    return row;
  });
  return { keys: hasOther ? [...keys, OTHER_SERIES] : keys, data };
}

export function sentimentSeries(
  trend: TrendDay[],
  days: string[],
): { day: string; negative: number; neutral: number; positive: number }[] {
  const byDay = new Map(trend.map((d) => [d.day, d]));
  return days.map((day) => {
    const d = byDay.get(day);
    return { day, negative: d?.negative ?? 0, neutral: d?.neutral ?? 0, positive: d?.positive ?? 0 };
  });
}

/** Monday of the UTC week the day belongs to (YYYY-MM-DD). */
export function weekOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const offset = (date.getUTCDay() + 6) % 7;
  return new Date(date.getTime() - offset * DAY_MS).toISOString().slice(0, 10);
}

/** Sums daily rows into weekly ones (long ranges would otherwise draw a hundred thin bars). */
export function byWeek<T extends { day: string }>(rows: T[]): T[] {
  const weeks = new Map<string, Record<string, number | string>>();
  for (const row of rows) {
    const week = weekOf(row.day);
    const target = weeks.get(week) ?? { day: week };
    for (const [key, value] of Object.entries(row)) {
      if (key !== 'day' && typeof value === 'number')
        target[key] = ((target[key] as number | undefined) ?? 0) + value;
    }
    weeks.set(week, target);
  }
  return [...weeks.values()] as unknown as T[];
}
