import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { getConnector } from './factories/connectors.js';
import {
  conversationOfMail,
  createEmailConnector,
  customerMail,
  emailSettings,
  eventually,
} from './factories/email.js';
import { TEST_DATABASES } from './support/databases.js';
import { type Dovecot, type DovecotUser, startDovecot } from './support/dovecot.js';
import { type SmtpReceiver, startSmtpReceiver } from './support/smtp-receiver.js';
import { startTestApp, type TestApp } from './support/test-app.js';

jest.setTimeout(60_000);

/** Generous: the point is that mail arrives with polling an hour away, not how fast. */
const WAIT_MS = 15_000;

const mail = (messageId: string, subject: string) =>
  customerMail({
    from: 'Ida Idle <ida@kunde.example>',
    subject,
    body: 'Ist meine Bestellung schon unterwegs?',
    messageId,
  });

describe.each(TEST_DATABASES)('email IDLE with the scheduler on (%s)', (db) => {
  let t: TestApp;
  let dovecot: Dovecot;
  let smtp: SmtpReceiver;
  let account: DovecotUser;
  let connectorId: string;

  beforeAll(async () => {
    [dovecot, smtp] = await Promise.all([startDovecot(), startSmtpReceiver()]);
    account = dovecot.addUser('idle', 'idle-secret');
    t = await startTestApp(db, { env: { SCHEDULER_ENABLED: 'true' } });
    // Polling once an hour: only IDLE can bring a new mail in during the test.
    const connector = await createEmailConnector(
      t,
      emailSettings(dovecot, account, smtp, { pollIntervalSeconds: 3600 }),
    );
    connectorId = connector.id;
    await eventually(
      async () => ((await getConnector(t, connectorId)).status.lastSyncAt ? true : null),
      WAIT_MS,
    );
  });
  afterAll(async () => {
    await t?.close();
    await Promise.all([dovecot?.stop(), smtp?.stop()]);
  });

  it('brings a new mail into the inbox without a manual sync', async () => {
    const messageId = `<idle-${randomBytes(6).toString('hex')}@kunde.example>`;
    await dovecot.append(account, [mail(messageId, 'Lieferstatus')]);
    const conversation = await eventually(() => conversationOfMail(t, messageId), WAIT_MS);
    expect(conversation.subject).toBe('Lieferstatus');
    expect(conversation.messages).toHaveLength(1);
  });

  it('reconnects after the server drops the connection and catches up', async () => {
    await dovecot.kick(account);
    const messageId = `<kicked-${randomBytes(6).toString('hex')}@kunde.example>`;
    await dovecot.append(account, [mail(messageId, 'Nach dem Abbruch')]);
    const conversation = await eventually(() => conversationOfMail(t, messageId), WAIT_MS);
    expect(conversation.subject).toBe('Nach dem Abbruch');
  });
});
