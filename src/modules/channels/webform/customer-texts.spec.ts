import { describe, expect, it } from '@jest/globals';
import {
  CUSTOMER_TEXTS,
  chooseLanguage,
  customerLanguageOf,
  translateValidation,
  VALIDATION_MESSAGES,
} from './customer-texts.js';

describe('chooseLanguage (Accept-Language)', () => {
  it.each([
    ['de-DE,de;q=0.9,en;q=0.8', 'de'],
    ['de', 'de'],
    ['DE-at', 'de'],
    ['en-US', 'en'],
    ['en-US,en;q=0.9,de;q=0.8', 'en'],
    ['en;q=0.5, de;q=0.7', 'de'],
    ['de;q=0.4, en;q=0.6', 'en'],
    ['fr-FR,fr;q=0.9,de;q=0.8,en;q=0.7', 'de'],
    ['fr-FR,fr;q=0.9', 'en'],
    ['de, en', 'de'],
    ['en, de', 'en'],
    ['de;q=0, en;q=0.1', 'en'],
    ['de;q=0', 'en'],
    ['de ; q = 0.8 , en ; q = 0.3', 'de'],
    ['*', 'en'],
  ])('%j → %s', (header, lang) => {
    expect(chooseLanguage(header)).toBe(lang);
  });

  it.each([
    [undefined],
    [''],
    ['garbage'],
    [';;;,,,===;q'],
    ['de;q=2'],
    ['de;q=abc'],
    ['de;q=0.9999'],
    ['de_DE'],
    ['<script>de</script>'],
    ['deutsch'],
    ['x'.repeat(100_000)],
  ])('falls back to English for %j', (header) => {
    expect(chooseLanguage(header)).toBe('en');
  });

  it('reads a repeated header (an array) as one list', () => {
    expect(chooseLanguage(['fr', 'de;q=0.9, en;q=0.1'])).toBe('de');
  });
});

describe('customer texts', () => {
  it('has the same texts in both languages', () => {
    const keys = (o: object): string[] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v).map((n) => `${k}.${n}`) : [k]));
    expect(keys(CUSTOMER_TEXTS.de).sort()).toEqual(keys(CUSTOMER_TEXTS.en).sort());
  });

  it('translates the known validation messages and leaves others alone', () => {
    expect(translateValidation(VALIDATION_MESSAGES.emailRequired.en, 'de')).toBe(
      VALIDATION_MESSAGES.emailRequired.de,
    );
    expect(translateValidation('message is too long (at most 64 KB)', 'de')).toContain('zu lang');
    expect(translateValidation('message is required', 'en')).toBe('message is required');
    expect(translateValidation('Form not found', 'de')).toBe('Form not found');
  });
});

describe('customerLanguageOf', () => {
  it('keeps the language the customer wrote in when we speak it', () => {
    expect(customerLanguageOf('de', 'en')).toBe('de');
    expect(customerLanguageOf('en', 'de')).toBe('en');
  });

  it('falls back for other or unknown languages', () => {
    expect(customerLanguageOf('other', 'de')).toBe('de');
    expect(customerLanguageOf('fr', 'en')).toBe('en');
    expect(customerLanguageOf(null, 'de')).toBe('de');
  });
});
