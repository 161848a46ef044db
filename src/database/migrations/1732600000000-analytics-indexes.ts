import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the analytics reports and the SLA check, plain composite B-trees so they work the
 * same on SQLite and PostgreSQL (measured with test/bench/analytics.bench.ts on 1M conversations).
 *
 * - Response times per channel / department / assignee: the group key first, so PostgreSQL reads
 *   the rows already grouped (no sort of the whole window before the per-group percentiles), and
 *   every column the report needs, so it never touches the table (index-only scan).
 * - The overview: every column it counts by, after the creation time.
 * - Responsibility "now" and the SLA check: the column that is NULL for the interesting rows
 *   first (no assignee, no first response), which makes these behave like partial indexes.
 */
const INDEXES: { name: string; columns: string[] }[] = [
  {
    name: 'ix_conversations_channel_times',
    columns: ['channel', 'created_at', 'first_response_at', 'resolved_at', 'first_response_due_at'],
  },
  {
    name: 'ix_conversations_department_times',
    columns: ['department_id', 'created_at', 'first_response_at', 'resolved_at', 'first_response_due_at'],
  },
  // `status` last also serves "unassigned and not resolved" (assignee_id IS NULL) from the index alone.
  {
    name: 'ix_conversations_assignee_times',
    columns: [
      'assignee_id',
      'created_at',
      'first_response_at',
      'resolved_at',
      'first_response_due_at',
      'status',
    ],
  },
  // Overdue (unanswered, past due) and the escalation candidates (… and escalated_at IS NULL).
  {
    name: 'ix_conversations_unanswered',
    columns: ['first_response_at', 'escalated_at', 'status', 'first_response_due_at'],
  },
  // The overview's counts and daily trend over a window, from the index alone.
  {
    name: 'ix_conversations_overview',
    columns: ['created_at', 'status', 'channel', 'sentiment_label', 'topic'],
  },
  { name: 'ix_conversations_transfers', columns: ['transfers'] },
  { name: 'ix_conversations_without_reply', columns: ['resolved_without_reply', 'status'] },
];

export class AnalyticsIndexes1732600000000 implements MigrationInterface {
  name = 'AnalyticsIndexes1732600000000';

  // Plain SQL, the same on both databases. (QueryRunner.createIndex first loads the table's
  // metadata, which on PostgreSQL trips over the generated search column of the initial schema.)
  async up(q: QueryRunner): Promise<void> {
    for (const index of INDEXES) {
      await q.query(`CREATE INDEX ${index.name} ON conversations (${index.columns.join(', ')})`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const index of [...INDEXES].reverse()) await q.query(`DROP INDEX ${index.name}`);
  }
}
