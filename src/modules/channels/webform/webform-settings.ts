import { badRequest } from '../../../common/errors/app-error.js';

/** The settings of a `webform` connector (API.md "Connectors"). */
export interface WebformSettings {
  /** Origins (scheme://host[:port]) whose pages may post in the background (CORS). */
  allowedOrigins: string[];
  /** Overrides routing's department for every remark of this form. */
  defaultDepartmentId: string | null;
  /** An email connector whose SMTP sends the email answers; else the global SMTP_URL. */
  replyConnectorId: string | null;
}

const KNOWN = new Set(['allowedOrigins', 'defaultDepartmentId', 'replyConnectorId']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_ORIGINS = 50;

/**
 * Checks and normalises webform settings; one message per bad field. Origins are stored in the
 * form browsers send them (`Origin` header: lower-case scheme and host, no trailing slash), so a
 * plain string comparison decides CORS.
 */
export function validateWebformSettings(raw: unknown): WebformSettings {
  const input = raw ?? {};
  if (typeof input !== 'object' || Array.isArray(input)) throw badRequest(['settings must be an object']);
  const settings = input as Record<string, unknown>;
  const errors = Object.keys(settings)
    .filter((key) => !KNOWN.has(key))
    .map((key) => `settings.${key} is not a webform setting`);
  const allowedOrigins = normaliseOrigins(settings.allowedOrigins, errors);
  const defaultDepartmentId = optionalId(settings.defaultDepartmentId, 'defaultDepartmentId', errors);
  const replyConnectorId = optionalId(settings.replyConnectorId, 'replyConnectorId', errors);
  if (errors.length) throw badRequest(errors);
  return { allowedOrigins, defaultDepartmentId, replyConnectorId };
}

function normaliseOrigins(value: unknown, errors: string[]): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    errors.push('settings.allowedOrigins must be an array of origins');
    return [];
  }
  if (value.length > MAX_ORIGINS)
    errors.push(`settings.allowedOrigins may list at most ${MAX_ORIGINS} origins`);
  const origins = value.map((entry: unknown, index) => {
    const origin = toOrigin(entry);
    if (!origin)
      errors.push(`settings.allowedOrigins.${index} must be an origin like https://shop.example (no path)`);
    return origin;
  });
  return [...new Set(origins.filter((o): o is string => o !== null))];
}

/** "https://Shop.example/" → "https://shop.example"; anything with a path, query or credentials → null. */
export function toOrigin(entry: unknown): string | null {
  if (typeof entry !== 'string') return null;
  let url: URL;
  try {
    url = new URL(entry.trim());
  } catch {
    return null;
  }
  const plain = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
  return (url.protocol === 'https:' || url.protocol === 'http:') && plain ? url.origin : null;
}

function optionalId(value: unknown, name: string, errors: string[]): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'string' && UUID.test(value)) return value.toLowerCase();
  errors.push(`settings.${name} must be an id (UUID)`);
  return null;
}
