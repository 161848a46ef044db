import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  getMetadataStorage,
  validateSync,
} from 'class-validator';

const toBool = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? ['1', 'true', 'yes', 'on'].includes(value.toLowerCase()) : value;
const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() !== '' ? Number(value) : value;

/** A whole-number setting from its string form, within [min, max]. */
function IntSetting(min: number, max?: number): PropertyDecorator {
  const decorators = [Transform(toInt), IsInt(), Min(min), ...(max === undefined ? [] : [Max(max)])];
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
}

/** A yes/no setting: 1/true/yes/on (any case) is true. */
function BoolSetting(): PropertyDecorator {
  return (target, key) => [Transform(toBool), IsBoolean()].forEach((decorate) => decorate(target, key));
}

/**
 * Every setting the service reads from its environment. Validated once at start; a bad value
 * stops start-up with a message that names the variable. Nothing else reads `process.env`.
 */
export class EnvironmentVariables {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'production';

  @IntSetting(0, 65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  @IsString()
  DATA_DIR = './data';

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, {
    message: 'DATABASE_URL must be a postgres:// URL (unset = embedded SQLite)',
  })
  DATABASE_URL?: string;

  @IsOptional()
  @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL?: string;

  @IsOptional()
  @IsEmail({ require_tld: false }, { message: 'ADMIN_EMAIL must be an email address' })
  ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  @MinLength(8, { message: 'ADMIN_PASSWORD must be at least 8 characters' })
  ADMIN_PASSWORD?: string;

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'SECRET_KEY must be at least 32 characters' })
  SECRET_KEY?: string;

  @BoolSetting()
  DEMO_DATA = false;

  @IsOptional()
  @Matches(/^smtps?:\/\//, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsOptional()
  @IsString()
  MAIL_FROM?: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Base URL customers reach the service under (status page links, snippets). */
  @IsOptional()
  @Matches(/^https?:\/\//, { message: 'PUBLIC_URL must start with http:// or https://' })
  PUBLIC_URL?: string;

  @BoolSetting()
  ALLOW_PRIVATE_FEED_URLS = false;

  @IntSetting(1)
  SLA_CHECK_INTERVAL_SECONDS = 30;

  @IntSetting(60)
  TOKEN_TTL_SECONDS = 12 * 3600;

  /** Login attempts per minute and client address. */
  @IntSetting(1)
  LOGIN_RATE_LIMIT = 10;

  /** Web form posts (and status-page follow-ups) per minute and client address. */
  @IntSetting(1)
  FORM_RATE_LIMIT = 30;

  /** Web form posts per minute and form, from all addresses together (a distributed flood). */
  @IntSetting(1)
  FORM_RATE_LIMIT_PER_FORM = 300;

  /** Background schedulers (connector polling, SLA checks); off in tests that drive them by hand. */
  @BoolSetting()
  SCHEDULER_ENABLED = true;

  /** How often the connector scheduler looks for due connectors (milliseconds). */
  @IntSetting(50)
  CONNECTOR_SCHEDULER_TICK_MS = 5000;

  /** Review feeds: give up on a feed server after this long (milliseconds, whole request). */
  @IntSetting(100)
  FEED_FETCH_TIMEOUT_MS = 15_000;

  /** Review feeds: largest feed document read (bytes, after decompression). */
  @IntSetting(1024)
  FEED_MAX_BYTES = 5 * 1024 * 1024;

  /** Review replies: tries of the reply webhook, including the first. */
  @IntSetting(1, 10)
  FEED_WEBHOOK_ATTEMPTS = 3;

  /** Review replies: wait before the second try of the webhook; doubles with every further try. */
  @IntSetting(0)
  FEED_WEBHOOK_BACKOFF_MS = 1000;
}

export type AppEnvironment = EnvironmentVariables;

/** Validates raw environment variables; throws one error listing every bad variable by name. */
/** The names of all settings, read from their validation decorators (optional ones have no default to list them). */
function settingNames(): string[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(EnvironmentVariables, '', true, false);
  return [...new Set(metadata.map((m) => m.propertyName))];
}

export function validateEnvironment(raw: Record<string, unknown>): EnvironmentVariables {
  const picked: Record<string, unknown> = {};
  for (const key of settingNames()) {
    if (raw[key] !== undefined && raw[key] !== '') picked[key] = raw[key];
  }
  const env = plainToInstance(EnvironmentVariables, picked);
  const errors = validateSync(env, { skipMissingProperties: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => `  ${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return env;
}
