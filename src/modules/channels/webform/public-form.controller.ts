import {
  Body,
  Controller,
  HttpCode,
  Options,
  Param,
  Post,
  Req,
  Res,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { Public } from '../../../common/auth/auth.decorators.js';
import { BrowserErrorFilter, isBrowserFormPost, pageLanguage, sendPage } from './browser-response.js';
import { thankYouPage } from './customer-pages.js';
import { type FormAcceptedDto, FormSubmissionDto } from './dto/form-submission.dto.js';
import { WebformService } from './webform.service.js';

/** Where websites' forms post (no sign-in). Limited per client address and per form. */
@ApiTags('public')
@Public()
@UseFilters(BrowserErrorFilter)
@Controller('api/public/forms')
export class PublicFormController {
  constructor(private readonly forms: WebformService) {}

  /** JSON answers `{reference, statusUrl}`; a browser's plain form post gets a thank-you page. */
  @Post(':publicKey')
  @UseGuards(ThrottlerGuard)
  @SkipThrottle({ login: true })
  @ApiConsumes('application/json', 'application/x-www-form-urlencoded')
  async submit(
    @Param('publicKey') publicKey: string,
    @Body() body: FormSubmissionDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<FormAcceptedDto | string> {
    const lang = pageLanguage(req);
    const accepted = await this.forms.submit(publicKey, body, { origin: req.headers.origin, language: lang });
    if (!isBrowserFormPost(req)) return accepted;
    return sendPage(res, thankYouPage(accepted, lang), lang);
  }

  /** CORS preflight; the Access-Control headers come from WebformCorsMiddleware. */
  @Options(':publicKey')
  @HttpCode(204)
  preflight(@Param('publicKey') publicKey: string): Promise<void> {
    return this.forms.preflight(publicKey);
  }
}
