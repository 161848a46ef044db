import { Body, Controller, Get, Param, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { Public } from '../../../common/auth/auth.decorators.js';
import { BrowserErrorFilter, isBrowserFormPost, pageLanguage, sendPage } from './browser-response.js';
import { FollowUpDto, type StatusViewDto } from './dto/status-page.dto.js';
import { StatusPageService } from './status-page.service.js';

/** The customer's status page (HTML and JSON), reached only through its secret token. */
@ApiTags('public')
@Public()
@UseFilters(BrowserErrorFilter)
@Controller()
export class StatusPageController {
  constructor(private readonly status: StatusPageService) {}

  /** Server-rendered, no scripts, no external assets; German or English by Accept-Language. */
  @Get('status/:token')
  @ApiProduces('text/html')
  async page(
    @Param('token') token: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const lang = pageLanguage(req);
    return sendPage(res, await this.status.page(token, lang), lang);
  }

  @Get('api/public/status/:token')
  view(@Param('token') token: string): Promise<StatusViewDto> {
    return this.status.view(token);
  }

  /** A follow-up into the same conversation; a plain form post is sent back to the page (303). */
  @Post('api/public/status/:token/messages')
  @UseGuards(ThrottlerGuard)
  @SkipThrottle({ login: true })
  @ApiConsumes('application/json', 'application/x-www-form-urlencoded')
  async followUp(
    @Param('token') token: string,
    @Body() body: FollowUpDto,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const view = await this.status.followUp(token, body);
    if (isBrowserFormPost(req)) res.redirect(303, this.status.pageUrl(token));
    else res.status(201).json(view);
  }
}
