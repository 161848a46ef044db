import { DataSource, type DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../common/config/app-config.js';
import { SnakeNamingStrategy } from './columns.js';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations/index.js';
import { serializeSqliteTransactions } from './sqlite-transactions.js';

/** Connection options for the configured database; `synchronize` is never on. */
export function dataSourceOptions(config: AppConfig): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    logging: false,
  } as const;
  if (config.databaseKind === 'postgres') {
    return { ...common, type: 'postgres', url: config.env.DATABASE_URL, extra: { max: 10 } };
  }
  return {
    ...common,
    type: 'better-sqlite3',
    database: config.sqlitePath,
    enableWAL: true,
    prepareDatabase: (db: { pragma: (sql: string) => unknown }) => {
      db.pragma('busy_timeout = 5000');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
    },
  };
}

/** Arbitrary but fixed: two instances starting together wait for each other's migrations. */
const MIGRATION_LOCK_ID = 720_417_311;

/** Runs pending migrations; on PostgreSQL under an advisory lock. */
export async function runMigrations(dataSource: DataSource): Promise<void> {
  if (dataSource.options.type !== 'postgres') {
    await dataSource.runMigrations({ transaction: 'each' });
    return;
  }
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => undefined);
    await runner.release();
  }
}

/** Connects, makes SQLite's single connection safe for concurrent requests, and migrates. */
export async function initializeDataSource(options: DataSourceOptions): Promise<DataSource> {
  const dataSource = await new DataSource(options).initialize();
  if (options.type === 'better-sqlite3') serializeSqliteTransactions(dataSource);
  await runMigrations(dataSource);
  return dataSource;
}

export function openDataSource(config: AppConfig): Promise<DataSource> {
  return initializeDataSource(dataSourceOptions(config));
}
