import { describe, expect, it } from '@jest/globals';
import { deliveryFailure, replySubject, threadHeaders } from './email-reply.sender.js';

describe('replySubject', () => {
  it('adds one Re: and the reference token, however often the mail went back and forth', () => {
    expect(replySubject('Paket fehlt', 'R-1042')).toBe('Re: Paket fehlt [#R-1042]');
    expect(replySubject('AW: Re: Paket fehlt [#R-1042]', 'R-1042')).toBe('Re: Paket fehlt [#R-1042]');
    expect(replySubject(null, 'R-7')).toBe('Re: [#R-7]');
  });
});

describe('threadHeaders', () => {
  it("answers the customer's last mail and chains every Message-ID of the conversation", () => {
    const headers = threadHeaders([
      { direction: 'inbound', externalId: '<c1@kunde.example>', meta: { references: [] } },
      { direction: 'outbound', externalId: '<o1@shop.example>', meta: null },
      { direction: 'note', externalId: null, meta: null },
      {
        direction: 'inbound',
        externalId: '<c2@kunde.example>',
        meta: { references: ['<root@elsewhere.example>', '<c1@kunde.example>', '<o1@shop.example>'] },
      },
    ]);
    expect(headers).toEqual({
      inReplyTo: '<c2@kunde.example>',
      references: [
        '<root@elsewhere.example>',
        '<c1@kunde.example>',
        '<o1@shop.example>',
        '<c2@kunde.example>',
      ],
    });
  });

  it('ignores ids that are no Message-IDs (web form entries, our hashes for mails without one)', () => {
    expect(
      threadHeaders([
        { direction: 'inbound', externalId: 'form-entry-17', meta: null },
        { direction: 'inbound', externalId: `<sha256.${'a'.repeat(64)}@resonanz.invalid>`, meta: null },
      ]),
    ).toEqual({ inReplyTo: undefined, references: [] });
  });
});

describe('deliveryFailure', () => {
  it('retries temporary SMTP answers and connection trouble, not permanent rejections', () => {
    expect(deliveryFailure({ responseCode: 451, response: '451 4.3.0 Try again later' })).toEqual({
      status: 'failed',
      error: 'SMTP 451 4.3.0 Try again later',
      retryable: true,
    });
    expect(deliveryFailure({ responseCode: 550, response: '550 5.1.1 User unknown' }).retryable).toBe(false);
    expect(
      deliveryFailure(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ESOCKET' })),
    ).toMatchObject({
      error: 'SMTP: connect ECONNREFUSED',
      retryable: true,
    });
    expect(
      deliveryFailure(Object.assign(new Error('Missing credentials'), { code: 'EAUTH' })).retryable,
    ).toBe(false);
  });
});
