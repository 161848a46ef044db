import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { corsHeaders } from './webform-cors.js';
import { WebformService } from './webform.service.js';

/** The public key in /api/public/forms/<key>. */
const FORM_PATH = /^\/api\/public\/forms\/([^/?#]+)/;

/**
 * CORS for the public form route, per form: a page of one of the form's allowedOrigins may post
 * in the background and read the answer; other origins get no CORS header. Set before guards run,
 * so error answers (400, 429) are readable to the allowed page too.
 */
@Injectable()
export class WebformCorsMiddleware implements NestMiddleware {
  constructor(private readonly forms: WebformService) {}

  async use(req: Request, res: Response, next: NextFunction): Promise<void> {
    try {
      const key = FORM_PATH.exec(req.originalUrl)?.[1];
      const origin = req.headers.origin;
      const form = key && origin ? await this.forms.findForm(decodeURIComponent(key)) : null;
      const headers = corsHeaders(origin, form?.settings.allowedOrigins ?? [], req.method === 'OPTIONS');
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
      next();
    } catch (error) {
      next(error);
    }
  }
}
