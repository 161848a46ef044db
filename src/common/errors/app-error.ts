/** What went wrong, in the terms of the product; mapped to HTTP in one place (the exception filter). */
export type AppErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'too_many_requests';

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string | string[],
  ) {
    super(Array.isArray(message) ? message.join('; ') : message);
    this.messages = message;
  }
  readonly messages: string | string[];
}

export const notFound = (what: string) => new AppError('not_found', `${what} not found`);
export const badRequest = (message: string | string[]) => new AppError('bad_request', message);
export const conflict = (message: string) => new AppError('conflict', message);
export const forbidden = (message = 'Not allowed for your role') => new AppError('forbidden', message);
