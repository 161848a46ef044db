import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { MinRole } from '../../common/auth/auth.decorators.js';
import { toResponseTimesCsv } from './analytics.mappers.js';
import { AnalyticsService } from './analytics.service.js';
import { wantsCsv } from './csv.js';
import { AnalyticsWindowQuery, ResponseTimesQuery } from './dto/analytics-query.dto.js';
import type { OverviewDto, ResponsibilityDto, ResponseTimesDto } from './dto/analytics.dto.js';

@ApiTags('analytics')
@ApiBearerAuth()
@MinRole('manager')
@Controller('api/analytics')
export class AnalyticsController {
  constructor(private readonly analytics: AnalyticsService) {}

  /** JSON, or the same table as CSV with `?format=csv` or `Accept: text/csv`. */
  @Get('response-times')
  @ApiProduces('application/json', 'text/csv')
  async responseTimes(
    @Query() query: ResponseTimesQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ResponseTimesDto | string> {
    const report = await this.analytics.responseTimes(query);
    if (!wantsCsv(query.format, accept)) return report;
    res.type('text/csv').attachment(`response-times-by-${report.groupBy}.csv`);
    return toResponseTimesCsv(report);
  }

  @Get('overview')
  overview(@Query() query: AnalyticsWindowQuery): Promise<OverviewDto> {
    return this.analytics.overview(query);
  }

  @Get('responsibility')
  responsibility(): Promise<ResponsibilityDto> {
    return this.analytics.responsibility();
  }
}
