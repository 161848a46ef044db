import { describe, expect, it } from '@jest/globals';
import { htmlBeforeQuote, stripQuotesAndSignature } from './quote-stripper.js';

const strip = (lines: string[]) => stripQuotesAndSignature(lines.join('\n'));

describe('stripQuotesAndSignature', () => {
  it('cuts a German Outlook header block and the sign-off with name and contact lines', () => {
    const result = strip([
      'Hallo zusammen,',
      '',
      'die Lieferung ist immer noch nicht angekommen.',
      '',
      'Mit freundlichen Grüßen',
      'Jörg Müller',
      'Müller & Söhne GmbH',
      'Tel. +49 30 1234567',
      '',
      'Von: Kundenservice <service@shop.example>',
      'Gesendet: Dienstag, 12. März 2024 10:15',
      'An: Jörg Müller <joerg@example.de>',
      'Betreff: AW: Bestellung 4711',
      '',
      'Sehr geehrter Herr Müller, wir prüfen das.',
    ]);
    expect(result).toEqual({
      text: 'Hallo zusammen,\n\ndie Lieferung ist immer noch nicht angekommen.',
      quoteRemoved: true,
      signatureRemoved: true,
    });
  });

  it('cuts a Gmail attribution wrapped over two lines and the quoted lines below it', () => {
    const result = strip([
      'Thanks, that fixed it.',
      '',
      'On Tue, Mar 12, 2024 at 10:15 AM Support Team <support@shop.example>',
      'wrote:',
      '',
      '> Please restart the app.',
      '>',
    ]);
    expect(result.text).toBe('Thanks, that fixed it.');
    expect(result.quoteRemoved).toBe(true);
  });

  it.each([
    ['Am 12.03.24 um 10:15 schrieb Max Mustermann:'],
    ['Am Di., 12. März 2024 um 10:15 Uhr schrieb Service <service@shop.example>:'],
    ['On 12 Mar 2024, at 10:15, Support <support@shop.example> wrote:'],
    ['-----Original Message-----'],
    ['-----Ursprüngliche Nachricht-----'],
    ['________________________________'],
  ])('cuts the history after %s', (separator) => {
    const result = strip([
      'Die Rechnung ist doppelt abgebucht worden.',
      '',
      separator,
      'From: Support <support@shop.example>',
      'Sent: Monday, March 11, 2024 9:00 AM',
      'To: customer@example.com',
      '> earlier text',
    ]);
    expect(result.text).toBe('Die Rechnung ist doppelt abgebucht worden.');
    expect(result.quoteRemoved).toBe(true);
  });

  it('recognises header blocks converted from HTML with bold labels', () => {
    const result = strip([
      'Still waiting for the refund.',
      '',
      '*From:* Support <support@shop.example>',
      '*Sent:* Monday, March 11, 2024 9:00 AM',
      '*To:* customer@example.com',
      '*Subject:* Your refund',
    ]);
    expect(result.text).toBe('Still waiting for the refund.');
  });

  it('cuts at the "-- " delimiter and at mobile signatures', () => {
    expect(strip(['Where is my parcel?', '-- ', 'Anna', 'anna@example.com']).text).toBe(
      'Where is my parcel?',
    );
    expect(strip(['Paket fehlt.', '', 'Von meinem iPhone gesendet']).text).toBe('Paket fehlt.');
    expect(strip(['Parcel missing.', '', 'Sent from my iPhone']).text).toBe('Parcel missing.');
  });

  it('keeps a sign-off that is followed by more message text', () => {
    const text = ['The app crashes on start.', '', 'Thanks', 'also, where is my order from last week?'];
    expect(strip(text)).toEqual({ text: text.join('\n'), quoteRemoved: false, signatureRemoved: false });
  });

  it('does not take an ordinary sentence for an attribution', () => {
    const text = ['On Monday I wrote:', 'the package was damaged and nobody answered.'];
    expect(strip(text).text).toBe(text.join('\n'));
  });

  it('keeps the new text of a bottom-posted reply', () => {
    const result = strip(['> Could you send a photo?', '> ', '', 'Here is the photo of the broken lid.']);
    expect(result.text).toBe('Here is the photo of the broken lid.');
    expect(result.quoteRemoved).toBe(true);
  });

  it('never strips the whole message', () => {
    const onlyHistory = ['-----Original Message-----', 'From: someone@example.com', 'Hello'];
    expect(strip(onlyHistory).text).toBe(onlyHistory.join('\n'));
    expect(strip(['Viele Grüße', 'Max']).text).toBe('Viele Grüße\nMax');
    expect(strip(['> quoted only']).text).toBe('> quoted only');
    expect(strip([]).text).toBe('');
  });

  it('cuts a long company footer after sign-off and name', () => {
    const result = strip([
      'Bitte stornieren Sie die Bestellung 4711.',
      '',
      'Mit freundlichem Gruß',
      'John Smith',
      'Service und Support',
      'Example Service AG & Co. Management OHG',
      'Beispielstr. 4, 12345 Beispielstadt',
      'Tel.: +49 30 1234 567',
      'Fax: +49 30 1234 568',
      'john.smith@example.com',
      'www.example.com',
      'OHG mit Sitz in Beispielstadt',
      'AG: Beispielstadt - HRA 4158',
      'Geschäftsführung: Tilman Test, Klaus Test,',
      'Bernhard Test, Ulrich Test',
      'USt-IdNr. DE 1010101010',
    ]);
    expect(result.text).toBe('Bitte stornieren Sie die Bestellung 4711.');
  });

  it('treats a From line with an address and one more header as the quoted header block', () => {
    const text = [
      'Absage für morgen.',
      '',
      'Von: "Support" <support@shop.example>',
      'Datum: 13.06.2012 14:30',
      'Hi',
    ];
    expect(strip(text).text).toBe('Absage für morgen.');
    const prose = ['Von: meinem Konto wurde zu viel abgebucht.', 'Datum: 13.06.2012', 'Bitte prüfen.'];
    expect(strip(prose).text).toBe(prose.join('\n'));
  });

  it('keeps a forwarded mail after a forward marker', () => {
    const text = [
      'Bitte sehen Sie sich die Mail unten an.',
      '',
      '---------- Forwarded message ---------',
      'From: Spediteur <info@spedition.example>',
      'Date: Mon, 11 Mar 2024 at 09:00',
      'Subject: Zustellung',
      'To: kunde@example.com',
      '',
      'Ihr Paket konnte nicht zugestellt werden.',
    ];
    expect(strip(text).text).toBe(text.join('\n'));
  });

  it('normalises CRLF line ends', () => {
    expect(stripQuotesAndSignature('Hello\r\n\r\nOn 1/2/2024 Bob <b@x.example> wrote:\r\n> hi').text).toBe(
      'Hello',
    );
  });
});

describe('htmlBeforeQuote', () => {
  it.each([
    ['<div>New</div><div class="gmail_quote"><blockquote>old</blockquote></div>'],
    ['<p>New</p><blockquote type="cite">old</blockquote>'],
    ['<p>New</p><div class="moz-cite-prefix">On … wrote:</div>'],
    ['<p>New</p><div id="divRplyFwdMsg"><b>From:</b> x</div>'],
    ['<p>New</p><div id="appendonsend"></div><hr>'],
  ])('cuts %s before the quote container', (html) => {
    expect(htmlBeforeQuote(html)).toMatch(/^<(div|p)>New<\/(div|p)>$/);
  });

  it('leaves HTML without a quote marker (or that is only a quote) alone', () => {
    expect(htmlBeforeQuote('<p>Hello <blockquote>a quote of a product text</blockquote></p>')).toBeNull();
    expect(htmlBeforeQuote('<div class="gmail_quote">only history</div>')).toBeNull();
  });
});
