import { Column, type ColumnOptions, DefaultNamingStrategy, type NamingStrategyInterface } from 'typeorm';
import { randomUUID } from 'node:crypto';

/**
 * Times are stored as epoch milliseconds in BIGINT columns: the same arithmetic works on SQLite
 * and PostgreSQL (durations, percentiles, day buckets), and PostgreSQL's string BIGINTs are turned
 * back into numbers here.
 */
const epochTransformer = {
  to: (value: Date | number | null | undefined) => (value instanceof Date ? value.getTime() : value),
  from: (value: string | number | null) => (value === null || value === undefined ? null : Number(value)),
};

export function EpochColumn(options: ColumnOptions = {}): PropertyDecorator {
  return Column({ type: 'bigint', transformer: epochTransformer, ...options });
}

const jsonTransformer = {
  to: (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value)),
  from: (value: string | null) => (value === null || value === undefined ? null : JSON.parse(value)),
};

/** JSON kept as text, so both databases store it the same way. */
export function JsonColumn(options: ColumnOptions = {}): PropertyDecorator {
  return Column({ type: 'text', transformer: jsonTransformer, ...options });
}

/** Numbers read back as numbers (PostgreSQL returns REAL/NUMERIC/BIGINT as strings in places). */
export const numberTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null || value === undefined ? null : Number(value)),
};

export const newId = (): string => randomUUID();

function snakeCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

/** Entity properties are camelCase, columns snake_case. */
export class SnakeNamingStrategy extends DefaultNamingStrategy implements NamingStrategyInterface {
  override columnName(propertyName: string, customName: string | undefined, prefixes: string[]): string {
    return snakeCase(prefixes.concat(customName ?? propertyName).join('_'));
  }
}
