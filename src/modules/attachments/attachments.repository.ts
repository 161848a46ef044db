import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { parameterSyntax } from '../../database/sql-parameters.js';
import { chunked, returnedRows } from '../ingestion/bulk-insert.js';
import type { AttachmentFile } from './attachment-files.js';

/** A file to write with the message it came with. */
export interface AttachmentRow extends AttachmentFile {
  messageId: string;
  conversationId: string;
  createdAt: number;
}

export interface StoredAttachment {
  id: string;
  filename: string | null;
  contentType: string;
  content: Buffer;
}

const COLUMNS = [
  'id',
  'message_id',
  'conversation_id',
  'filename',
  'content_type',
  'size',
  'content',
  'created_at',
];

// The content column is BLOB on SQLite and BYTEA on PostgreSQL, which no single TypeORM column
// type covers: these few statements are plain SQL.

/** Writes files inside the caller's transaction (the one that writes their messages). */
export async function insertAttachments(manager: EntityManager, rows: AttachmentRow[]): Promise<void> {
  const p = parameterSyntax(manager.connection);
  const sql = `INSERT INTO attachments (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((_, i) => p(i)).join(', ')})`;
  for (const row of rows) {
    await manager.query(sql, [
      row.id,
      row.messageId,
      row.conversationId,
      row.filename,
      row.contentType,
      row.content.length,
      row.content,
      row.createdAt,
    ]);
  }
}

/** Deletes the files of these conversations inside the caller's transaction; returns how many. */
export async function deleteAttachmentsOf(
  manager: EntityManager,
  conversationIds: string[],
): Promise<number> {
  const p = parameterSyntax(manager.connection);
  let deleted = 0;
  for (const part of chunked(conversationIds)) {
    const rows = returnedRows<{ id: string }>(
      await manager.query(
        `DELETE FROM attachments WHERE conversation_id IN (${part.map((_, i) => p(i)).join(', ')}) RETURNING id`,
        part,
      ),
    );
    deleted += rows.length;
  }
  return deleted;
}

@Injectable()
export class AttachmentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(id: string): Promise<StoredAttachment | null> {
    const p = parameterSyntax(this.dataSource);
    const [row]: { id: string; filename: string | null; content_type: string; content: Buffer }[] =
      await this.dataSource.query(
        `SELECT id, filename, content_type, content FROM attachments WHERE id = ${p(0)}`,
        [id],
      );
    return row
      ? { id: row.id, filename: row.filename, contentType: row.content_type, content: row.content }
      : null;
  }
}
