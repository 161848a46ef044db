import { describe, expect, it } from '@jest/globals';
import { acknowledgementMail } from './acknowledgement-mail.js';
import { errorPage, statusPage, thankYouPage } from './customer-pages.js';

const HOSTILE = '<script>alert("x")</script>';

describe('customer pages', () => {
  it('thank-you page shows the reference and links the status page', () => {
    const html = thankYouPage({ reference: 'R-1042', statusUrl: 'https://fb.example/status/abc' }, 'en');
    expect(html).toContain('R-1042');
    expect(html).toContain('href="https://fb.example/status/abc"');
    expect(html).not.toMatch(/<script|<link|\bsrc=/i);
  });

  it('status page escapes everything the customer or an agent wrote', () => {
    const html = statusPage(
      {
        reference: 'R-7',
        status: 'open',
        subject: HOSTILE,
        messages: [
          { direction: 'inbound', body: HOSTILE, createdAt: '2025-03-01T14:05:00.000Z' },
          { direction: 'outbound', body: 'Answer & more', createdAt: '2025-03-01T15:00:00.000Z' },
        ],
      },
      '../api/public/status/tok/messages',
      'en',
    );
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('Answer &amp; more');
    expect(html).toContain('In progress');
    expect(html).toContain('2025-03-01 14:05 UTC');
    expect(html).toMatch(/<form method="post" action="..\/api\/public\/status\/tok\/messages">/);
    expect(html).toMatch(/<label for="message">/);
  });

  it('error page lists each message, escaped', () => {
    const html = errorPage(400, ['some unknown problem', HOSTILE], 'en');
    expect(html).toContain('<li>some unknown problem</li>');
    expect(html).not.toContain('<script>');
  });

  it('speaks German when asked: lang attribute, texts, status labels and known validation messages', () => {
    const thanks = thankYouPage({ reference: 'R-1042', statusUrl: 'https://fb.example/status/abc' }, 'de');
    expect(thanks).toContain('<html lang="de">');
    expect(thanks).toContain('Vielen Dank für Ihre Nachricht');
    expect(thanks).toContain('>Ihrer Statusseite</a>');
    const status = statusPage(
      { reference: 'R-7', status: 'pending', subject: null, messages: [] },
      '../api/public/status/tok/messages',
      'de',
    );
    expect(status).toContain('Wartet auf Ihre Antwort');
    expect(status).toContain('<label for="message">Nachricht hinzufügen</label>');
    const error = errorPage(
      400,
      ['message must not be empty', 'email must be an email address', 'something else'],
      'de',
    );
    expect(error).toContain('<html lang="de">');
    expect(error).toContain('<li>Die Nachricht darf nicht leer sein.</li>');
    expect(error).toContain('<li>Bitte geben Sie eine gültige E-Mail-Adresse an.</li>');
    expect(error).toContain('<li>something else</li>');
    expect(errorPage(400, 'message is required', 'en')).toContain('<li>message is required</li>');
  });
});

describe('acknowledgementMail', () => {
  const EMAIL_ANSWER = {
    name: 'Erika',
    reference: 'R-1042',
    statusUrl: 'https://fb.example/status/abc',
    dueAt: Date.parse('2025-03-01T22:05:00Z'),
    replyChannel: 'email' as const,
  };

  it('names the reference, the status link and the expected answer time', () => {
    const mail = acknowledgementMail({ ...EMAIL_ANSWER, lang: 'en' });
    expect(mail.subject).toBe('We received your message [#R-1042]');
    expect(mail.text).toContain('Hello Erika,');
    expect(mail.text).toContain('Your reference is R-1042.');
    expect(mail.text).toContain('https://fb.example/status/abc');
    expect(mail.text).toContain('by 2025-03-01 22:05 UTC');
    expect(mail.text).toContain('by email');
  });

  it('leaves out the due time when there is none', () => {
    const mail = acknowledgementMail({
      name: null,
      reference: 'R-1',
      statusUrl: 'u',
      dueAt: null,
      replyChannel: 'status_page',
      lang: 'en',
    });
    expect(mail.text).toMatch(/^Hello,/);
    expect(mail.text).not.toContain('expect our answer');
    expect(mail.text).not.toContain('by email');
  });

  it('speaks German to a German customer', () => {
    const mail = acknowledgementMail({ ...EMAIL_ANSWER, lang: 'de' });
    expect(mail.subject).toBe('Wir haben Ihre Nachricht erhalten [#R-1042]');
    expect(mail.text).toMatch(/^Guten Tag Erika,/);
    expect(mail.text).toContain('Ihre Vorgangsnummer ist R-1042.');
    expect(mail.text).toContain('bis 2025-03-01 22:05 UTC');
    expect(mail.text).toContain('per E-Mail');
    expect(mail.text).toContain('https://fb.example/status/abc');
    expect(mail.text).not.toMatch(/thank you|reference/i);
  });
});
