import { describe, expect, it } from '@jest/globals';
import { AppError } from '../../../common/errors/app-error.js';
import { validateWebformSettings } from './webform-settings.js';

const DEPT = '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f';

function messagesOf(raw: unknown): string[] {
  try {
    validateWebformSettings(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    const messages = (error as AppError).messages;
    return Array.isArray(messages) ? messages : [messages];
  }
  throw new Error('expected the settings to be rejected');
}

describe('validateWebformSettings', () => {
  it('fills defaults for empty settings', () => {
    expect(validateWebformSettings(undefined)).toEqual({
      allowedOrigins: [],
      defaultDepartmentId: null,
      replyConnectorId: null,
    });
  });

  it('normalises origins the way browsers send them and drops repeats', () => {
    const settings = validateWebformSettings({
      allowedOrigins: ['https://Shop.Example/', 'https://shop.example', 'http://localhost:8080'],
      defaultDepartmentId: DEPT.toUpperCase(),
    });
    expect(settings.allowedOrigins).toEqual(['https://shop.example', 'http://localhost:8080']);
    expect(settings.defaultDepartmentId).toBe(DEPT);
  });

  it('names every bad field at once', () => {
    const messages = messagesOf({
      allowedOrigins: ['https://shop.example/contact', 'ftp://x.example', 42, '*'],
      defaultDepartmentId: 'logistics',
      replyConnectorId: 7,
      colour: 'blue',
    });
    expect(messages).toEqual(
      expect.arrayContaining([
        'settings.colour is not a webform setting',
        'settings.allowedOrigins.0 must be an origin like https://shop.example (no path)',
        'settings.allowedOrigins.1 must be an origin like https://shop.example (no path)',
        'settings.allowedOrigins.2 must be an origin like https://shop.example (no path)',
        'settings.allowedOrigins.3 must be an origin like https://shop.example (no path)',
        'settings.defaultDepartmentId must be an id (UUID)',
        'settings.replyConnectorId must be an id (UUID)',
      ]),
    );
  });

  it('rejects settings that are not an object and origins that are not a list', () => {
    expect(messagesOf('x')).toEqual(['settings must be an object']);
    expect(messagesOf({ allowedOrigins: 'https://shop.example' })).toEqual([
      'settings.allowedOrigins must be an array of origins',
    ]);
  });
});
