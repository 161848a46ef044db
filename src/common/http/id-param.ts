import { Param, ParseUUIDPipe } from '@nestjs/common';
import { AppError } from '../errors/app-error.js';

/**
 * A route's `:id` (or another name), checked to be an id we could have issued. A malformed id
 * can never exist, so it gets the same 404 as an unknown one.
 */
export const IdParam = (name = 'id') =>
  Param(
    name,
    new ParseUUIDPipe({ version: undefined, exceptionFactory: () => new AppError('not_found', 'Not found') }),
  );

export const iso = (epochMs: number | null | undefined): string | null =>
  epochMs === null || epochMs === undefined ? null : new Date(epochMs).toISOString();
