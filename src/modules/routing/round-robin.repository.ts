import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { returnedRows } from '../ingestion/bulk-insert.js';

@Injectable()
export class RoundRobinRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Advances a department's round-robin cursor by `count` and returns where it stood before, in
   * one atomic statement of its own (concurrent batches never hand out the same turns, nor wait
   * for each other's transactions).
   */
  async reserve(departmentId: string, count: number): Promise<number> {
    const postgres = this.dataSource.options.type === 'postgres';
    const [p1, p2] = postgres ? ['$1', '$2'] : ['?', '?'];
    const rows = returnedRows<{ cursor: number | string }>(
      await this.dataSource.query(
        `UPDATE departments SET round_robin_cursor = round_robin_cursor + ${p1} WHERE id = ${p2} RETURNING round_robin_cursor AS cursor`,
        [count, departmentId],
      ),
    );
    return rows.length ? Number(rows[0].cursor) - count : 0;
  }
}
