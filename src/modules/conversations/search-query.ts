/**
 * The PostgreSQL full-text query for the text bound at `param`. Stored vectors are stemmed in
 * the language each text was detected in (german, english, or simple for others), so the query
 * is the OR of the three stemmings: a word matches a text of any language.
 */
export function searchTsquery(param: string): string {
  return (
    `(plainto_tsquery('german', ${param}) || plainto_tsquery('english', ${param}) || ` +
    `plainto_tsquery('simple', ${param}))`
  );
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
