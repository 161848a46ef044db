import type { DataSource } from 'typeorm';

/**
 * The distinct PostgreSQL stemmings of the text bound as $1, as tsquery texts. Stored vectors
 * are stemmed in the language each text was detected in (german, english, or simple for
 * others), so a search ORs these (see orTsquery). Most words stem alike in two or three of them;
 * leaving out the repeats keeps the per-row check cheap when the inbox walks many conversations.
 */
const SEARCH_STEMMINGS_SQL =
  `SELECT DISTINCT q::text AS q FROM (VALUES (plainto_tsquery('german', $1)), ` +
  `(plainto_tsquery('english', $1)), (plainto_tsquery('simple', $1))) v(q) WHERE numnode(q) > 0 ORDER BY 1`;

/** One tsquery text matching any of the stemmings; null when the text has no searchable word. */
export function orTsquery(stemmings: string[]): string | null {
  if (!stemmings.length) return null;
  return stemmings.map((q) => `(${q})`).join(' | ');
}

/** The PostgreSQL search for what a person typed, as one tsquery text to bind (or null). */
export async function tsqueryFor(dataSource: DataSource, q: string): Promise<string | null> {
  const rows: { q: string }[] = await dataSource.query(SEARCH_STEMMINGS_SQL, [q]);
  return orTsquery(rows.map((r) => r.q));
}

/**
 * Full-text queries from what a person typed. PostgreSQL parses plain text itself
 * (plainto_tsquery, above); SQLite's FTS5 has a query language of its own, so each word is quoted as a
 * phrase (no operators, no syntax errors) and all words must appear. FTS5 does not stem German, so
 * words of three letters or more match as prefixes ("Rechnung" finds "Rechnungen").
 */
const MIN_PREFIX_LENGTH = 3;

export function fts5Query(input: string): string | null {
  const words = input.match(/[\p{L}\p{N}]+/gu) ?? [];
  if (!words.length) return null;
  return words
    .slice(0, 20)
    .map((w) => (w.length >= MIN_PREFIX_LENGTH ? `"${w}"*` : `"${w}"`))
    .join(' ');
}

/** "R-1042", "r1042" or "#R-1042": a reference a customer quotes, looked up directly. */
export function referenceIn(input: string): string | null {
  const match = /^#?\s*R-?\s*(\d{1,12})$/i.exec(input.trim());
  return match ? `R-${match[1]}` : null;
}
