import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { parameterSyntax } from '../../database/sql-parameters.js';
import { chunked, returnedRows } from '../ingestion/bulk-insert.js';
import type { AttachmentInfo } from '../conversations/message.entity.js';
import type { AttachmentFile } from './attachment-files.js';

/** A file to write: with its message (mail), or an agent's upload waiting for its reply. */
export interface AttachmentRow extends AttachmentFile {
  messageId: string | null;
  conversationId: string | null;
  uploadedBy: string | null;
  createdAt: number;
}

export interface StoredAttachment {
  id: string;
  filename: string | null;
  contentType: string;
  content: Buffer;
}

/** Where uploads go once their reply or note is written. */
export interface AttachmentClaim {
  ids: string[];
  messageId: string;
  conversationId: string;
  userId: string;
}

const COLUMNS = [
  'id',
  'message_id',
  'conversation_id',
  'uploaded_by',
  'filename',
  'content_type',
  'size',
  'content',
  'created_at',
];

// The content column is BLOB on SQLite and BYTEA on PostgreSQL, which no single TypeORM column
// type covers: these few statements are plain SQL.
const list = (p: (n: number) => string, count: number, from = 0) =>
  Array.from({ length: count }, (_, i) => p(from + i)).join(', ');

/** Writes files inside the caller's transaction (for mail: the one that writes their messages). */
export async function insertAttachments(manager: EntityManager, rows: AttachmentRow[]): Promise<void> {
  const sql = `INSERT INTO attachments (${COLUMNS.join(', ')}) VALUES (${list(parameterSyntax(manager.connection), COLUMNS.length)})`;
  for (const row of rows) {
    await manager.query(sql, [
      row.id,
      row.messageId,
      row.conversationId,
      row.uploadedBy,
      row.filename,
      row.contentType,
      row.content.length,
      row.content,
      row.createdAt,
    ]);
  }
}

/**
 * Gives the user's unsent uploads to their message inside the caller's transaction; returns how
 * many it took (fewer than asked: some were sent meanwhile, and the caller rolls back).
 */
export async function claimAttachments(manager: EntityManager, claim: AttachmentClaim): Promise<number> {
  const p = parameterSyntax(manager.connection);
  const rows = returnedRows<{ id: string }>(
    await manager.query(
      `UPDATE attachments SET message_id = ${p(0)}, conversation_id = ${p(1)} ` +
        `WHERE message_id IS NULL AND uploaded_by = ${p(2)} AND id IN (${list(p, claim.ids.length, 3)}) RETURNING id`,
      [claim.messageId, claim.conversationId, claim.userId, ...claim.ids],
    ),
  );
  return rows.length;
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
        `DELETE FROM attachments WHERE conversation_id IN (${list(p, part.length)}) RETURNING id`,
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
    const [row] = await this.select(`id = ${p(0)}`, [id]);
    return row ?? null;
  }

  /** The files of a message, in the order they were attached (for sending them). */
  filesOf(messageId: string): Promise<StoredAttachment[]> {
    const p = parameterSyntax(this.dataSource);
    return this.select(`message_id = ${p(0)} ORDER BY created_at, id`, [messageId]);
  }

  /** The user's uploads among `ids` that no message has yet: name, type and size. */
  async unsentUploads(ids: string[], userId: string): Promise<AttachmentInfo[]> {
    const p = parameterSyntax(this.dataSource);
    const rows: { id: string; filename: string | null; content_type: string; size: number | string }[] =
      await this.dataSource.query(
        `SELECT id, filename, content_type, size FROM attachments ` +
          `WHERE message_id IS NULL AND uploaded_by = ${p(0)} AND id IN (${list(p, ids.length, 1)})`,
        [userId, ...ids],
      );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      return row
        ? [{ id, filename: row.filename, contentType: row.content_type, size: Number(row.size) }]
        : [];
    });
  }

  /** Deletes uploads that never went out and are older than `before`; returns how many. */
  async deleteUnsentBefore(before: number): Promise<number> {
    const p = parameterSyntax(this.dataSource);
    return returnedRows<{ id: string }>(
      await this.dataSource.query(
        `DELETE FROM attachments WHERE message_id IS NULL AND created_at < ${p(0)} RETURNING id`,
        [before],
      ),
    ).length;
  }

  private async select(where: string, params: unknown[]): Promise<StoredAttachment[]> {
    const rows: { id: string; filename: string | null; content_type: string; content: Buffer }[] =
      await this.dataSource.query(
        `SELECT id, filename, content_type, content FROM attachments WHERE ${where}`,
        params,
      );
    return rows.map((row) => ({
      id: row.id,
      filename: row.filename,
      contentType: row.content_type,
      content: row.content,
    }));
  }
}
