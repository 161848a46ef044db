import { ApiError } from '../api/client.js';
import type { Translate } from '../i18n/index.js';

/** Turns any failure into a sentence a service agent can act on. */
export function describeError(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    switch (error.status) {
      case 0:
        return t('error.network');
      case 401:
        return t('error.unauthorized');
      case 403:
        return t('error.forbidden');
      case 404:
        return error.message && error.message.toLowerCase() !== 'not found'
          ? t('error.notFoundDetail', { detail: error.message })
          : t('error.notFound');
      case 429:
        return t('error.tooMany');
      default:
        if (error.status >= 500) return t('error.server', { status: error.status });
        return error.message;
    }
  }
  if (error instanceof Error && error.message) return error.message;
  return t('error.unknown');
}
