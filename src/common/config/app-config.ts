import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type EnvironmentVariables, validateEnvironment } from '../../../config/env.schema.js';

export type DatabaseKind = 'sqlite' | 'postgres';

/**
 * The validated configuration, built once at start from the environment. Injected wherever a
 * setting is needed; nothing else reads `process.env`.
 */
export class AppConfig {
  readonly env: Readonly<EnvironmentVariables>;
  readonly dataDir: string;
  readonly secretKey: string;

  constructor(raw: Record<string, unknown>) {
    this.env = Object.freeze(validateEnvironment(raw));
    this.dataDir = resolve(this.env.DATA_DIR);
    mkdirSync(this.dataDir, { recursive: true });
    this.secretKey = this.env.SECRET_KEY ?? this.loadOrCreateSecretKey();
  }

  get databaseKind(): DatabaseKind {
    return this.env.DATABASE_URL ? 'postgres' : 'sqlite';
  }

  get sqlitePath(): string {
    return join(this.dataDir, 'resonanz.sqlite');
  }

  /** Base URL for links that customers follow (status pages, form snippets). */
  get publicUrl(): string {
    return (this.env.PUBLIC_URL ?? `http://localhost:${this.env.PORT}`).replace(/\/+$/, '');
  }

  /** SECRET_KEY unset: generate one into DATA_DIR on first start so tokens and secrets survive restarts. */
  private loadOrCreateSecretKey(): string {
    const file = join(this.dataDir, 'secret.key');
    if (existsSync(file)) return readFileSync(file, 'utf8').trim();
    const key = randomBytes(32).toString('hex');
    writeFileSync(file, key + '\n', { mode: 0o600 });
    chmodSync(file, 0o600);
    return key;
  }
}
