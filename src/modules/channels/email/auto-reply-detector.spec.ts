import { describe, expect, it } from '@jest/globals';
import { simpleParser } from 'mailparser';
import { detectAutomated } from './auto-reply-detector.js';

async function verdictFor(headers: string[], subject = 'Bestellung 4711') {
  const source = [
    'From: Jörg Müller <joerg@example.de>',
    'To: service@shop.example',
    `Subject: ${subject}`,
    'Message-ID: <m1@example.de>',
    ...headers,
    '',
    'Body text',
  ].join('\r\n');
  return detectAutomated(await simpleParser(source));
}

describe('detectAutomated', () => {
  it('lets an ordinary customer mail through', async () => {
    expect(await verdictFor([])).toBeNull();
    expect(await verdictFor(['Auto-Submitted: no'])).toBeNull();
    expect(await verdictFor(['Precedence: first-class'])).toBeNull();
  });

  it.each([
    ['Auto-Submitted: auto-replied', 'auto-submitted: auto-replied'],
    ['Auto-Submitted: auto-generated', 'auto-submitted: auto-generated'],
    ['Precedence: auto_reply', 'precedence: auto_reply'],
    ['X-Autoreply: yes', 'x-autoreply'],
    ['X-Autorespond: Out of office', 'x-autorespond'],
    ['Return-Path: <>', 'return-path: <>'],
  ])('marks %s as an auto-reply', async (header, reason) => {
    expect(await verdictFor([header])).toEqual({ kind: 'auto_reply', reason });
  });

  it('recognises out-of-office subjects from clients that set no header', async () => {
    expect(await verdictFor([], 'Automatische Antwort: Ihre Anfrage')).toEqual({
      kind: 'auto_reply',
      reason: 'subject',
    });
    expect(await verdictFor([], 'Out of Office: back Monday')).toMatchObject({ kind: 'auto_reply' });
    expect(await verdictFor([], 'Question about my reply')).toBeNull();
  });

  it.each([
    ['Precedence: bulk', 'precedence: bulk'],
    ['Precedence: junk', 'precedence: junk'],
    ['Precedence: list', 'precedence: list'],
    ['List-Id: Shop news <news.shop.example>', 'list-id'],
    ['List-Unsubscribe: <mailto:unsubscribe@shop.example>', 'list-unsubscribe'],
  ])('marks %s as bulk mail', async (header, reason) => {
    expect(await verdictFor([header])).toEqual({ kind: 'bulk', reason });
  });

  it('recognises bounces by sender, report type and failed-recipients header', async () => {
    const daemon = await simpleParser(
      'From: Mail Delivery System <MAILER-DAEMON@mx.example>\r\nSubject: Undelivered\r\n\r\nx',
    );
    expect(detectAutomated(daemon)).toEqual({ kind: 'bounce', reason: 'from mailer-daemon@mx.example' });
    const postmaster = await simpleParser('From: postmaster@mx.example\r\nSubject: failure\r\n\r\nx');
    expect(detectAutomated(postmaster)?.kind).toBe('bounce');
    const nameless = await simpleParser('From: "" (Mail Delivery System)\r\nSubject: failure\r\n\r\nx');
    expect(detectAutomated(nameless)?.kind).toBe('bounce');
    const report = await verdictFor([
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
    ]);
    expect(report).toEqual({ kind: 'bounce', reason: 'multipart/report delivery-status' });
    expect(await verdictFor(['X-Failed-Recipients: gone@example.com'])).toMatchObject({ kind: 'bounce' });
  });

  it('prefers bounce over auto-reply when a DSN carries both signs', async () => {
    const verdict = await verdictFor([
      'Auto-Submitted: auto-replied',
      'Return-Path: <>',
      'Content-Type: multipart/report; report-type="delivery-status"; boundary="b"',
    ]);
    expect(verdict?.kind).toBe('bounce');
  });
});
