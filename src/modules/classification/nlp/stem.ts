import porterEn from 'natural/lib/natural/stemmers/porter_stemmer.js';
import porterDe from 'natural/lib/natural/stemmers/porter_stemmer_de.js';
import type { Language } from './language.js';

const PLACEHOLDER = /^(?:url|email|num|curr|pct|emopos|emoneg|emoji)x$/;

export function isPlaceholder(token: string): boolean {
  return token.endsWith('x') && PLACEHOLDER.test(token);
}

/**
 * natural's Porter stemmer for the language (about 2 µs a word: callers cache the result).
 * Remarks in other languages get English stemming: most stray words in them are English.
 */
export function stem(token: string, language: Language): string {
  if (token.length < 4 || token.length > 40 || isPlaceholder(token) || /\d/.test(token)) return token;
  return language === 'de' ? porterDe.stem(token) : porterEn.stem(token);
}
