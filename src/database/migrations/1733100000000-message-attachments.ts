import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Files of messages, kept in the database beside them: a backup of the database is a backup of
 * everything, and erasing a person removes their files in the same transaction. Customers' files
 * come with their mail; agents' files are uploaded first (no message yet, `uploaded_by` set) and
 * belong to their reply once it is written. Only the content column's type differs between the
 * two databases.
 */
export class MessageAttachments1733100000000 implements MigrationInterface {
  name = 'MessageAttachments1733100000000';

  async up(q: QueryRunner): Promise<void> {
    const bytes = q.connection.options.type === 'postgres' ? 'bytea' : 'blob';
    await q.query(
      `CREATE TABLE attachments (
        id varchar(36) PRIMARY KEY,
        message_id varchar(36) REFERENCES messages (id) ON DELETE CASCADE,
        conversation_id varchar(36),
        uploaded_by varchar(36),
        filename varchar(255),
        content_type varchar(255) NOT NULL,
        size integer NOT NULL,
        content ${bytes} NOT NULL,
        created_at bigint NOT NULL
      )`,
    );
    await q.query(`CREATE INDEX ix_attachments_message ON attachments (message_id)`);
    await q.query(`CREATE INDEX ix_attachments_conversation ON attachments (conversation_id)`);
    // Unsent uploads are swept after a day: their age is the only lookup among them.
    await q.query(`CREATE INDEX ix_attachments_created ON attachments (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE attachments`);
  }
}
