/**
 * Email channel speed against a real Dovecot on loopback:
 *  1. throughput: a mailbox of BENCH_MAILS customer mails synced through the whole channel
 *     (IMAP fetch, MIME parsing, quote/signature split, auto-reply check, then the ingestion
 *     pipeline: classify, route, persist) against a bare imapflow fetch + mailparser parse of
 *     the same mailbox, both from one run;
 *  2. latency: with the scheduler on and polling an hour away, the time from APPEND of a new mail
 *     until its message is stored (IDLE → sync job → ingest), over BENCH_LATENCY_MAILS mails.
 *
 *   npx jest --config jest.config.cjs --selectProjects integration --testMatch '**' \
 *     --runTestsByPath test/bench/email.bench.ts
 *
 * Environment: BENCH_MAILS (default 2000), BENCH_LATENCY_MAILS (default 40), TEST_DATABASES
 * (default sqlite,postgres), TEST_POSTGRES_URL.
 * Targets: ≥ 700 mails/s through the channel and ≥ 1/3 of the bare fetch+parse rate;
 * APPEND → stored p95 < 2 s.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { simpleParser } from 'mailparser';
import { performance } from 'node:perf_hooks';
import { demoRemarks } from '../../src/modules/demo/demo-remarks.js';
import { getConnector, rawQuery, syncConnector } from '../factories/connectors.js';
import { createEmailConnector, emailSettings, eventually, OUR_ADDRESS } from '../factories/email.js';
import { TEST_DATABASES } from '../support/databases.js';
import { type Dovecot, startDovecot } from '../support/dovecot.js';
import { type SmtpReceiver, startSmtpReceiver } from '../support/smtp-receiver.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const MAILS = Number(process.env.BENCH_MAILS ?? 2000);
const LATENCY_MAILS = Number(process.env.BENCH_LATENCY_MAILS ?? 40);
const results: string[] = [];

const encodedWord = (text: string) => `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;
const qp = (text: string) =>
  Buffer.from(text, 'utf8')
    .toString('latin1')
    .replace(/[^\n -<>-~]/g, (c) => `=${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

/** Realistic customer mails: German and English, a quarter HTML, a third quoting earlier mail. */
function customerMails(count: number, tag: string): Buffer[] {
  return demoRemarks(count, Date.now(), 30, `${tag}-`).map(({ remark }, i) => {
    const history =
      i % 3 === 0 ? `\n\nAm 01.03.2024 um 10:00 schrieb Support <${OUR_ADDRESS}>:\n> Vielen Dank.\n` : '';
    const text = remark.text + history;
    const headers = [
      `From: ${encodedWord(remark.author.name ?? 'Kunde')} <${remark.author.email ?? `k${i}@kunde.example`}>`,
      `To: ${OUR_ADDRESS}`,
      `Subject: ${encodedWord(remark.subject ?? 'Anfrage')}`,
      `Date: ${new Date(Number(remark.receivedAt)).toUTCString()}`,
      `Message-ID: <${tag}-${i}@kunde.example>`,
      'MIME-Version: 1.0',
    ];
    const body =
      i % 4 === 0
        ? [
            'Content-Type: multipart/alternative; boundary="b1"',
            '',
            '--b1',
            'Content-Type: text/plain; charset=utf-8',
            'Content-Transfer-Encoding: quoted-printable',
            '',
            qp(text),
            '--b1',
            'Content-Type: text/html; charset=utf-8',
            'Content-Transfer-Encoding: quoted-printable',
            '',
            qp(
              `<html><body>${text
                .split('\n\n')
                .map((p) => `<p>${p}</p>`)
                .join('')}</body></html>`,
            ),
            '--b1--',
          ]
        : [
            'Content-Type: text/plain; charset=utf-8',
            'Content-Transfer-Encoding: quoted-printable',
            '',
            qp(text),
          ];
    return Buffer.from([...headers, ...body, ''].join('\r\n'));
  });
}

/** The floor: fetch every source over IMAP and parse it, nothing else. */
async function bareFetchAndParse(
  dovecot: Dovecot,
  user: { user: string; password: string },
): Promise<number> {
  const client = dovecot.client(user);
  await client.connect();
  const started = performance.now();
  const lock = await client.getMailboxLock('INBOX');
  let parsed = 0;
  try {
    const total = client.mailbox ? client.mailbox.exists : 0;
    for (let from = 1; from <= total; from += 200) {
      const messages = await client.fetchAll(`${from}:${Math.min(total, from + 199)}`, {
        uid: true,
        source: true,
      });
      await Promise.all(messages.map(async (m) => (await simpleParser(m.source!)).subject));
      parsed += messages.length;
    }
  } finally {
    lock.release();
  }
  const seconds = (performance.now() - started) / 1000;
  await client.logout();
  expect(parsed).toBe(MAILS);
  return parsed / seconds;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

describe.each(TEST_DATABASES)('email channel speed on %s', (db) => {
  let dovecot: Dovecot;
  let smtp: SmtpReceiver;
  const apps: TestApp[] = [];
  afterAll(async () => {
    for (const app of apps) await app.close();
    await Promise.all([dovecot?.stop(), smtp?.stop()]);
  });

  it(`syncs a mailbox of ${MAILS} mails`, async () => {
    [dovecot, smtp] = await Promise.all([startDovecot(), startSmtpReceiver()]);
    const account = dovecot.addUser('bench', 'bench-secret');
    await dovecot.append(account, customerMails(MAILS, 'bench'));
    // The floor at its best: the first run warms the JIT up, the better of two more counts.
    await bareFetchAndParse(dovecot, account);
    const bareRate = Math.max(
      await bareFetchAndParse(dovecot, account),
      await bareFetchAndParse(dovecot, account),
    );

    const t = await startTestApp(db);
    apps.push(t);
    const connector = await createEmailConnector(t, emailSettings(dovecot, account, smtp));
    // Warm-up as for the floor (which parsed the mailbox three times before it counted): a
    // mailbox of the same size of its own, so classifier, database and JIT are warm.
    const warm = dovecot.addUser('warm', 'warm-secret');
    await dovecot.append(warm, customerMails(MAILS, 'warm'));
    await syncConnector(t, (await createEmailConnector(t, emailSettings(dovecot, warm, smtp))).id);

    const started = performance.now();
    const result = await syncConnector(t, connector.id);
    const seconds = (performance.now() - started) / 1000;
    expect(result).toEqual({ fetched: MAILS, ingested: MAILS, duplicates: 0, failed: 0 });
    const rate = MAILS / seconds;
    const line =
      `${db}: channel ${Math.round(rate)} mails/s (${MAILS} in ${seconds.toFixed(2)} s, classified and routed); ` +
      `bare imapflow+mailparser ${Math.round(bareRate)} mails/s; ratio ${(rate / bareRate).toFixed(2)}`;
    results.push(line);
    console.log(line);
  }, 600_000);

  it(`brings ${LATENCY_MAILS} new mails in by IDLE`, async () => {
    const account = dovecot.addUser('latency', 'latency-secret');
    const t = await startTestApp(db, { env: { SCHEDULER_ENABLED: 'true' } });
    apps.push(t);
    const { id } = await createEmailConnector(
      t,
      emailSettings(dovecot, account, smtp, { pollIntervalSeconds: 3600 }),
    );
    await eventually(async () => ((await getConnector(t, id)).status.lastSyncAt ? true : null), 30_000);
    const mails = customerMails(LATENCY_MAILS, 'latency');
    const latencies: number[] = [];
    for (let i = 0; i < mails.length; i++) {
      const started = performance.now();
      await dovecot.append(account, [mails[i]]);
      await eventually(
        async () => {
          const rows = await rawQuery(t, 'SELECT id FROM messages WHERE external_id = ?', [
            `<latency-${i}@kunde.example>`,
          ]);
          return rows.length ? true : null;
        },
        30_000,
        10,
      );
      latencies.push(performance.now() - started);
    }
    const line =
      `${db}: APPEND → stored with IDLE over ${LATENCY_MAILS} mails: p50 ${Math.round(percentile(latencies, 50))} ms, ` +
      `p95 ${Math.round(percentile(latencies, 95))} ms, max ${Math.round(Math.max(...latencies))} ms`;
    results.push(line);
    console.log(line);
  }, 600_000);
});

afterAll(() => {
  if (results.length) console.log(`email benchmark\n${results.join('\n')}`);
});
