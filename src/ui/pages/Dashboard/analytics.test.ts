import { describe, expect, it } from 'vitest';
import type { TrendDay } from '../../api/types.js';
import {
  byWeek,
  daysBetween,
  OTHER_SERIES,
  responseBars,
  sentimentSeries,
  topicSeries,
  totals,
} from './analytics.js';

const trend: TrendDay[] = [
  { day: '2026-01-05', total: 3, negative: 2, neutral: 1, positive: 0, topics: { delivery: 2, billing: 1 } },
  { day: '2026-01-07', total: 2, negative: 0, neutral: 1, positive: 1, topics: { delivery: 1, privacy: 1 } },
];

describe('dashboard series', () => {
  it('lists every day of the window so quiet days show as zero', () => {
    const days = daysBetween(new Date('2026-01-05T08:00:00Z'), new Date('2026-01-08T00:00:00Z'));
    expect(days).toEqual(['2026-01-05', '2026-01-06', '2026-01-07']);
    expect(sentimentSeries(trend, days)[1]).toEqual({
      day: '2026-01-06',
      negative: 0,
      neutral: 0,
      positive: 0,
    });
  });

  it('keeps the busiest topics and sums the rest', () => {
    const days = ['2026-01-05', '2026-01-06', '2026-01-07'];
    const series = topicSeries(trend, days, 1);
    expect(series.keys).toEqual(['delivery', OTHER_SERIES]);
    expect(series.data[0]).toEqual({ day: '2026-01-05', delivery: 2, [OTHER_SERIES]: 1 });
    expect(series.data[2]).toEqual({ day: '2026-01-07', delivery: 1, [OTHER_SERIES]: 1 });
  });

  it('sums days into weeks starting on Monday', () => {
    const weeks = byWeek(sentimentSeries(trend, ['2026-01-04', '2026-01-05', '2026-01-07']));
    expect(weeks).toEqual([
      { day: '2025-12-29', negative: 0, neutral: 0, positive: 0 },
      { day: '2026-01-05', negative: 2, neutral: 2, positive: 1 },
    ]);
  });

  it('turns response-time rows into hours and totals', () => {
    const rows = [
      {
        key: 'email',
        label: 'email',
        conversations: 4,
        answered: 3,
        firstResponseMedianSeconds: 5400,
        firstResponseP90Seconds: 36000,
        resolutionMedianSeconds: null,
        slaBreached: 1,
      },
      {
        key: 'feed',
        label: 'feed',
        conversations: 2,
        answered: 0,
        firstResponseMedianSeconds: null,
        firstResponseP90Seconds: null,
        resolutionMedianSeconds: null,
        slaBreached: 2,
      },
    ];
    expect(responseBars(rows, (r) => r.key ?? '')[0]).toEqual({
      name: 'email',
      median: 1.5,
      p90: 10,
      breached: 1,
      conversations: 4,
    });
    expect(responseBars(rows, (r) => r.key ?? '')[1].median).toBeNull();
    expect(totals(rows)).toEqual({ conversations: 6, answered: 3, slaBreached: 3 });
  });
});
