import { describe, expect, it } from '@jest/globals';
import { AppError } from '../../../common/errors/app-error.js';
import { domainOf, validateEmailSettings } from './email-settings.js';

const valid = {
  imap: { host: 'imap.shop.example', port: 993, secure: true, user: 'support', password: 'secret' },
  smtp: { host: 'smtp.shop.example', port: 587, secure: false, user: 'support', password: 'secret' },
  address: 'support@shop.example',
};

function messagesOf(settings: unknown): string[] {
  try {
    validateEmailSettings(settings);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return [(error as AppError).messages].flat();
  }
  throw new Error('expected a validation error');
}

describe('validateEmailSettings', () => {
  it('accepts the API.md shape and fills the default mailbox', () => {
    expect(validateEmailSettings(valid)).toEqual({ ...valid, imap: { ...valid.imap, mailbox: 'INBOX' } });
    const anonymousSmtp = {
      ...valid,
      smtp: { host: 'localhost', port: 25, secure: false },
      pollIntervalSeconds: 30,
    };
    expect(validateEmailSettings(anonymousSmtp)).toMatchObject({
      smtp: { host: 'localhost' },
      pollIntervalSeconds: 30,
    });
  });

  it('names every bad field at once', () => {
    expect(
      messagesOf({
        imap: { host: '', port: 0, secure: 'yes', user: 'u' },
        smtp: { host: 'h', port: 70000, secure: false, password: 'p' },
        address: 'not-an-address',
        pollIntervalSeconds: 1,
        extra: true,
      }),
    ).toEqual([
      'settings.imap.host must be a non-empty string',
      'settings.imap.port must be an integer between 1 and 65535',
      'settings.imap.secure must be true or false',
      'settings.imap.password is required',
      'settings.smtp.port must be an integer between 1 and 65535',
      'settings.smtp.user is required when settings.smtp.password is set',
      'settings.address must be an email address',
      'settings.pollIntervalSeconds must be an integer of at least 10',
      'settings.extra is not a known setting',
    ]);
    expect(messagesOf(null)).toEqual(['settings must be an object']);
    expect(messagesOf({ address: 'a@b.example' })).toEqual([
      'settings.imap must be an object',
      'settings.smtp must be an object',
    ]);
  });

  it('takes the Message-ID domain from the address', () => {
    expect(domainOf('Support@Shop.Example')).toBe('shop.example');
  });
});
