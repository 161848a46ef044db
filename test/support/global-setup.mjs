// Runs once before the integration suite (outside Jest's module system, hence plain JS):
// fails fast, with a clear message, when the PostgreSQL the suite needs is not there.
import pg from 'pg';

export default async function globalSetup() {
  const databases = (process.env.TEST_DATABASES ?? 'sqlite,postgres').split(',');
  if (!databases.includes('postgres')) return;
  const url = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new Error(
      `Integration tests need PostgreSQL at ${url} (set TEST_POSTGRES_URL, or TEST_DATABASES=sqlite to run on SQLite only): ${error.message}`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}
