import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The files customers attach to their mail, kept in the database beside their message: a backup
 * of the database is a backup of everything, and erasing a person removes their files in the same
 * transaction. Only the type of the content column differs between the two databases.
 */
export class MessageAttachments1733100000000 implements MigrationInterface {
  name = 'MessageAttachments1733100000000';

  async up(q: QueryRunner): Promise<void> {
    const bytes = q.connection.options.type === 'postgres' ? 'bytea' : 'blob';
    await q.query(
      `CREATE TABLE attachments (
        id varchar(36) PRIMARY KEY,
        message_id varchar(36) NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
        conversation_id varchar(36) NOT NULL,
        filename varchar(255),
        content_type varchar(255) NOT NULL,
        size integer NOT NULL,
        content ${bytes} NOT NULL,
        created_at bigint NOT NULL
      )`,
    );
    await q.query(`CREATE INDEX ix_attachments_message ON attachments (message_id)`);
    await q.query(`CREATE INDEX ix_attachments_conversation ON attachments (conversation_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE attachments`);
  }
}
