import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express from 'express';
import { toErrorBody } from '../../../common/errors/exception.filter.js';

/** Anything a person types into a form fits many times over; bigger bodies are abuse. */
const FORM_BODY_LIMIT = '1mb';
const PUBLIC_PATHS = ['/api/public/forms', '/api/public/status'];

/**
 * A lower body limit for the public, unauthenticated routes. Must be registered before the global
 * body parsers: a body parsed here is not parsed again. Too large → 413 in the usual error shape.
 */
export function usePublicFormBodyLimit(app: NestExpressApplication): void {
  const logger = new Logger('PublicForms');
  app.use(
    PUBLIC_PATHS,
    express.json({ limit: FORM_BODY_LIMIT }),
    express.urlencoded({ limit: FORM_BODY_LIMIT, extended: false }),
    (error: unknown, _req: express.Request, res: express.Response, next: express.NextFunction) => {
      const status = (error as { status?: unknown }).status;
      // Only the parsers' own 4xx answers (too large, malformed); anything else is not ours to map.
      if (typeof status !== 'number' || status < 400 || status >= 500) return next(error);
      const body = toErrorBody(error, logger);
      if (status === 413) body.message = 'Request body too large (at most 1 MB)';
      res.status(status).json(body);
    },
  );
}
