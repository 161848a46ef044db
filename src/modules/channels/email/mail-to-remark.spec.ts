import { describe, expect, it } from '@jest/globals';
import { mailFixture } from '../../../../test/fixtures/mail/fixtures.js';
import { sanitizeHtml } from '../../../common/html/sanitize.js';
import { parseEmail } from './mail-to-remark.js';

const ctx = { connectorId: 'c1', ownAddress: 'support@shop.example' };

describe('parseEmail', () => {
  it('decodes German encoded headers, names and a Latin-1 body, and splits off the signature', async () => {
    const { remark, automated } = await parseEmail(mailFixture('german-umlauts'), ctx);
    expect(automated).toBeNull();
    expect(remark).toMatchObject({
      channel: 'email',
      connectorId: 'c1',
      externalId: '<20240312101500.4711@kunde.example>',
      subject: 'Beschädigte Lieferung – Bestellung 4711 ärgerlich',
      author: { name: 'Jörg Müller', email: 'joerg.mueller@kunde.example' },
      replyChannel: 'email',
      suppress: false,
    });
    expect(remark.text).toBe(
      'Guten Tag,\n\nmeine Lieferung ist beschädigt angekommen, der Karton war aufgerissen und\n' +
        'zwei Gläser sind zerbrochen. Ich möchte einen Ersatz.',
    );
    expect(remark.fullText).toContain('Mit freundlichen Grüßen\nJörg Müller');
    expect(remark.receivedAt).toEqual(new Date('2024-03-12T09:15:00Z'));
  });

  it('keeps hostile HTML for the sanitiser and takes the text from the HTML without script', async () => {
    const { remark } = await parseEmail(mailFixture('html-hostile'), ctx);
    expect(remark.text).toContain('My invoice shows the wrong amount.');
    expect(remark.text).not.toMatch(/alert|steal/);
    const safe = sanitizeHtml(remark.html ?? '');
    expect(safe).toContain('My invoice shows the wrong amount.');
    expect(safe).not.toMatch(/<script|onerror|onload|onclick|javascript:|<iframe|<form/i);
  });

  it('carries threading hints and splits the quoted history off a reply', async () => {
    const source = mailFixture('reply-with-history', {
      IN_REPLY_TO: '<ours-2@shop.example>',
      REFERENCES: '<theirs-1@kunde.example> <ours-2@shop.example>',
    });
    const { remark } = await parseEmail(source, ctx);
    expect(remark.thread).toEqual({
      reference: null,
      inReplyTo: ['<theirs-1@kunde.example>', '<ours-2@shop.example>'],
    });
    expect(remark.text).toBe(
      'Hallo,\n\ndanke, aber das Paket ist heute immer noch nicht angekommen. Bitte prüfen Sie das.',
    );
    expect(remark.fullText).toContain('> Ihr Paket ist unterwegs.');
  });

  it('splits nothing off a forwarded mail: the forward is what the customer wants read', async () => {
    const body =
      'Siehe unten.\r\n\r\nVon: Spedition <info@spedition.example>\r\nGesendet: Montag\r\nAn: ich\r\nBetreff: Zustellung\r\n\r\nNicht zustellbar.';
    const source = Buffer.from(
      `From: a@kunde.example\r\nSubject: WG: Zustellung\r\nMessage-ID: <fw@kunde.example>\r\n\r\n${body}`,
    );
    const { remark } = await parseEmail(source, ctx);
    expect(remark.text).toContain('Nicht zustellbar.');
    expect(remark.fullText).toBeNull();
  });

  it('reads the conversation reference from a subject token', async () => {
    const source = Buffer.from(
      'From: a@kunde.example\r\nSubject: Neue Frage [#r-1042]\r\nMessage-ID: <x@kunde.example>\r\n\r\nHallo',
    );
    expect((await parseEmail(source, ctx)).remark.thread?.reference).toBe('R-1042');
  });

  it('cuts Outlook and Gmail quotes in text and in HTML-only mails', async () => {
    const outlook = (await parseEmail(mailFixture('outlook-reply-de'), ctx)).remark;
    expect(outlook.text).toBe(
      'Hallo,\n\ndie Rechnung wurde doppelt abgebucht. Bitte erstatten Sie den Betrag.',
    );
    const gmail = (await parseEmail(mailFixture('gmail-html-only'), ctx)).remark;
    expect(gmail.text).toBe('The refund still has not arrived on my card.');
    expect(gmail.fullText).toContain('We have received your return.');
  });

  it('suppresses auto-replies, bounces and echoes of our own mail', async () => {
    const auto = await parseEmail(mailFixture('auto-reply'), ctx);
    expect(auto.automated).toEqual({ kind: 'auto_reply', reason: 'auto-submitted: auto-replied' });
    expect(auto.remark.suppress).toBe(true);

    const dsn = await parseEmail(
      mailFixture('dsn-bounce', { ORIGINAL_MESSAGE_ID: '<ours-9@shop.example>' }),
      ctx,
    );
    expect(dsn.automated?.kind).toBe('bounce');
    expect(dsn.bounce).toEqual({
      originalMessageIds: ['<ours-9@shop.example>'],
      reason: '550 5.1.1 <gone@kunde.example>: Recipient address rejected: User unknown',
    });
    expect(dsn.remark.suppress).toBe(true);
    expect(dsn.remark.thread?.inReplyTo).toContain('<ours-9@shop.example>');

    const echo = Buffer.from(
      'From: support@shop.example\r\nSubject: Re: x\r\nMessage-ID: <e@shop.example>\r\n\r\nx',
    );
    expect((await parseEmail(echo, ctx)).remark.suppress).toBe(true);
  });

  it('gives a mail without Message-ID a stable id that ignores trace headers', async () => {
    const plain = mailFixture('no-message-id');
    const relayed = Buffer.concat([Buffer.from('Received: from relay.example by mx.example\r\n'), plain]);
    const first = (await parseEmail(plain, ctx)).remark;
    expect(first.externalId).toMatch(/^<sha256\.[0-9a-f]{64}@resonanz\.invalid>$/);
    expect(first.flags).toContain('no_message_id');
    expect((await parseEmail(relayed, ctx)).remark.externalId).toBe(first.externalId);
    const other = Buffer.from(plain.toString().replace('Wasserkocher', 'Toaster'));
    expect((await parseEmail(other, ctx)).remark.externalId).not.toBe(first.externalId);
  });

  it('stores a broken mail flagged instead of dropping it', async () => {
    const { remark } = await parseEmail(Buffer.from('garbage without headers'), ctx);
    expect(remark.externalId).toMatch(/^<sha256\./);
    expect(remark.text).toBe('garbage without headers');
    expect(remark.flags).toContain('unreadable_mail');
  });
});
