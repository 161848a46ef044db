import type { DatabaseKind } from '../../common/config/app-config.js';

/**
 * Bind parameters for raw SQL on either database: PostgreSQL numbers its placeholders ($1, $2 …),
 * SQLite takes anonymous `?` in the order they appear. Build the SQL text left to right and call
 * `add` where each value goes, so both orders agree.
 */
export class SqlParams {
  readonly values: unknown[] = [];

  constructor(private readonly kind: DatabaseKind) {}

  add(value: unknown): string {
    this.values.push(value);
    return this.kind === 'postgres' ? `$${this.values.length}` : '?';
  }
}

/** An epoch-ms difference as seconds (double precision on both databases, so both round alike). */
export function msToSeconds(kind: DatabaseKind, expr: string): string {
  return kind === 'postgres' ? `((${expr})::float8 / 1000)` : `((${expr}) / 1000.0)`;
}

/** The UTC day number of an epoch-ms column: floor(ms / 86400000) (integer division; times are positive). */
export const dayBucket = (column: string): string => `(${column} / 86400000)`;

/** A database number (PostgreSQL returns BIGINT and NUMERIC as strings) as a JS number, null kept. */
export function num(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

export interface PercentileSpec {
  /** Column alias of the result. */
  alias: string;
  /** SQL expression of the measured value; rows where it is NULL are ignored. */
  expr: string;
  /** Fraction in [0, 1], e.g. 0.9 for the 90th percentile. */
  p: number;
}

/**
 * Exact continuous percentiles per group, with the same definition on both databases: PostgreSQL's
 * `percentile_cont`. For the n non-null values of a group sorted ascending (x[0] … x[n-1]), take
 * h = p·(n−1), lo = floor(h), f = h − lo; the result is x[lo] when f = 0, else x[lo] + f·(x[lo+1] − x[lo]).
 *
 * PostgreSQL runs `percentile_cont(p) WITHIN GROUP (ORDER BY expr)` (percentiles over the same
 * expression share one sort). SQLite has no ordered-set aggregates, so it numbers the sorted values
 * per group with window functions (ROW_NUMBER, COUNT) and interpolates with the very same
 * double-precision arithmetic, which makes both databases return identical numbers.
 */
export function sqlitePercentileCtes(source: string, keyExpr: string, specs: PercentileSpec[]): string[] {
  return specs.flatMap((spec) => {
    const ranked = `${spec.alias}_ranked`;
    const h = `(${spec.p} * (n - 1))`;
    const lo = `CAST(${h} AS INTEGER)`;
    return [
      `${ranked} AS (SELECT key, v, ROW_NUMBER() OVER (PARTITION BY key ORDER BY v) AS rn, ` +
        `COUNT(*) OVER (PARTITION BY key) AS n ` +
        `FROM (SELECT ${keyExpr} AS key, ${spec.expr} AS v FROM ${source}) s WHERE v IS NOT NULL)`,
      `${spec.alias}_bounds AS (SELECT key, MAX(CASE WHEN rn = ${lo} + 1 THEN v END) AS lo, ` +
        `MAX(CASE WHEN rn = ${lo} + 2 THEN v END) AS hi, MAX(${h} - ${lo}) AS f FROM ${ranked} GROUP BY key)`,
      `${spec.alias} AS (SELECT key, CASE WHEN f > 0 THEN lo + (f * (hi - lo)) ELSE lo END AS value ` +
        `FROM ${spec.alias}_bounds)`,
    ];
  });
}

export const postgresPercentile = (spec: PercentileSpec): string =>
  `percentile_cont(${spec.p}) WITHIN GROUP (ORDER BY ${spec.expr}) AS ${spec.alias}`;
