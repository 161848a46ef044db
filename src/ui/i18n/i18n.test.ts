import { describe, expect, it } from 'vitest';
import { de } from './de.js';
import { en } from './en.js';
import { detectLanguage, translate } from './index.js';

describe('i18n', () => {
  it('follows the browser, and a stored choice wins', () => {
    expect(detectLanguage(null, ['de-AT', 'en'])).toBe('de');
    expect(detectLanguage(null, ['fr-FR', 'en-US'])).toBe('en');
    expect(detectLanguage(null, ['fr-FR'])).toBe('en');
    expect(detectLanguage('en', ['de-DE'])).toBe('en');
    expect(detectLanguage('xx', ['de-DE'])).toBe('de');
  });

  it('fills in variables', () => {
    expect(translate('en', 'reply.toEmail', { email: 'a@b.c' })).toBe('Reply by email to a@b.c');
    expect(translate('de', 'reply.toEmail', { email: 'a@b.c' })).toBe('Antwort per E-Mail an a@b.c');
  });

  it('has a German text for every English one, with the same placeholders', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(de[key].trim()).not.toBe('');
      const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect({ key, vars: names(de[key]) }).toEqual({ key, vars: names(en[key]) });
    }
  });
});
