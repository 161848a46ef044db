import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { runMigrations } from '../src/database/data-source.js';
import { importRemarks, makeRemark } from './factories/remarks.js';
import { TEST_DATABASES } from './support/databases.js';
import { api, startTestApp, type TestApp } from './support/test-app.js';

/** What each database's catalogue says about a table: `$1`/`?` is the table name. */
const CATALOGUE = {
  columns: {
    postgres: `SELECT column_name AS name FROM information_schema.columns WHERE table_name = $1`,
    sqlite: `SELECT name FROM pragma_table_info(?)`,
  },
  indexes: {
    postgres: `SELECT indexname AS name FROM pg_indexes WHERE tablename = $1`,
    sqlite: `SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?`,
  },
};

async function namesIn(ds: DataSource, kind: keyof typeof CATALOGUE, table: string): Promise<string[]> {
  const sql = CATALOGUE[kind][ds.options.type === 'postgres' ? 'postgres' : 'sqlite'];
  const rows: { name: string }[] = await ds.query(sql, [table]);
  return rows.map((r) => r.name).sort();
}
const columnNames = (ds: DataSource, table: string) => namesIn(ds, 'columns', table);
const indexNames = (ds: DataSource, table: string) => namesIn(ds, 'indexes', table);

describe.each(TEST_DATABASES)('migrations on %s', (db) => {
  let t: TestApp;
  let ds: DataSource;
  beforeAll(async () => {
    t = await startTestApp(db);
    ds = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  it('undoes and redoes the latest migrations on a database with data, keeping it searchable', async () => {
    const remark = makeRemark({
      text: `Migrationstest${db}: Die Rechnungen vom März sind doppelt abgebucht worden, bitte korrigieren.`,
    });
    const id = (await importRemarks(t, [remark])).outcomes[0].conversationId!;
    expect(await indexNames(ds, 'messages')).toContain('uq_messages_external_source');
    expect(await indexNames(ds, 'conversations')).not.toContain('ix_conversations_created');
    expect(await columnNames(ds, 'attachments')).toContain('content');
    expect(await columnNames(ds, 'users')).toContain('sessions_valid_after');

    await ds.undoLastMigration({ transaction: 'each' });
    expect(await columnNames(ds, 'users')).not.toContain('sessions_valid_after');
    await ds.undoLastMigration({ transaction: 'each' });
    expect(await columnNames(ds, 'attachments')).toEqual([]);
    await ds.undoLastMigration({ transaction: 'each' });
    expect(await indexNames(ds, 'messages')).toEqual(
      expect.arrayContaining(['uq_messages_source_external', 'ix_messages_external_id']),
    );
    await ds.undoLastMigration({ transaction: 'each' });
    expect(await indexNames(ds, 'conversations')).toContain('ix_conversations_created');
    expect(await columnNames(ds, 'messages')).not.toContain('language');

    await runMigrations(ds);
    expect(await columnNames(ds, 'attachments')).toContain('content');
    expect(await columnNames(ds, 'users')).toContain('sessions_valid_after');
    expect(await indexNames(ds, 'messages')).not.toContain('ix_messages_external_id');
    expect(await indexNames(ds, 'conversations')).not.toContain('ix_conversations_created');
    expect(await columnNames(ds, 'messages')).toContain('language');
    // The remark is still known once: sent again, it is a duplicate.
    expect(await importRemarks(t, [remark])).toMatchObject({ ingested: 0, duplicates: 1 });
    // Messages written before the migration take their conversation's language.
    const [message]: { language: string }[] = await ds.query(
      `SELECT language FROM messages WHERE conversation_id = ${db === 'postgres' ? '$1' : '?'}`,
      [id],
    );
    expect(message.language).toBe('de');
    const found = await api(t)
      .get('/api/conversations')
      .query({ q: `Migrationstest${db} Rechnung` })
      .expect(200);
    expect(found.body.items.map((c: { id: string }) => c.id)).toEqual([id]);
  });
});
