import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cheaper writes for every ingested remark (measured on PostgreSQL, see test/bench/ingest.bench.ts):
 *
 * - Search vectors stem each text once, in the language it was detected in, instead of twice
 *   (German and English): to_tsvector is most of the cost of a message row. Messages now carry
 *   their language; the search query ORs the German, English and simple forms of the words, so a
 *   query matches a text of either language.
 * - Two conversation indexes that others already cover go: `created_at` leads
 *   ix_conversations_overview; the SLA check reads ix_conversations_unanswered.
 * - Indexes for rare rows hold only those rows (partial indexes, on both databases): delivery
 *   status (outbound messages only), status tokens (web forms only), three or more transfers,
 *   resolved without reply. A new conversation then touches four indexes fewer. Their queries
 *   repeat the index condition word for word, which SQLite needs to use a partial index.
 */
export class LighterIngestWrites1732900000000 implements MigrationInterface {
  name = 'LighterIngestWrites1732900000000';

  async up(q: QueryRunner): Promise<void> {
    // Plain ALTER TABLE … ADD COLUMN keeps SQLite's FTS triggers (see the initial schema).
    await q.query(`ALTER TABLE messages ADD COLUMN language varchar(8)`);
    await q.query(
      `UPDATE messages SET language = (SELECT c.language FROM conversations c WHERE c.id = messages.conversation_id)`,
    );
    await q.query(`DROP INDEX ix_conversations_created`);
    await q.query(`DROP INDEX ix_conversations_due`);
    for (const index of PARTIAL_INDEXES) {
      await q.query(`DROP INDEX ${index.name}`);
      await q.query(`${index.create} WHERE ${index.where}`);
    }
    if (q.connection.options.type === 'postgres') await replaceSearchVectors(q, DETECTED_LANGUAGE);
  }

  async down(q: QueryRunner): Promise<void> {
    if (q.connection.options.type === 'postgres') await replaceSearchVectors(q, BOTH_LANGUAGES);
    for (const index of PARTIAL_INDEXES) {
      await q.query(`DROP INDEX ${index.name}`);
      await q.query(index.create);
    }
    await q.query(`CREATE INDEX ix_conversations_due ON conversations (first_response_due_at)`);
    await q.query(`CREATE INDEX ix_conversations_created ON conversations (created_at)`);
    await q.query(`ALTER TABLE messages DROP COLUMN language`);
  }
}

const PARTIAL_INDEXES = [
  {
    name: 'ix_messages_delivery',
    create: 'CREATE INDEX ix_messages_delivery ON messages (delivery_status)',
    where: 'delivery_status IS NOT NULL',
  },
  {
    name: 'uq_conversations_status_token',
    create: 'CREATE UNIQUE INDEX uq_conversations_status_token ON conversations (status_token)',
    where: 'status_token IS NOT NULL',
  },
  {
    name: 'ix_conversations_transfers',
    create: 'CREATE INDEX ix_conversations_transfers ON conversations (transfers)',
    where: 'transfers >= 3',
  },
  {
    name: 'ix_conversations_without_reply',
    create: 'CREATE INDEX ix_conversations_without_reply ON conversations (resolved_without_reply, status)',
    where: 'resolved_without_reply = TRUE',
  },
];

/** Search vector expressions; TEXT stands for the searched column. */
const BOTH_LANGUAGES = `to_tsvector('german', coalesce(TEXT, '')) || to_tsvector('english', coalesce(TEXT, ''))`;
/** Detected language → text search configuration; anything else is split into words unstemmed. */
const DETECTED_LANGUAGE =
  `to_tsvector(CASE language WHEN 'de' THEN 'german'::regconfig WHEN 'en' THEN 'english'::regconfig ` +
  `ELSE 'simple'::regconfig END, coalesce(TEXT, ''))`;

async function replaceSearchVectors(q: QueryRunner, expression: string): Promise<void> {
  for (const [table, column] of [
    ['messages', 'body'],
    ['conversations', 'subject'],
  ] as const) {
    // Dropping the column drops its GIN index too.
    await q.query(`ALTER TABLE ${table} DROP COLUMN search_vector`);
    await q.query(
      `ALTER TABLE ${table} ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ` +
        `(${expression.replaceAll('TEXT', column)}) STORED`,
    );
    await q.query(`CREATE INDEX ix_${table}_search ON ${table} USING GIN (search_vector)`);
  }
}
