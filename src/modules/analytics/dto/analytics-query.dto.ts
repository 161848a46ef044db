import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional } from 'class-validator';
import { GROUP_BY, type GroupBy } from '../analytics.repository.js';

export const REPORT_FORMATS = ['json', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** A time window over conversations' creation time: [from, to), by default the last 30 days. */
export class AnalyticsWindowQuery {
  @ApiPropertyOptional({ description: 'ISO-8601, inclusive; default 30 days before `to`' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO-8601 date or time' })
  from?: string;

  @ApiPropertyOptional({ description: 'ISO-8601, exclusive; default now' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO-8601 date or time' })
  to?: string;
}

export class ResponseTimesQuery extends AnalyticsWindowQuery {
  @ApiPropertyOptional({ enum: GROUP_BY, default: 'channel' })
  @IsOptional()
  @IsIn(GROUP_BY, { message: `groupBy must be one of: ${GROUP_BY.join(', ')}` })
  groupBy?: GroupBy;

  @ApiPropertyOptional({ enum: REPORT_FORMATS, description: 'csv = the same table as text/csv' })
  @IsOptional()
  @IsIn(REPORT_FORMATS, { message: `format must be one of: ${REPORT_FORMATS.join(', ')}` })
  format?: ReportFormat;
}
