import { describe, expect, it } from '@jest/globals';
import { foldRepeats, negationFlags } from './features.js';
import { MAX_CHARS, normalize } from './normalize.js';

const tokens = (text: string) => normalize(text).clauses.flat();

describe('normalize', () => {
  it('lower-cases and folds umlauts, ß and accents the same way users misspell them', () => {
    expect(tokens('Rückgabe GRÜN Straße café')).toEqual(['rueckgabe', 'gruen', 'strasse', 'cafe']);
    expect(tokens('Rueckgabe')).toEqual(tokens('Rückgabe'));
    expect(tokens('Ru\u0308ckgabe')).toEqual(tokens('Rückgabe'));
  });

  it('replaces URLs, e-mail addresses, numbers and currency by placeholders', () => {
    expect(tokens('See https://example.com/a?b=1 or mail me@example.org: 89,90 € (2x)')).toEqual([
      'see',
      'urlx',
      'or',
      'mail',
      'emailx',
      'numx',
      'currx',
      'numx',
      'x',
    ]);
  });

  it('turns emoji and emoticons into sentiment placeholders and counts them', () => {
    const norm = normalize('Super 😍👍 :) aber 😡 :( 🚚');
    expect(norm.clauses.flat()).toEqual([
      'super',
      'emoposx',
      'emoposx',
      'emoposx',
      'aber',
      'emonegx',
      'emonegx',
      'emojix',
    ]);
    expect([norm.emoPos, norm.emoNeg]).toEqual([3, 2]);
  });

  it('cuts letters repeated for emphasis to two and counts shouting', () => {
    expect(tokens('Sooooo guuuut!!!').map(foldRepeats)).toEqual(['soo', 'guut']);
    expect(normalize('THIS TAKES forever').caps).toBeCloseTo(2 / 3);
    expect(normalize('Really?!?! No!').exclaim).toBe(3);
  });

  it("expands English n't and splits clauses at punctuation", () => {
    expect(normalize("It doesn't work. Not at all, but thanks").clauses).toEqual([
      ['it', 'does', 'not', 'work'],
      ['not', 'at', 'all'],
      ['but', 'thanks'],
    ]);
  });

  it('looks only at the first MAX_CHARS characters', () => {
    const norm = normalize('wort '.repeat(MAX_CHARS));
    expect(norm.tokenCount).toBe(MAX_CHARS / 5);
  });

  it('survives binary garbage', () => {
    const garbage = Array.from({ length: 5000 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join('');
    expect(() => normalize(garbage)).not.toThrow();
  });
});

describe('negation scope', () => {
  const negated = (text: string, language: 'de' | 'en') => {
    const clause = normalize(text).clauses[0];
    const flags = negationFlags(clause, language, 3);
    return clause.filter((_, i) => flags[i]);
  };

  it('marks the words after a negator up to the scope', () => {
    expect(negated('not bad at all really', 'en')).toEqual(['bad', 'at', 'all']);
    expect(negated('das ist nicht gut', 'de')).toEqual(['gut']);
    expect(negated('keine Antwort bekommen', 'de')).toEqual(['antwort', 'bekommen']);
  });

  it('knows colloquial German and English typed without apostrophes', () => {
    expect(negated('wackelt nix', 'de')).toEqual(['wackelt']);
    expect(negated('null Probleme seitdem', 'de')).toEqual(['probleme', 'seitdem']);
    expect(negated('it doesnt work', 'en')).toEqual(['work']);
  });

  it('stops at a contrast', () => {
    expect(negated('not cheap but good', 'en')).toEqual(['cheap']);
  });

  it('marks the verb before a clause-final German "nicht"', () => {
    expect(negated('das gefällt mir nicht', 'de')).toEqual(['gefaellt', 'mir']);
    expect(negated('it works not', 'en')).toEqual([]);
  });
});
