import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tokens issued before this time (epoch ms) no longer sign a user in: signing out and a new
 * password end the sessions that were open. A plain ADD COLUMN works on both databases.
 */
export class SessionCutoff1733200000000 implements MigrationInterface {
  name = 'SessionCutoff1733200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN sessions_valid_after bigint NOT NULL DEFAULT 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP COLUMN sessions_valid_after`);
  }
}
