import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { AppError, type AppErrorCode } from './app-error.js';

const STATUS_BY_CODE: Record<AppErrorCode, number> = {
  bad_request: HttpStatus.BAD_REQUEST,
  unauthorized: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  payload_too_large: HttpStatus.PAYLOAD_TOO_LARGE,
  too_many_requests: HttpStatus.TOO_MANY_REQUESTS,
};

const REASON: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string | string[];
}

/** Body-parser and similar errors carry an HTTP status of their own. */
function httpLikeStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const status =
    (error as { status?: unknown; statusCode?: unknown }).status ??
    (error as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

/**
 * One error shape for every response: `{statusCode, error, message}`. Known errors keep their
 * status; anything else is our bug: a 500 with a correlation id, the stack only in the log.
 */
export function toErrorBody(exception: unknown, logger: Logger): ErrorBody {
  if (exception instanceof AppError) {
    const statusCode = STATUS_BY_CODE[exception.code];
    return { statusCode, error: REASON[statusCode] ?? 'Error', message: exception.messages };
  }
  if (exception instanceof HttpException) {
    const statusCode = exception.getStatus();
    const response = exception.getResponse();
    const message =
      typeof response === 'string'
        ? response
        : ((response as { message?: string | string[] }).message ?? exception.message);
    return { statusCode, error: REASON[statusCode] ?? exception.name, message };
  }
  const status = httpLikeStatus(exception);
  if (status !== undefined) {
    const message = status === 413 ? 'Request body too large' : (exception as Error).message || 'Bad request';
    return { statusCode: status, error: REASON[status] ?? 'Bad Request', message };
  }
  const correlationId = randomUUID();
  logger.error({ err: exception, correlationId }, `Unhandled error ${correlationId}`);
  return { statusCode: 500, error: REASON[500], message: `Internal error (correlation id ${correlationId})` };
}

@Catch()
export class GlobalExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();
    const body = toErrorBody(exception, this.logger);
    if (response.headersSent) {
      response.end();
      return;
    }
    if (body.statusCode >= 500) this.logger.warn(`${request.method} ${request.url} failed`);
    if (body.statusCode === 429) setRetryAfter(response);
    response.status(body.statusCode).json(body);
  }
}

/**
 * The throttler names its wait per limit ("Retry-After-login"); clients and proxies know only
 * the standard header, so the longest wait is repeated there.
 */
function setRetryAfter(response: Response): void {
  const waits = Object.entries(response.getHeaders())
    .filter(([name]) => name.toLowerCase().startsWith('retry-after-'))
    .map(([, value]) => Number(value))
    .filter((seconds) => Number.isFinite(seconds));
  if (waits.length && !response.getHeader('Retry-After'))
    response.setHeader('Retry-After', Math.max(...waits));
}
