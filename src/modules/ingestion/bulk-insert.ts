import type { EntityManager, EntityTarget, ObjectLiteral, ValueTransformer } from 'typeorm';

/**
 * SQLite's bound-parameter limit per statement (SQLITE_MAX_VARIABLE_NUMBER, 32,766 since 3.32):
 * rows are chunked to fit. PostgreSQL gets the whole batch as one JSON parameter (see below), so
 * its 65,535-parameter limit never applies.
 */
const SQLITE_MAX_PARAMETERS = 32_766;

function toDatabase(transformer: ValueTransformer | ValueTransformer[] | undefined, value: unknown): unknown {
  if (!transformer) return value;
  return Array.isArray(transformer)
    ? transformer.reduce<unknown>((v, t) => t.to(v), value)
    : transformer.to(value);
}

/**
 * Inserts entity objects in bulk (one round trip per batch instead of one per row), applying the
 * entities' column transformers. Every column must be set on each row.
 */
export async function bulkInsert<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  rows: readonly T[],
  options: { skipConflicts?: boolean } = {},
): Promise<Set<string>> {
  const inserted = new Set<string>();
  if (!rows.length) return inserted;
  // Rows that collide with a unique key are left out; the ids of those written come back.
  const tail = options.skipConflicts ? ' ON CONFLICT DO NOTHING RETURNING id' : '';
  const collect = (result: unknown) => {
    if (options.skipConflicts) for (const row of returnedRows<{ id: string }>(result)) inserted.add(row.id);
  };
  const metadata = manager.connection.getMetadata(target);
  const names = metadata.columns.map((c) => c.databaseName).join(', ');
  const value = (row: T, column: (typeof metadata.columns)[number]) =>
    toDatabase(column.transformer, row[column.propertyName as keyof T]) ?? null;

  if (manager.connection.options.type === 'postgres') {
    // One JSON parameter for the whole batch, unpacked by the server into the table's row type:
    // V8 serialises JSON natively, where the driver's array literals (one per column) cost ~20 µs
    // per remark in JavaScript escaping, and the server parses one parameter instead of thousands.
    const records = rows.map((row) => {
      const record: Record<string, unknown> = {};
      for (const column of metadata.columns) {
        const v = value(row, column);
        // JSON would carry a lone surrogate as an escape PostgreSQL refuses; the driver wrote U+FFFD.
        record[column.databaseName] = typeof v === 'string' ? v.toWellFormed() : v;
      }
      return record;
    });
    collect(
      await manager.query(
        `INSERT INTO ${metadata.tableName} (${names}) SELECT ${names} FROM ` +
          `json_populate_recordset(NULL::${metadata.tableName}, $1)${tail}`,
        [JSON.stringify(records)],
      ),
    );
    return inserted;
  }

  const rowsPerStatement = Math.floor(SQLITE_MAX_PARAMETERS / metadata.columns.length);
  const tuple = `(${metadata.columns.map(() => '?').join(', ')})`;
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    const chunk = rows.slice(start, start + rowsPerStatement);
    const params: unknown[] = [];
    for (const row of chunk) {
      for (const column of metadata.columns) {
        const v = value(row, column);
        // better-sqlite3 binds no booleans; TypeORM stores them as 1/0 there too.
        params.push(typeof v === 'boolean' ? (v ? 1 : 0) : v);
      }
    }
    collect(
      await manager.query(
        `INSERT INTO ${metadata.tableName} (${names}) VALUES ${chunk.map(() => tuple).join(', ')}${tail}`,
        params,
      ),
    );
  }
  return inserted;
}

/** Splits a list so that `IN (…)` lists stay within the parameter limits. */
export function chunked<T>(items: readonly T[], size = 10_000): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/**
 * The rows of an `UPDATE … RETURNING` run through DataSource.query: PostgreSQL's driver answers
 * `[rows, affectedCount]` for UPDATE, SQLite's the rows themselves.
 */
export function returnedRows<T>(result: unknown): T[] {
  if (!Array.isArray(result)) return [];
  return (Array.isArray(result[0]) ? result[0] : result) as T[];
}
