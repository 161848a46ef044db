import pg from 'pg';
import { randomBytes } from 'node:crypto';

/** The databases the integration suite runs against: both by default, or TEST_DATABASES=sqlite. */
export type TestDatabase = 'sqlite' | 'postgres';

export const TEST_DATABASES: TestDatabase[] = (process.env.TEST_DATABASES ?? 'sqlite,postgres')
  .split(',')
  .map((s) => s.trim())
  .filter((s): s is TestDatabase => s === 'sqlite' || s === 'postgres');

/** The PostgreSQL server the tests create their throw-away databases on. */
export const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export async function withAdminClient<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh, empty PostgreSQL database; returns its URL. */
export async function createPostgresDatabase(): Promise<{ url: string; name: string }> {
  const name = `resonanz_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), name };
}

export async function dropPostgresDatabase(name: string): Promise<void> {
  await withAdminClient((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}
