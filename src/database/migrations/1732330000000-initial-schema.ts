import { type MigrationInterface, type QueryRunner, Table, TableForeignKey } from 'typeorm';
import { col } from './schema-helpers.js';

/** The whole schema of the API contract: people, conversations and their messages, configuration. */
export class InitialSchema1732330000000 implements MigrationInterface {
  name = 'InitialSchema1732330000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'users',
        columns: [
          col.id(),
          col.str('email', 320),
          col.str('name', 200),
          col.str('password_hash', 255),
          col.str('role', 16),
          col.bool('active', true),
          col.epoch('created_at'),
          col.epoch('updated_at'),
        ],
        indices: [{ name: 'uq_users_email', columnNames: ['email'], isUnique: true }],
      }),
    );

    await q.createTable(
      new Table({
        name: 'departments',
        columns: [
          col.id(),
          col.str('name', 120),
          col.str('email', 320, true),
          col.ref('lead_user_id', true),
          col.bool('auto_assign', false),
          col.int('round_robin_cursor', false, 0),
          col.epoch('created_at'),
          col.epoch('updated_at'),
        ],
        indices: [{ name: 'uq_departments_name', columnNames: ['name'], isUnique: true }],
        foreignKeys: [fk('lead_user_id', 'users', 'SET NULL')],
      }),
    );

    await q.createTable(
      new Table({
        name: 'department_members',
        columns: [
          { ...col.ref('department_id'), isPrimary: true },
          { ...col.ref('user_id'), isPrimary: true },
        ],
        indices: [{ name: 'ix_department_members_user', columnNames: ['user_id'] }],
        foreignKeys: [fk('department_id', 'departments', 'CASCADE'), fk('user_id', 'users', 'CASCADE')],
      }),
    );

    await q.createTable(
      new Table({
        name: 'contacts',
        columns: [
          col.id(),
          col.str('name', 200, true),
          col.str('email', 320, true),
          col.str('channel_identity', 500, true),
          col.epoch('created_at'),
          col.epoch('updated_at'),
        ],
        indices: [
          { name: 'uq_contacts_email', columnNames: ['email'], isUnique: true },
          { name: 'uq_contacts_channel_identity', columnNames: ['channel_identity'], isUnique: true },
        ],
      }),
    );

    await q.createTable(
      new Table({
        name: 'connectors',
        columns: [
          col.id(),
          col.str('kind', 16),
          col.str('name', 200),
          col.bool('enabled', true),
          col.text('settings'),
          col.str('public_key', 64, true),
          col.text('cursor', true),
          col.str('state', 16, false, 'idle'),
          col.epoch('last_sync_at', true),
          col.text('last_error', true),
          col.int('ingested_total', false, 0),
          col.epoch('next_sync_at', true),
          col.str('locked_by', 64, true),
          col.epoch('locked_until', true),
          col.epoch('created_at'),
          col.epoch('updated_at'),
        ],
        indices: [
          { name: 'uq_connectors_public_key', columnNames: ['public_key'], isUnique: true },
          { name: 'ix_connectors_next_sync', columnNames: ['enabled', 'next_sync_at'] },
        ],
      }),
    );

    await q.createTable(
      new Table({
        name: 'conversations',
        columns: [
          col.id(),
          col.str('reference', 20),
          col.str('channel', 16),
          col.ref('connector_id', true),
          col.str('subject', 500, true),
          col.str('preview', 300),
          col.ref('contact_id'),
          col.str('status', 16),
          col.str('priority', 16),
          col.str('language', 8),
          col.str('sentiment_label', 16),
          col.real('sentiment_score'),
          col.str('topic', 64),
          col.real('topic_confidence'),
          col.real('rating', true),
          col.str('external_url', 2000, true),
          col.ref('department_id', true),
          col.ref('assignee_id', true),
          col.str('reply_channel', 16),
          col.str('status_token', 64, true),
          col.epoch('created_at'),
          col.epoch('last_message_at'),
          col.epoch('first_response_at', true),
          col.epoch('resolved_at', true),
          col.epoch('first_response_due_at', true),
          col.epoch('resolution_due_at', true),
          col.epoch('escalated_at', true),
          col.int('first_response_seconds', true),
          col.int('resolution_seconds', true),
          col.bool('resolved_without_reply', false),
          col.int('transfers', false, 0),
          col.int('repeat_contacts', false, 0),
          col.text('flags', true),
          col.epoch('updated_at'),
        ],
        indices: [
          { name: 'uq_conversations_reference', columnNames: ['reference'], isUnique: true },
          { name: 'uq_conversations_status_token', columnNames: ['status_token'], isUnique: true },
          // Inbox: newest activity first, keyset on (last_message_at, id), one index per filter.
          { name: 'ix_conversations_activity', columnNames: ['last_message_at', 'id'] },
          { name: 'ix_conversations_status_activity', columnNames: ['status', 'last_message_at', 'id'] },
          { name: 'ix_conversations_channel_activity', columnNames: ['channel', 'last_message_at', 'id'] },
          {
            name: 'ix_conversations_department_activity',
            columnNames: ['department_id', 'last_message_at', 'id'],
          },
          {
            name: 'ix_conversations_assignee_activity',
            columnNames: ['assignee_id', 'last_message_at', 'id'],
          },
          {
            name: 'ix_conversations_sentiment_activity',
            columnNames: ['sentiment_label', 'last_message_at', 'id'],
          },
          { name: 'ix_conversations_topic_activity', columnNames: ['topic', 'last_message_at', 'id'] },
          { name: 'ix_conversations_contact', columnNames: ['contact_id', 'created_at'] },
          { name: 'ix_conversations_created', columnNames: ['created_at'] },
          { name: 'ix_conversations_due', columnNames: ['first_response_due_at'] },
        ],
        foreignKeys: [
          fk('connector_id', 'connectors', 'SET NULL'),
          fk('contact_id', 'contacts', 'CASCADE'),
          fk('department_id', 'departments', 'SET NULL'),
          fk('assignee_id', 'users', 'SET NULL'),
        ],
      }),
    );

    await q.createTable(
      new Table({
        name: 'messages',
        columns: [
          col.id(),
          col.ref('conversation_id'),
          col.str('direction', 16),
          col.str('author_name', 200, true),
          col.ref('author_user_id', true),
          col.text('body'),
          col.text('html', true),
          col.text('full_body', true),
          col.bool('truncated', false),
          col.str('source', 64, true),
          col.str('external_id', 998, true),
          col.text('attachments', true),
          col.text('meta', true),
          col.str('delivery_status', 16, true),
          col.text('delivery_error', true),
          col.int('delivery_attempts', false, 0),
          col.epoch('created_at'),
        ],
        indices: [
          // Nothing twice: one remark per (connector or "api", external id).
          { name: 'uq_messages_source_external', columnNames: ['source', 'external_id'], isUnique: true },
          { name: 'ix_messages_external_id', columnNames: ['external_id'] },
          { name: 'ix_messages_conversation', columnNames: ['conversation_id', 'created_at'] },
          { name: 'ix_messages_delivery', columnNames: ['delivery_status'] },
        ],
        foreignKeys: [
          fk('conversation_id', 'conversations', 'CASCADE'),
          fk('author_user_id', 'users', 'SET NULL'),
        ],
      }),
    );

    await q.createTable(
      new Table({
        name: 'promises',
        columns: [
          col.id(),
          col.ref('conversation_id'),
          col.text('description'),
          col.epoch('due_at'),
          col.epoch('kept_at', true),
          col.ref('created_by_id', true),
          col.epoch('broken_notified_at', true),
          col.epoch('created_at'),
        ],
        indices: [
          { name: 'ix_promises_conversation', columnNames: ['conversation_id'] },
          { name: 'ix_promises_open_due', columnNames: ['kept_at', 'due_at'] },
        ],
        foreignKeys: [
          fk('conversation_id', 'conversations', 'CASCADE'),
          fk('created_by_id', 'users', 'SET NULL'),
        ],
      }),
    );

    await q.createTable(
      new Table({
        name: 'conversation_events',
        columns: [
          col.id(),
          col.ref('conversation_id'),
          col.str('type', 32),
          col.ref('actor_user_id', true),
          col.text('data', true),
          col.epoch('created_at'),
        ],
        indices: [
          { name: 'ix_conversation_events_conversation', columnNames: ['conversation_id', 'created_at'] },
        ],
        foreignKeys: [
          fk('conversation_id', 'conversations', 'CASCADE'),
          fk('actor_user_id', 'users', 'SET NULL'),
        ],
      }),
    );

    await q.createTable(
      new Table({
        name: 'routing_rules',
        columns: [
          col.id(),
          col.str('name', 200),
          col.int('position'),
          col.bool('enabled', true),
          col.text('conditions'),
          col.text('actions'),
          col.epoch('created_at'),
          col.epoch('updated_at'),
        ],
        indices: [{ name: 'ix_routing_rules_position', columnNames: ['position'] }],
      }),
    );

    await q.createTable(
      new Table({
        name: 'sla_policies',
        columns: [
          col.id(),
          col.str('name', 200),
          col.str('channel', 16, true),
          col.str('priority', 16, true),
          col.int('first_response_seconds'),
          col.int('resolution_seconds', true),
          col.epoch('created_at'),
          col.epoch('updated_at'),
        ],
      }),
    );

    await q.createTable(
      new Table({
        name: 'notifications',
        columns: [
          col.id(),
          col.ref('user_id'),
          col.str('type', 32),
          col.ref('conversation_id', true),
          col.text('message'),
          col.epoch('created_at'),
          col.epoch('read_at', true),
          col.epoch('emailed_at', true),
        ],
        indices: [{ name: 'ix_notifications_user', columnNames: ['user_id', 'created_at'] }],
        foreignKeys: [fk('user_id', 'users', 'CASCADE'), fk('conversation_id', 'conversations', 'CASCADE')],
      }),
    );

    await q.createTable(
      new Table({
        name: 'training_examples',
        columns: [
          col.id(),
          col.text('text'),
          col.str('language', 8, true),
          col.str('topic', 64, true),
          col.str('sentiment', 16, true),
          col.str('source', 32),
          col.ref('conversation_id', true),
          col.ref('created_by_id', true),
          col.epoch('created_at'),
        ],
        indices: [{ name: 'ix_training_examples_created', columnNames: ['created_at'] }],
      }),
    );

    await q.createTable(
      new Table({
        name: 'audit_log',
        columns: [
          col.id(),
          col.ref('actor_user_id', true),
          col.str('action', 64),
          col.str('entity_type', 32),
          col.ref('entity_id', true),
          col.text('data', true),
          col.epoch('created_at'),
        ],
        indices: [{ name: 'ix_audit_log_created', columnNames: ['created_at'] }],
      }),
    );

    // Named counters (conversation reference numbers), incremented inside the ingesting transaction.
    await q.createTable(
      new Table({
        name: 'counters',
        columns: [{ name: 'name', type: 'varchar', length: '64', isPrimary: true }, col.epoch('value')],
      }),
    );
    await q.query(`INSERT INTO counters (name, value) VALUES ('conversation_reference', 1000)`);

    await createSearchIndex(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropSearchIndex(q);
    for (const table of [
      'counters',
      'audit_log',
      'training_examples',
      'notifications',
      'sla_policies',
      'routing_rules',
      'conversation_events',
      'promises',
      'messages',
      'conversations',
      'connectors',
      'contacts',
      'department_members',
      'departments',
      'users',
    ]) {
      await q.dropTable(table);
    }
  }
}

function fk(column: string, table: string, onDelete: 'CASCADE' | 'SET NULL'): TableForeignKey {
  return new TableForeignKey({
    columnNames: [column],
    referencedTableName: table,
    referencedColumnNames: ['id'],
    onDelete,
  });
}

/**
 * Full-text search over subjects and message bodies. The one place where the two databases need
 * their own SQL: FTS5 tables kept up to date by triggers on SQLite; generated tsvector columns
 * (German and English stemming) with GIN indexes on PostgreSQL.
 * Later migrations that alter `messages` or `conversations` on SQLite must use plain
 * `ALTER TABLE … ADD COLUMN`: TypeORM's column helpers rebuild the table there, which drops these
 * triggers and renumbers the rowids the FTS tables point at.
 */
async function createSearchIndex(q: QueryRunner): Promise<void> {
  if (q.connection.options.type === 'postgres') {
    for (const [table, column] of [
      ['messages', 'body'],
      ['conversations', 'subject'],
    ] as const) {
      await q.query(
        `ALTER TABLE ${table} ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ` +
          `(to_tsvector('german', coalesce(${column}, '')) || to_tsvector('english', coalesce(${column}, ''))) STORED`,
      );
      await q.query(`CREATE INDEX ix_${table}_search ON ${table} USING GIN (search_vector)`);
    }
    return;
  }
  for (const [table, column] of [
    ['messages', 'body'],
    ['conversations', 'subject'],
  ] as const) {
    const fts = `${table}_fts`;
    await q.query(
      `CREATE VIRTUAL TABLE ${fts} USING fts5(${column}, content='${table}', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')`,
    );
    await q.query(
      `CREATE TRIGGER ${fts}_ai AFTER INSERT ON ${table} BEGIN INSERT INTO ${fts}(rowid, ${column}) VALUES (new.rowid, new.${column}); END`,
    );
    await q.query(
      `CREATE TRIGGER ${fts}_ad AFTER DELETE ON ${table} BEGIN INSERT INTO ${fts}(${fts}, rowid, ${column}) VALUES ('delete', old.rowid, old.${column}); END`,
    );
    await q.query(
      `CREATE TRIGGER ${fts}_au AFTER UPDATE OF ${column} ON ${table} BEGIN ` +
        `INSERT INTO ${fts}(${fts}, rowid, ${column}) VALUES ('delete', old.rowid, old.${column}); ` +
        `INSERT INTO ${fts}(rowid, ${column}) VALUES (new.rowid, new.${column}); END`,
    );
  }
}

async function dropSearchIndex(q: QueryRunner): Promise<void> {
  if (q.connection.options.type === 'postgres') return; // the columns go with their tables
  for (const table of ['messages', 'conversations']) {
    for (const suffix of ['ai', 'ad', 'au']) await q.query(`DROP TRIGGER IF EXISTS ${table}_fts_${suffix}`);
    await q.query(`DROP TABLE IF EXISTS ${table}_fts`);
  }
}
