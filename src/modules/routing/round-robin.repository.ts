import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { returnedRows } from '../ingestion/bulk-insert.js';
import { parameterSyntax } from '../../database/sql-parameters.js';

@Injectable()
export class RoundRobinRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Advances a department's round-robin cursor by `count` and returns where it stood before, in
   * one atomic statement of its own (concurrent batches never hand out the same turns, nor wait
   * for each other's transactions).
   */
  async reserve(departmentId: string, count: number): Promise<number> {
    const p = parameterSyntax(this.dataSource);
    const rows = returnedRows<{ cursor: number | string }>(
      await this.dataSource.query(
        `UPDATE departments SET round_robin_cursor = round_robin_cursor + ${p(0)} WHERE id = ${p(1)} RETURNING round_robin_cursor AS cursor`,
        [count, departmentId],
      ),
    );
    return rows.length ? Number(rows[0].cursor) - count : 0;
  }
}
