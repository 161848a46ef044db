import { badRequest } from '../../../common/errors/app-error.js';
import { checkUrl, UnsafeUrlError, type UrlPolicy } from './url-safety.js';

/** Settings of a `feed` connector (API.md). */
export interface FeedSettings {
  url: string;
  pollIntervalSeconds?: number;
  replyWebhookUrl?: string;
  replyWebhookSecret?: string;
}

export const FEED_SECRET_FIELDS = ['replyWebhookSecret'] as const;
export const MIN_POLL_SECONDS = 10;
export const MAX_POLL_SECONDS = 7 * 24 * 3600;
const KNOWN = new Set(['url', 'pollIntervalSeconds', 'replyWebhookUrl', 'replyWebhookSecret']);

function checkedUrl(value: unknown, field: string, policy: UrlPolicy, errors: string[]): string | undefined {
  if (typeof value !== 'string' || !value.trim()) {
    errors.push(`settings.${field} must be a URL`);
    return undefined;
  }
  if (value.length > 2000) {
    errors.push(`settings.${field} must be at most 2000 characters`);
    return undefined;
  }
  try {
    return checkUrl(value.trim(), policy).toString();
  } catch (error) {
    if (!(error instanceof UnsafeUrlError)) throw error;
    errors.push(`settings.${field} ${error.message}`);
    return undefined;
  }
}

const blank = (value: unknown) => value === undefined || value === null || value === '';

/** Checks and normalises feed settings; one 400 message per bad field. */
export function validateFeedSettings(raw: unknown, policy: UrlPolicy): FeedSettings {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw badRequest('settings must be an object');
  const input = raw as Record<string, unknown>;
  const errors = Object.keys(input)
    .filter((key) => !KNOWN.has(key))
    .map((key) => `settings.${key} is not a feed setting`);
  const url = checkedUrl(input.url, 'url', policy, errors);
  const settings: FeedSettings = { url: url ?? '' };

  const interval = input.pollIntervalSeconds;
  if (!blank(interval)) {
    if (
      typeof interval !== 'number' ||
      !Number.isInteger(interval) ||
      interval < MIN_POLL_SECONDS ||
      interval > MAX_POLL_SECONDS
    )
      errors.push(
        `settings.pollIntervalSeconds must be a whole number from ${MIN_POLL_SECONDS} to ${MAX_POLL_SECONDS}`,
      );
    else settings.pollIntervalSeconds = interval;
  }

  if (!blank(input.replyWebhookUrl)) {
    settings.replyWebhookUrl = checkedUrl(input.replyWebhookUrl, 'replyWebhookUrl', policy, errors);
    if (blank(input.replyWebhookSecret))
      errors.push('settings.replyWebhookSecret is required with replyWebhookUrl (it signs every reply)');
  }
  const secret = input.replyWebhookSecret;
  if (!blank(secret)) {
    if (typeof secret !== 'string' || secret.length > 500)
      errors.push('settings.replyWebhookSecret must be a string of at most 500 characters');
    else settings.replyWebhookSecret = secret;
  }
  if (errors.length) throw badRequest(errors);
  return settings;
}
