// Ingestion speed: remarks through the whole pipeline (normalise, dedupe, contacts, classify,
// route, due time, persist) against a raw batched INSERT of the very same rows into a fresh
// database of the same kind (same schema, indexes and search triggers).
//
//   npm run bench                                      # every benchmark
//   npx jest --config jest.config.cjs --selectProjects integration --testMatch '**/test/bench/*.bench.ts' \
//     --runTestsByPath test/bench/ingest.bench.ts      # this one alone
//
// Environment: BENCH_REMARKS (default 100000), BENCH_BATCH (remarks per ingest call, default 10000
// as a connector's pull hands them over; the pipeline commits them 1,000 per transaction), TEST_DATABASES (default sqlite,postgres), TEST_POSTGRES_URL.
// Targets: ≥ 5,000 remarks/s on each database, and ≥ 0.3 of the raw INSERT rate.

import { afterAll, describe, expect, it } from '@jest/globals';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { ContactEntity } from '../../src/modules/contacts/contact.entity.js';
import { ConversationEntity } from '../../src/modules/conversations/conversation.entity.js';
import { MessageEntity } from '../../src/modules/conversations/message.entity.js';
import { demoRemarks } from '../../src/modules/demo/demo-remarks.js';
import { bulkInsert } from '../../src/modules/ingestion/bulk-insert.js';
import { INGEST_BATCH_SIZE, IngestionService } from '../../src/modules/ingestion/ingestion.service.js';
import { TEST_DATABASES } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const REMARKS = Number(process.env.BENCH_REMARKS ?? 100_000);
const BATCH = Number(process.env.BENCH_BATCH ?? 10_000);
const results: string[] = [];

async function readAll<T extends object>(ds: DataSource, entity: new () => T): Promise<T[]> {
  return ds.getRepository(entity).find();
}

describe.each(TEST_DATABASES)('ingestion speed on %s', (db) => {
  const apps: TestApp[] = [];
  afterAll(async () => {
    for (const app of apps) await app.close();
  });

  it(`ingests ${REMARKS} remarks`, async () => {
    const t = await startTestApp(db);
    apps.push(t);
    const remarks = demoRemarks(REMARKS, Date.now(), 30, 'bench-').map((d) => d.remark);
    const ingestion = t.app.get(IngestionService);
    await ingestion.ingest(demoRemarks(200, Date.now(), 1, 'warmup-').map((d) => d.remark));

    const started = performance.now();
    let ingested = 0;
    for (let i = 0; i < remarks.length; i += BATCH) {
      ingested += (await ingestion.ingest(remarks.slice(i, i + BATCH))).ingested;
    }
    const pipelineSeconds = (performance.now() - started) / 1000;
    expect(ingested).toBe(REMARKS);
    const pipelineRate = REMARKS / pipelineSeconds;

    // The same rows, written by a plain batched INSERT (same transaction size) into a fresh database.
    const source = t.app.get(DataSource);
    const [contacts, conversations, messages] = [
      await readAll(source, ContactEntity),
      await readAll(source, ConversationEntity),
      await readAll(source, MessageEntity),
    ];
    const raw = await startTestApp(db);
    apps.push(raw);
    const target = raw.app.get(DataSource);
    // Department ids differ between the two databases; the names are the same.
    type Row = { id: string; name: string };
    const sourceNames = new Map<string, string>(
      ((await source.query('SELECT id, name FROM departments')) as Row[]).map((d) => [d.id, d.name]),
    );
    const targetIds = new Map<string, string>(
      ((await target.query('SELECT id, name FROM departments')) as Row[]).map((d) => [d.name, d.id]),
    );
    for (const c of conversations) {
      c.departmentId = c.departmentId ? (targetIds.get(sourceNames.get(c.departmentId) ?? '') ?? null) : null;
    }
    const contactById = new Map(contacts.map((c) => [c.id, c]));
    const byConversation = new Map<string, MessageEntity[]>();
    for (const m of messages) {
      const list = byConversation.get(m.conversationId) ?? [];
      list.push(m);
      byConversation.set(m.conversationId, list);
    }
    const contactIds = new Set<string>();
    const rawStarted = performance.now();
    for (let i = 0; i < conversations.length; i += INGEST_BATCH_SIZE) {
      const chunk = conversations.slice(i, i + INGEST_BATCH_SIZE);
      const chunkContacts = chunk
        .map((c) => c.contactId)
        .filter((id) => !contactIds.has(id) && contactIds.add(id))
        .map((id) => contactById.get(id)!);
      await target.transaction(async (manager) => {
        await bulkInsert(manager, ContactEntity, chunkContacts);
        await bulkInsert(manager, ConversationEntity, chunk);
        await bulkInsert(
          manager,
          MessageEntity,
          chunk.flatMap((c) => byConversation.get(c.id) ?? []),
        );
      });
    }
    const rawSeconds = (performance.now() - rawStarted) / 1000;
    const rawRate = conversations.length / rawSeconds;
    const line =
      `${db}: pipeline ${Math.round(pipelineRate)} remarks/s (${REMARKS} in ${pipelineSeconds.toFixed(1)} s); ` +
      `raw INSERT ${Math.round(rawRate)} remarks/s; ratio ${(pipelineRate / rawRate).toFixed(2)}`;
    results.push(line);
    console.log(line);
  }, 3_600_000);
});

afterAll(() => {
  if (results.length) console.log(`ingestion benchmark\n${results.join('\n')}`);
});
