import type { GroupBy, ResponseTimeRow } from '../analytics.repository.js';

/** A report row as the API shows it: the stored row's figures, a nullable key and its label. */
export interface ResponseTimeRowDto extends Omit<ResponseTimeRow, 'key'> {
  /** Channel, department id or assignee id; null = no department / not assigned. */
  key: string | null;
  /** The department's or assignee's name (the channel itself for channels); null with a null key. */
  label: string | null;
}

export interface ResponseTimesDto {
  groupBy: GroupBy;
  from: string;
  to: string;
  rows: ResponseTimeRowDto[];
}

export interface TrendDayDto {
  /** UTC day, YYYY-MM-DD. */
  day: string;
  total: number;
  negative: number;
  neutral: number;
  positive: number;
  topics: Record<string, number>;
}

export interface OverviewDto {
  from: string;
  to: string;
  total: number;
  byStatus: Record<string, number>;
  byChannel: Record<string, number>;
  bySentiment: Record<string, number>;
  byTopic: Record<string, number>;
  /** Days with at least one conversation, oldest first. */
  trend: TrendDayDto[];
}

export interface ResponsibilityDto {
  unassigned: number;
  oldestUnassignedSeconds: number | null;
  overdue: number;
  transferredThreeTimesOrMore: number;
  resolvedWithoutReply: number;
  promises: { open: number; kept: number; broken: number };
}
