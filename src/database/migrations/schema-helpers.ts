import type { TableColumnOptions } from 'typeorm';

/** Column builders for migrations, so every table spells ids, times and JSON the same way. */
export const col = {
  id: (name = 'id'): TableColumnOptions => ({ name, type: 'varchar', length: '36', isPrimary: true }),
  ref: (name: string, nullable = false): TableColumnOptions => ({
    name,
    type: 'varchar',
    length: '36',
    isNullable: nullable,
  }),
  str: (name: string, length: number, nullable = false, defaultValue?: string): TableColumnOptions => ({
    name,
    type: 'varchar',
    length: String(length),
    isNullable: nullable,
    ...(defaultValue !== undefined ? { default: `'${defaultValue}'` } : {}),
  }),
  text: (name: string, nullable = false): TableColumnOptions => ({
    name,
    type: 'text',
    isNullable: nullable,
  }),
  epoch: (name: string, nullable = false): TableColumnOptions => ({
    name,
    type: 'bigint',
    isNullable: nullable,
  }),
  int: (name: string, nullable = false, defaultValue?: number): TableColumnOptions => ({
    name,
    type: 'integer',
    isNullable: nullable,
    ...(defaultValue !== undefined ? { default: defaultValue } : {}),
  }),
  real: (name: string, nullable = false): TableColumnOptions => ({
    name,
    type: 'real',
    isNullable: nullable,
  }),
  bool: (name: string, defaultValue: boolean): TableColumnOptions => ({
    name,
    type: 'boolean',
    isNullable: false,
    default: defaultValue,
  }),
};
