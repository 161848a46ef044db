import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { randomBytes, randomUUID } from 'node:crypto';
import request from 'supertest';
import type { ConnectorBody } from './factories/connectors.js';
import { getConnector, rawQuery, syncConnector } from './factories/connectors.js';
import {
  conversationOfMail,
  createEmailConnector,
  customerMail,
  bytes,
  emailSettings,
  eventually,
  messageRow,
  OUR_ADDRESS,
  type StoredMessage,
} from './factories/email.js';
import { createWebform, drainJobs, postForm, storedCounts } from './factories/webform.js';
import { mailFixture } from './fixtures/mail/fixtures.js';
import { TEST_DATABASES } from './support/databases.js';
import { type Dovecot, type DovecotUser, startDovecot } from './support/dovecot.js';
import { type SmtpReceiver, startSmtpReceiver } from './support/smtp-receiver.js';
import { api, startTestApp, type TestApp } from './support/test-app.js';
import { MAX_ATTACHMENT_BYTES } from '../src/modules/attachments/attachment-files.js';
import { AttachmentsService, UNSENT_UPLOAD_TTL_MS } from '../src/modules/attachments/attachments.service.js';
import { createConversation } from './factories/remarks.js';
import { createUser } from './factories/users.js';

const uniqueId = (tag: string) => `<${tag}-${randomBytes(6).toString('hex')}@kunde.example>`;

async function reply(t: TestApp, conversationId: string, body: string): Promise<string> {
  const res = await api(t).post(`/api/conversations/${conversationId}/replies`).send({ body }).expect(201);
  await drainJobs(t);
  return res.body.id as string;
}

jest.setTimeout(60_000);

describe.each(TEST_DATABASES)('email channel on %s', (db) => {
  let t: TestApp;
  let dovecot: Dovecot;
  let smtp: SmtpReceiver;
  let account: DovecotUser;
  let connector: ConnectorBody;

  beforeAll(async () => {
    [dovecot, smtp] = await Promise.all([startDovecot(), startSmtpReceiver()]);
    account = dovecot.addUser('support', 'imap-secret');
    // The global outgoing mail goes to the same receiver, so any automatic answer would show there.
    t = await startTestApp(db, {
      env: { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, MAIL_FROM: 'Resonanz <noreply@resonanz.example>' },
    });
    connector = await createEmailConnector(t, emailSettings(dovecot, account, smtp));
  });
  afterAll(async () => {
    await t?.close();
    await Promise.all([dovecot?.stop(), smtp?.stop()]);
  });

  it('masks both passwords in responses', () => {
    expect(connector.settings).toMatchObject({
      imap: { password: '********', mailbox: 'INBOX' },
      address: OUR_ADDRESS,
    });
  });

  it('reports wrong IMAP credentials and a working account clearly in the connection test', async () => {
    const ok = await api(t).post(`/api/connectors/${connector.id}/test`).expect(200);
    expect(ok.body.ok).toBe(true);
    expect(ok.body.detail).toMatch(/logged in .* as support/);
    const wrong = await createEmailConnector(t, emailSettings(dovecot, account, smtp, { password: 'wrong' }));
    const res = await api(t).post(`/api/connectors/${wrong.id}/test`).expect(200);
    expect(res.body.ok).toBe(false);
    expect(res.body.detail).toMatch(/IMAP: login as support .* failed: wrong user name or password/);
    const failedSync = await syncConnector(t, wrong.id);
    expect(failedSync.error).toBeTruthy();
    expect((await getConnector(t, wrong.id)).status.state).toBe('error');
    await api(t).delete(`/api/connectors/${wrong.id}`).expect(204);
  });

  it('reports a refused SMTP login in the connection test', async () => {
    const guarded = await startSmtpReceiver({ auth: { user: 'mailer', password: 'right' } });
    try {
      const settings = {
        ...emailSettings(dovecot, account, guarded),
        smtp: { host: guarded.host, port: guarded.port, secure: false, user: 'mailer', password: 'wrong' },
      };
      const bad = await createEmailConnector(t, settings);
      const res = await api(t).post(`/api/connectors/${bad.id}/test`).expect(200);
      expect(res.body.ok).toBe(false);
      expect(res.body.detail).toMatch(/SMTP: login as mailer .* failed: wrong user name or password/);
      await api(t)
        .patch(`/api/connectors/${bad.id}`)
        .send({ settings: { smtp: { password: 'right' } } })
        .expect(200);
      expect((await api(t).post(`/api/connectors/${bad.id}/test`).expect(200)).body).toMatchObject({
        ok: true,
      });
      await api(t).delete(`/api/connectors/${bad.id}`).expect(204);
    } finally {
      await guarded.stop();
    }
  });

  it('rejects invalid settings with one message per field', async () => {
    const res = await api(t)
      .post('/api/connectors')
      .send({ kind: 'email', name: 'Broken', settings: { imap: { host: '' }, smtp: {}, address: 'x' } })
      .expect(400);
    expect(res.body.message).toEqual(
      expect.arrayContaining([
        'settings.imap.host must be a non-empty string',
        'settings.address must be an email address',
      ]),
    );
  });

  it('ingests German mail with decoded subject and sender, history and signature split off', async () => {
    await dovecot.append(account, [mailFixture('german-umlauts'), mailFixture('outlook-reply-de')]);
    expect(await syncConnector(t, connector.id)).toEqual({
      fetched: 2,
      ingested: 2,
      duplicates: 0,
      failed: 0,
    });

    const joerg = await conversationOfMail(t, '<20240312101500.4711@kunde.example>');
    expect(joerg).toMatchObject({
      channel: 'email',
      connectorId: connector.id,
      subject: 'Beschädigte Lieferung – Bestellung 4711 ärgerlich',
      replyChannel: 'email',
      contact: { name: 'Jörg Müller', email: 'joerg.mueller@kunde.example' },
    });
    const [message] = joerg!.messages as StoredMessage[];
    expect(message.authorName).toBe('Jörg Müller');
    expect(message.body).toBe(
      'Guten Tag,\n\nmeine Lieferung ist beschädigt angekommen, der Karton war aufgerissen und\n' +
        'zwei Gläser sind zerbrochen. Ich möchte einen Ersatz.',
    );
    const claudia = await conversationOfMail(t, '<AM0PR01MB1234.outlook-de@firma.example>');
    expect(claudia!.messages[0].body).toBe(
      'Hallo,\n\ndie Rechnung wurde doppelt abgebucht. Bitte erstatten Sie den Betrag.',
    );
  });

  it('stores hostile HTML sanitised: no script, event handler or javascript: URL survives', async () => {
    await dovecot.append(account, [mailFixture('html-hostile')]);
    expect((await syncConnector(t, connector.id)).ingested).toBe(1);
    const conversation = await conversationOfMail(t, '<hostile-1@attacker.example>');
    const [message] = conversation!.messages as StoredMessage[];
    expect(message.html).toContain('My invoice shows the wrong amount.');
    expect(message.html).not.toMatch(/<script|\son\w+\s*=|javascript:|<iframe|<form/i);
    expect(message.body).not.toMatch(/alert|steal/);
  });

  it('never opens a conversation for auto-replies, list mail and bounces, nor answers them', async () => {
    const before = await storedCounts(t);
    const sentBefore = smtp.messages.length;
    await dovecot.append(account, [
      mailFixture('auto-reply', { TOKEN: 'a1' }),
      customerMail({
        from: 'news@shop-news.example',
        subject: 'Newsletter',
        body: 'Angebote',
        messageId: uniqueId('news'),
        extra: [
          'List-Id: Shop news <news.shop-news.example>',
          'List-Unsubscribe: <mailto:u@shop-news.example>',
        ],
      }),
      mailFixture('dsn-bounce', { TOKEN: 'b1' }),
    ]);
    expect(await syncConnector(t, connector.id)).toEqual({
      fetched: 3,
      ingested: 0,
      duplicates: 3,
      failed: 0,
    });
    expect(await storedCounts(t)).toEqual(before);
    await drainJobs(t);
    expect(smtp.messages).toHaveLength(sentBefore);
  });

  it('stores malformed mail flagged instead of failing or dropping it', async () => {
    const broken = Buffer.from(
      'From: "Kaputt <broken@@kunde.example\r\nDate: not a date\r\nSubject: =?x-unknown?Q?Hallo?=\r\n' +
        'Message-ID: <broken-1@kunde.example>\r\nContent-Type: text/plain; charset=x-does-not-exist\r\n\r\nText\r\n',
    );
    await dovecot.append(account, [Buffer.from('no headers at all, just words\r\n'), broken]);
    expect(await syncConnector(t, connector.id)).toEqual({
      fetched: 2,
      ingested: 2,
      duplicates: 0,
      failed: 0,
    });
    const flags = await rawQuery<{ flags: string }>(
      t,
      "SELECT c.flags FROM conversations c JOIN messages m ON m.conversation_id = c.id WHERE m.body LIKE 'no headers%'",
    );
    expect(JSON.parse(flags[0].flags)).toEqual(expect.arrayContaining(['unreadable_mail', 'no_message_id']));
    expect(await conversationOfMail(t, '<broken-1@kunde.example>')).not.toBeNull();
  });

  it('keeps attached files for download, saved rather than shown, until the sender is erased', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(3000)]);
    const page = Buffer.from('<html><script>alert(document.cookie)</script></html>');
    const messageId = uniqueId('files');
    await dovecot.append(account, [
      customerMail({
        from: 'Anna Beispiel <anna.files@kunde.example>',
        subject: 'Rechnung anbei',
        body: 'Die Rechnung im Anhang ist falsch berechnet.',
        messageId,
        files: [
          { filename: 'Rechnung März.pdf', contentType: 'application/pdf', content: pdf },
          { filename: 'seite.html', contentType: 'text/html', content: page },
        ],
      }),
    ]);
    expect((await syncConnector(t, connector.id)).ingested).toBe(1);
    const conversation = (await conversationOfMail(t, messageId))!;
    const [message] = conversation.messages as StoredMessage[];
    expect(message.attachments).toEqual([
      {
        id: expect.any(String),
        filename: 'Rechnung März.pdf',
        contentType: 'application/pdf',
        size: pdf.length,
        url: expect.stringMatching(/^\/api\/attachments\//),
      },
      {
        id: expect.any(String),
        filename: 'seite.html',
        contentType: 'text/html',
        size: page.length,
        url: expect.stringMatching(/^\/api\/attachments\//),
      },
    ]);
    const [pdfUrl, pageUrl] = message.attachments!.map((a) => a.url!);

    const download = await api(t).get(pdfUrl).buffer(true).parse(bytes).expect(200);
    expect(Buffer.compare(download.body as Buffer, pdf)).toBe(0);
    expect(download.headers).toMatchObject({
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="Rechnung M_rz.pdf"; filename*=UTF-8''Rechnung%20M%C3%A4rz.pdf`,
      'x-content-type-options': 'nosniff',
    });
    // HTML from a customer must never run on our origin: it comes as bytes to save.
    const html = await api(t).get(pageUrl).buffer(true).parse(bytes).expect(200);
    expect(html.headers['content-type']).toBe('application/octet-stream');
    expect(html.headers['content-disposition']).toMatch(/^attachment;/);
    expect(Buffer.compare(html.body as Buffer, page)).toBe(0);
    await request(t.http).get(pdfUrl).expect(401);
    await api(t).get(`/api/attachments/${randomUUID()}`).expect(404);
    await api(t).get('/api/attachments/not-an-id').expect(404);

    const erased = await api(t).delete(`/api/contacts/${conversation.contact.id}`).expect(200);
    expect(erased.body).toMatchObject({ messages: 1, attachments: 2 });
    await api(t).get(pdfUrl).expect(404);
  });

  it('ingests nothing on a second sync, nor after a restart', async () => {
    const conversations = (await storedCounts(t)).conversations;
    expect(await syncConnector(t, connector.id)).toEqual({
      fetched: 0,
      ingested: 0,
      duplicates: 0,
      failed: 0,
    });
    await t.restart();
    expect(await syncConnector(t, connector.id)).toEqual({
      fetched: 0,
      ingested: 0,
      duplicates: 0,
      failed: 0,
    });
    expect((await storedCounts(t)).conversations).toBe(conversations);
    const stored = await getConnector(t, connector.id);
    expect(stored.status).toMatchObject({ state: 'ok', ingestedTotal: 6 });
  });

  it('reads a mailbox again after a UIDVALIDITY change without duplicating anything', async () => {
    const resync = await createEmailConnector(
      t,
      emailSettings(dovecot, account, smtp, { mailbox: 'Resync' }),
    );
    const first = [uniqueId('r1'), uniqueId('r2')].map((id, i) =>
      customerMail({
        from: `r${i}@kunde.example`,
        subject: `Frage ${i}`,
        body: `Frage Nummer ${i}`,
        messageId: id,
      }),
    );
    await dovecot.append(account, first, 'Resync');
    expect((await syncConnector(t, resync.id)).ingested).toBe(2);
    const before = (
      await rawQuery<{ cursor: string }>(t, 'SELECT cursor FROM connectors WHERE id = ?', [resync.id])
    )[0];

    await dovecot.recreateMailbox(account, 'Resync');
    const third = customerMail({
      from: 'r3@kunde.example',
      subject: 'Neu',
      body: 'Neue Frage',
      messageId: uniqueId('r3'),
    });
    await dovecot.append(account, [...first, third], 'Resync');
    expect(await syncConnector(t, resync.id)).toEqual({ fetched: 3, ingested: 1, duplicates: 2, failed: 0 });
    const after = (
      await rawQuery<{ cursor: string }>(t, 'SELECT cursor FROM connectors WHERE id = ?', [resync.id])
    )[0];
    expect(JSON.parse(after.cursor).uidValidity).not.toBe(JSON.parse(before.cursor).uidValidity);
    expect(JSON.parse(after.cursor).lastUid).toBe(3);
  });

  describe('replies and the answers to them', () => {
    let conversationId: string;
    let replyId: string;

    it('sends a reply over SMTP with threading headers and our own Message-ID', async () => {
      const conversation = await conversationOfMail(t, '<20240312101500.4711@kunde.example>');
      conversationId = conversation!.id;
      const sentBefore = smtp.messages.length;
      replyId = await reply(t, conversationId, 'Guten Tag Herr Müller, wir senden Ersatz.');
      const [mail] = (await smtp.waitFor(sentBefore + 1)).slice(sentBefore);
      const ourId = `<${replyId}@shop.example>`;
      expect(mail.to).toEqual(['joerg.mueller@kunde.example']);
      expect(mail.parsed.from?.value[0].address).toBe(OUR_ADDRESS);
      expect(mail.parsed.subject).toBe(
        `Re: Beschädigte Lieferung – Bestellung 4711 ärgerlich [#${conversation!.reference}]`,
      );
      expect(mail.parsed.messageId).toBe(ourId);
      expect(mail.parsed.inReplyTo).toBe('<20240312101500.4711@kunde.example>');
      expect([mail.parsed.references].flat()).toEqual(['<20240312101500.4711@kunde.example>']);
      expect(mail.parsed.text?.trim()).toBe('Guten Tag Herr Müller, wir senden Ersatz.');
      expect(await messageRow(t, replyId)).toMatchObject({ delivery_status: 'sent', external_id: ourId });
    });

    it('sends files the agent attached with the reply, once, and only their own', async () => {
      const label = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(2000)]);
      const upload = await api(t)
        .post('/api/attachments')
        .attach('file', label, { filename: 'Rücksendeetikett.pdf', contentType: 'application/pdf' })
        .expect(201);
      expect(upload.body).toEqual({
        id: expect.any(String),
        filename: 'Rücksendeetikett.pdf',
        contentType: 'application/pdf',
        size: label.length,
        url: `/api/attachments/${upload.body.id}`,
      });
      // Another conversation than the one the threading tests follow.
      const claudia = (await conversationOfMail(t, '<AM0PR01MB1234.outlook-de@firma.example>'))!.id;
      const sentBefore = smtp.messages.length;
      const res = await api(t)
        .post(`/api/conversations/${claudia}/replies`)
        .send({ body: 'Anbei das Etikett für die Rücksendung.', attachmentIds: [upload.body.id] })
        .expect(201);
      expect(res.body.attachments).toEqual([
        expect.objectContaining({ id: upload.body.id, url: upload.body.url }),
      ]);
      await drainJobs(t);
      const [mail] = (await smtp.waitFor(sentBefore + 1)).slice(sentBefore);
      expect(mail.parsed.attachments.map((a) => [a.filename, a.contentType])).toEqual([
        ['Rücksendeetikett.pdf', 'application/pdf'],
      ]);
      expect(Buffer.compare(mail.parsed.attachments[0].content, label)).toBe(0);

      // Sent once: the same upload cannot go out again; nor can a colleague's.
      const again = await api(t)
        .post(`/api/conversations/${claudia}/notes`)
        .send({ body: 'Nochmal', attachmentIds: [upload.body.id] })
        .expect(400);
      expect(again.body.message).toBe('attachmentIds: unknown, already sent, or uploaded by someone else');
      const colleague = await createUser(t, 'agent');
      const theirs = await api(t, colleague.token)
        .post('/api/attachments')
        .attach('file', Buffer.from('notiz'), 'notiz.txt')
        .expect(201);
      await api(t)
        .post(`/api/conversations/${claudia}/notes`)
        .send({ body: 'Fremd', attachmentIds: [theirs.body.id] })
        .expect(400);
      // Their own note may carry it; a reply to a review could not.
      await api(t, colleague.token)
        .post(`/api/conversations/${claudia}/notes`)
        .send({ body: 'Intern', attachmentIds: [theirs.body.id] })
        .expect(201);
      const review = await createConversation(t, { channel: 'api' });
      const unsent = await api(t)
        .post('/api/attachments')
        .attach('file', Buffer.from('x'), 'x.txt')
        .expect(201);
      const refused = await api(t)
        .post(`/api/conversations/${review}/replies`)
        .send({ body: 'Mit Datei', attachmentIds: [unsent.body.id] })
        .expect(400);
      expect(refused.body.message).toBe('attachmentIds: files can only be sent by email; add them to a note');

      // Uploads never sent are gone after a day; bigger files than 25 MB and empty posts are refused.
      expect(
        await t.app.get(AttachmentsService).sweep(Date.now() + UNSENT_UPLOAD_TTL_MS + 1000),
      ).toBeGreaterThanOrEqual(1);
      await api(t).get(unsent.body.url).expect(404);
      await api(t).get(upload.body.url).expect(200);
      await api(t)
        .post('/api/attachments')
        .attach('file', Buffer.alloc(MAX_ATTACHMENT_BYTES + 1), 'gross.bin')
        .expect(413);
      await api(t).post('/api/attachments').field('name', 'x').expect(400);
    });

    it("threads the customer's answer back by In-Reply-To despite a new subject, and reopens", async () => {
      await api(t).patch(`/api/conversations/${conversationId}`).send({ status: 'resolved' }).expect(200);
      const answer = mailFixture('reply-with-history', {
        TOKEN: 'a1',
        // Date headers have whole seconds: a little ahead, so the answer is after our reply.
        DATE: new Date(Date.now() + 2000).toUTCString(),
        OUR_ADDRESS,
        IN_REPLY_TO: `<${replyId}@shop.example>`,
        REFERENCES: `<20240312101500.4711@kunde.example> <${replyId}@shop.example>`,
      });
      const conversations = (await storedCounts(t)).conversations;
      await dovecot.append(account, [answer]);
      expect((await syncConnector(t, connector.id)).ingested).toBe(1);
      expect((await storedCounts(t)).conversations).toBe(conversations);
      const thread = await api(t).get(`/api/conversations/${conversationId}`).expect(200);
      expect(thread.body.status).toBe('open');
      expect(thread.body.messages.map((m: StoredMessage) => m.direction)).toEqual([
        'inbound',
        'outbound',
        'inbound',
      ]);
      expect(thread.body.messages[2].body).toBe(
        'Hallo,\n\ndanke, aber das Paket ist heute immer noch nicht angekommen. Bitte prüfen Sie das.',
      );
    });

    it('threads by the [#R-…] subject token when the headers are gone, but not by a similar subject', async () => {
      const conversation = await api(t).get(`/api/conversations/${conversationId}`).expect(200);
      const reference = conversation.body.reference as string;
      const byToken = customerMail({
        from: 'joerg.mueller@kunde.example',
        subject: `Noch etwas [#${reference}]`,
        body: 'Bitte auch die Rechnung anpassen.',
        messageId: uniqueId('token'),
      });
      const similarId = uniqueId('similar');
      const similar = customerMail({
        from: 'someone.else@kunde.example',
        subject: 'Re: Beschädigte Lieferung – Bestellung 4711 ärgerlich',
        body: 'Meine Lieferung ist auch beschädigt.',
        messageId: similarId,
      });
      await dovecot.append(account, [byToken, similar]);
      expect((await syncConnector(t, connector.id)).ingested).toBe(2);
      const after = await api(t).get(`/api/conversations/${conversationId}`).expect(200);
      expect(after.body.messages).toHaveLength(4);
      expect((await conversationOfMail(t, similarId))!.id).not.toBe(conversationId);
    });

    it('marks our reply failed with the reason when its bounce comes back, without a new conversation', async () => {
      const conversations = (await storedCounts(t)).conversations;
      await dovecot.append(account, [
        mailFixture('dsn-bounce', {
          TOKEN: 'b2',
          OUR_ADDRESS,
          ORIGINAL_MESSAGE_ID: `<${replyId}@shop.example>`,
        }),
      ]);
      await syncConnector(t, connector.id);
      expect(await messageRow(t, replyId)).toMatchObject({
        delivery_status: 'failed',
        delivery_error: expect.stringContaining('550 5.1.1'),
      });
      expect((await storedCounts(t)).conversations).toBe(conversations);
    });

    it('records a permanent SMTP rejection as failed and does not retry it', async () => {
      const messageId = uniqueId('rejected');
      await dovecot.append(account, [
        customerMail({
          from: 'gone@reject.example',
          subject: 'Hallo',
          body: 'Wo bleibt mein Geld?',
          messageId,
        }),
      ]);
      await syncConnector(t, connector.id);
      const conversation = await conversationOfMail(t, messageId);
      const id = await reply(t, conversation!.id, 'Wir prüfen das.');
      const row = await messageRow(t, id);
      expect(row.delivery_status).toBe('failed');
      expect(row.delivery_error).toMatch(/^SMTP 550/);
      const attempts = await rawQuery<{ delivery_attempts: number }>(
        t,
        'SELECT delivery_attempts FROM messages WHERE id = ?',
        [id],
      );
      expect(Number(attempts[0].delivery_attempts)).toBe(1);
    });
  });

  /** A web form post asking for an answer by mail, and our reply to it as the receiver got it. */
  async function answerFormPost(formSettings: Record<string, unknown>, email: string, domain: string) {
    const form = await createWebform(t, formSettings);
    const posted = await postForm(t, form.publicKey, {
      message: 'Bitte per Mail antworten.',
      email,
      replyChannel: 'email',
    }).expect(201);
    await drainJobs(t);
    const [row] = await rawQuery<{ id: string }>(t, 'SELECT id FROM conversations WHERE reference = ?', [
      posted.body.reference,
    ]);
    const id = await reply(t, row.id, 'Hier ist die Antwort.');
    const messageId = `<${id}@${domain}>`;
    const mail = await eventually(
      async () => smtp.messages.find((m) => m.parsed.messageId === messageId) ?? null,
      10_000,
    );
    expect(await messageRow(t, id)).toMatchObject({ delivery_status: 'sent', external_id: messageId });
    return { mail, reference: posted.body.reference as string };
  }

  it('answers a web form conversation without a reply connector through SMTP_URL and MAIL_FROM', async () => {
    const { mail } = await answerFormPost({}, 'global.kunde@kunde.example', 'resonanz.example');
    expect(mail.to).toEqual(['global.kunde@kunde.example']);
    expect(mail.parsed.from?.value[0].address).toBe('noreply@resonanz.example');
  });

  it("answers a web form conversation by email through the form's reply connector", async () => {
    const { mail, reference } = await answerFormPost(
      { replyConnectorId: connector.id },
      'form.kunde@kunde.example',
      'shop.example',
    );
    expect(mail.to).toEqual(['form.kunde@kunde.example']);
    expect(mail.parsed.from?.value[0].address).toBe(OUR_ADDRESS);
    expect(mail.parsed.subject).toMatch(new RegExp(`^Re: .*\\[#${reference}\\]$`));
  });
});
