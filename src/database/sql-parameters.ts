import type { DataSource } from 'typeorm';

/**
 * The n-th (from 0) bound parameter in the driver's syntax, for the few statements written as
 * plain SQL: `$1, $2…` on PostgreSQL, `?` on SQLite.
 */
export function parameterSyntax(dataSource: DataSource): (n: number) => string {
  return dataSource.options.type === 'postgres' ? (n) => `$${n + 1}` : () => '?';
}
