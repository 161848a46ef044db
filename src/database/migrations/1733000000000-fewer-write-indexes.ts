import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Three index entries fewer per ingested remark (PostgreSQL's own work set the import pace):
 *
 * - Messages: the unique key becomes (external_id, source), which also serves the lookups by
 *   external id alone (threading by In-Reply-To, dedupe, bounces), so their own index goes.
 * - Conversations: the inbox filters by sentiment (three values) and topic (eleven) walk the
 *   activity index instead of keeping one of their own; at 1M conversations they stay far below
 *   the 50 ms target (test/bench/inbox.bench.ts). Filters on rarer values (status, channel,
 *   department, assignee) keep theirs.
 */
export class FewerWriteIndexes1733000000000 implements MigrationInterface {
  name = 'FewerWriteIndexes1733000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE UNIQUE INDEX uq_messages_external_source ON messages (external_id, source)`);
    await q.query(`DROP INDEX uq_messages_source_external`);
    await q.query(`DROP INDEX ix_messages_external_id`);
    await q.query(`DROP INDEX ix_conversations_sentiment_activity`);
    await q.query(`DROP INDEX ix_conversations_topic_activity`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX ix_conversations_topic_activity ON conversations (topic, last_message_at, id)`,
    );
    await q.query(
      `CREATE INDEX ix_conversations_sentiment_activity ON conversations (sentiment_label, last_message_at, id)`,
    );
    await q.query(`CREATE INDEX ix_messages_external_id ON messages (external_id)`);
    await q.query(`CREATE UNIQUE INDEX uq_messages_source_external ON messages (source, external_id)`);
    await q.query(`DROP INDEX uq_messages_external_source`);
  }
}
