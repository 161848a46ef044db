import { Injectable } from '@nestjs/common';
import { badRequest } from '../../common/errors/app-error.js';
import { AnalyticsRepository, type Window } from './analytics.repository.js';
import { toOverviewDto, toResponsibilityDto, toResponseTimesDto } from './analytics.mappers.js';
import type { AnalyticsWindowQuery, ResponseTimesQuery } from './dto/analytics-query.dto.js';
import type { OverviewDto, ResponsibilityDto, ResponseTimesDto } from './dto/analytics.dto.js';

export const DEFAULT_WINDOW_DAYS = 30;

function parseTime(value: string, name: string): number {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw badRequest(`${name} must be an ISO-8601 date or time`);
  return ms;
}

/**
 * [from, to) from the query: `to` defaults to now, `from` to 30 days before `to`. A window that ends
 * before it starts is simply empty.
 */
export function resolveWindow(query: AnalyticsWindowQuery, now: number): Window {
  const to = query.to ? parseTime(query.to, 'to') : now;
  const from = query.from ? parseTime(query.from, 'from') : to - DEFAULT_WINDOW_DAYS * 86_400_000;
  return { from, to };
}

@Injectable()
export class AnalyticsService {
  constructor(private readonly analytics: AnalyticsRepository) {}

  async responseTimes(query: ResponseTimesQuery, now = Date.now()): Promise<ResponseTimesDto> {
    const groupBy = query.groupBy ?? 'channel';
    const window = resolveWindow(query, now);
    const rows = await this.analytics.responseTimes(groupBy, window, now);
    const labels = await this.analytics.labels(
      groupBy,
      rows.map((row) => row.key).filter((key) => key !== ''),
    );
    return toResponseTimesDto(groupBy, window, rows, labels);
  }

  async overview(query: AnalyticsWindowQuery, now = Date.now()): Promise<OverviewDto> {
    const window = resolveWindow(query, now);
    return toOverviewDto(window, await this.analytics.counts(window), await this.analytics.trend(window));
  }

  async responsibility(now = Date.now()): Promise<ResponsibilityDto> {
    return toResponsibilityDto(
      await this.analytics.responsibility(now),
      await this.analytics.promises(now),
      now,
    );
  }
}
