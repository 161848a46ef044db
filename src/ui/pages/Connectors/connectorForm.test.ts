import { describe, expect, it } from 'vitest';
import { formToSettings, MASK, missingFields, placeServerMessages, settingsToForm } from './connectorForm.js';

describe('connector settings form', () => {
  it('fills defaults for a new email connector and reports the required fields still empty', () => {
    const values = settingsToForm('email');
    expect(values['imap.port']).toBe('993');
    expect(values['imap.secure']).toBe(true);
    expect(missingFields('email', values, false)).toEqual([
      'address',
      'imap.host',
      'imap.user',
      'imap.password',
      'smtp.host',
    ]);
  });

  it('builds nested settings with numbers, booleans and lists', () => {
    const values = {
      ...settingsToForm('email'),
      address: 'service@shop.test',
      'imap.host': 'imap.shop.test',
      'imap.user': 'service',
      'imap.password': 'pw',
      'smtp.host': 'smtp.shop.test',
      'smtp.secure': false,
    };
    expect(formToSettings('email', values, false)).toEqual({
      address: 'service@shop.test',
      imap: { host: 'imap.shop.test', port: 993, user: 'service', password: 'pw', secure: true },
      smtp: { host: 'smtp.shop.test', port: 465, secure: false },
    });
    expect(
      formToSettings(
        'webform',
        {
          allowedOrigins: 'https://a.test\nhttps://b.test, https://c.test',
          defaultDepartmentId: '',
          replyConnectorId: '',
        },
        false,
      ),
    ).toEqual({
      allowedOrigins: ['https://a.test', 'https://b.test', 'https://c.test'],
    });
  });

  it('never sends a stored secret back: the mask or a blank keeps it', () => {
    const stored = settingsToForm('feed', { url: 'https://r.test/feed', replyWebhookSecret: MASK });
    expect(stored.replyWebhookSecret).toBe(MASK);
    const settings = formToSettings('feed', stored, true);
    expect(settings).not.toHaveProperty('replyWebhookSecret');
    expect(formToSettings('feed', { ...stored, replyWebhookSecret: '' }, true)).not.toHaveProperty(
      'replyWebhookSecret',
    );
    expect(
      formToSettings('feed', { ...stored, replyWebhookSecret: 'new-secret' }, true).replyWebhookSecret,
    ).toBe('new-secret');
    expect(
      missingFields(
        'email',
        {
          ...settingsToForm('email', {
            address: 'a@b.c',
            imap: { host: 'h', user: 'u', password: MASK },
            smtp: { host: 's' },
          }),
        },
        true,
      ),
    ).toEqual([]);
  });

  it('clears an optional field emptied while editing (merge patch null)', () => {
    const settings = formToSettings(
      'feed',
      { url: 'https://r.test/feed', pollIntervalSeconds: '', replyWebhookUrl: '', replyWebhookSecret: MASK },
      true,
    );
    expect(settings).toEqual({
      url: 'https://r.test/feed',
      pollIntervalSeconds: null,
      replyWebhookUrl: null,
    });
  });

  it('places server messages at the fields they name, and keeps the rest for the top', () => {
    expect(
      placeServerMessages('webform', [
        'settings.allowedOrigins.2 must be an origin like https://shop.example (no path)',
        'settings.allowedOrigins may list at most 20 origins',
        'name must be at most 200 characters',
        'settings.defaultDepartmentId must be an id (UUID)',
        'settings.colour is not a webform setting',
        'Connector limit reached',
      ]),
    ).toEqual({
      fields: {
        allowedOrigins: 'Must be an origin like https://shop.example (no path) · May list at most 20 origins',
        name: 'Must be at most 200 characters',
        defaultDepartmentId: 'Must be an id (UUID)',
      },
      general: ['settings.colour is not a webform setting', 'Connector limit reached'],
    });
    // A check box has no place for a message; neither has a group ("settings.imap").
    expect(
      placeServerMessages('email', [
        'settings.imap.secure must be true or false',
        'settings.imap must be an object',
      ]).general,
    ).toEqual(['settings.imap.secure must be true or false', 'settings.imap must be an object']);
  });
});
