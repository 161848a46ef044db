import { type ArgumentsHost, Catch, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { GlobalExceptionFilter, toErrorBody } from '../../../common/errors/exception.filter.js';
import { errorPage } from './customer-pages.js';
import { chooseLanguage, type CustomerLanguage } from './customer-texts.js';
import { PAGE_CSP } from './html.js';

/**
 * A browser posting a plain HTML form (no JavaScript): it sends a urlencoded body and prefers
 * HTML, so it gets a page back rather than JSON it would show raw.
 */
export function isBrowserFormPost(req: Request): boolean {
  return Boolean(req.is('application/x-www-form-urlencoded')) && req.accepts(['json', 'html']) === 'html';
}

/** The language of a customer page: from the request's Accept-Language (German or English). */
export function pageLanguage(req: Request): CustomerLanguage {
  return chooseLanguage(req.headers['accept-language']);
}

/**
 * Sends one of our self-contained pages (see htmlPage), rendered in `lang`, with a CSP that lets
 * nothing else load or run.
 */
export function sendPage(res: Response, html: string, lang: CustomerLanguage): string {
  res.type('html').setHeader('Content-Security-Policy', PAGE_CSP);
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Language', lang);
  res.vary('Accept-Language');
  return html;
}

/**
 * Errors on the customer-facing routes: the usual `{statusCode, error, message}` JSON, except for
 * a browser's plain form post (and the status page itself), which gets the same status as a page.
 */
@Catch()
export class BrowserErrorFilter extends GlobalExceptionFilter {
  private readonly pageLogger = new Logger('Errors');

  override catch(exception: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    const wantsPage = isBrowserFormPost(req) || (req.method === 'GET' && req.path.startsWith('/status/'));
    if (!wantsPage || res.headersSent) return super.catch(exception, host);
    const body = toErrorBody(exception, this.pageLogger);
    const lang = pageLanguage(req);
    res.status(body.statusCode).send(sendPage(res, errorPage(body.statusCode, body.message, lang), lang));
  }
}
