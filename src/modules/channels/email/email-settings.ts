import { badRequest } from '../../../common/errors/app-error.js';

/** Settings of an email connector (API.md): where mail comes in and how replies go out. */
export interface EmailSettings {
  imap: { host: string; port: number; secure: boolean; user: string; password: string; mailbox: string };
  smtp: SmtpSettings;
  /** The From of replies; its domain names our Message-IDs. */
  address: string;
  pollIntervalSeconds?: number;
}

export interface SmtpSettings {
  host: string;
  port: number;
  secure: boolean;
  user?: string;
  password?: string;
}

export const EMAIL_SECRET_FIELDS = ['imap.password', 'smtp.password'] as const;
export const DEFAULT_MAILBOX = 'INBOX';
/** Polling more often than this only loads the mail server; IDLE brings new mail sooner anyway. */
const MIN_POLL_SECONDS = 10;
const EMAIL_ADDRESS = /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;]+$|^[^\s@<>()",;]+@localhost$/i;

type Obj = Record<string, unknown>;
const isObject = (value: unknown): value is Obj =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Collects one message per bad field, so an admin sees everything wrong at once. */
class Checker {
  readonly errors: string[] = [];

  object(parent: Obj, key: string): Obj {
    const value = parent[key];
    if (isObject(value)) return value;
    this.errors.push(`settings.${key} must be an object`);
    return {};
  }

  string(obj: Obj, path: string, key: string, optional = false): string | undefined {
    const value = obj[key];
    if (value === undefined || value === null) {
      if (!optional) this.errors.push(`settings.${path}.${key} is required`);
      return undefined;
    }
    if (typeof value !== 'string' || (!optional && value.trim() === '')) {
      this.errors.push(`settings.${path}.${key} must be a non-empty string`);
      return undefined;
    }
    return value.trim() === '' ? undefined : value;
  }

  port(obj: Obj, path: string): number {
    const value = obj.port;
    if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 65535) return value;
    this.errors.push(`settings.${path}.port must be an integer between 1 and 65535`);
    return 0;
  }

  boolean(obj: Obj, path: string, key: string): boolean {
    const value = obj[key];
    if (typeof value === 'boolean') return value;
    this.errors.push(`settings.${path}.${key} must be true or false`);
    return false;
  }
}

/** Checks and normalises email connector settings; throws a 400 naming every bad field. */
export function validateEmailSettings(raw: unknown): EmailSettings {
  if (!isObject(raw)) throw badRequest('settings must be an object');
  const check = new Checker();
  const imap = readImap(check, raw);
  const smtp = readSmtp(check, raw);

  const address = typeof raw.address === 'string' ? raw.address.trim() : '';
  if (!EMAIL_ADDRESS.test(address)) check.errors.push('settings.address must be an email address');

  const settings: EmailSettings = { imap, smtp, address };
  const poll = raw.pollIntervalSeconds;
  if (poll !== undefined && poll !== null) {
    if (typeof poll === 'number' && Number.isInteger(poll) && poll >= MIN_POLL_SECONDS)
      settings.pollIntervalSeconds = poll;
    else check.errors.push(`settings.pollIntervalSeconds must be an integer of at least ${MIN_POLL_SECONDS}`);
  }

  const unknown = Object.keys(raw).filter(
    (k) => !['imap', 'smtp', 'address', 'pollIntervalSeconds'].includes(k),
  );
  for (const key of unknown) check.errors.push(`settings.${key} is not a known setting`);
  if (check.errors.length) throw badRequest(check.errors);
  return settings;
}

/** A missing section is one error, not one per field in it: its fields are checked on the side. */
function section(check: Checker, raw: Obj, key: string): { obj: Obj; check: Checker } {
  const obj = check.object(raw, key);
  return { obj, check: isObject(raw[key]) ? check : new Checker() };
}

function readImap(outer: Checker, raw: Obj): EmailSettings['imap'] {
  const { obj, check } = section(outer, raw, 'imap');
  return {
    host: check.string(obj, 'imap', 'host') ?? '',
    port: check.port(obj, 'imap'),
    secure: check.boolean(obj, 'imap', 'secure'),
    user: check.string(obj, 'imap', 'user') ?? '',
    password: check.string(obj, 'imap', 'password') ?? '',
    mailbox: check.string(obj, 'imap', 'mailbox', true) ?? DEFAULT_MAILBOX,
  };
}

function readSmtp(outer: Checker, raw: Obj): SmtpSettings {
  const { obj, check } = section(outer, raw, 'smtp');
  const smtp: SmtpSettings = {
    host: check.string(obj, 'smtp', 'host') ?? '',
    port: check.port(obj, 'smtp'),
    secure: check.boolean(obj, 'smtp', 'secure'),
  };
  const user = check.string(obj, 'smtp', 'user', true);
  const password = check.string(obj, 'smtp', 'password', true);
  if (user !== undefined) smtp.user = user;
  if (password !== undefined) smtp.password = password;
  if (password !== undefined && user === undefined)
    check.errors.push('settings.smtp.user is required when settings.smtp.password is set');
  return smtp;
}

/** The domain of our address: the right-hand side of our Message-IDs. */
export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase() || 'localhost';
}
