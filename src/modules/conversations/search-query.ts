/**
 * Full-text queries from what a person typed. PostgreSQL parses plain text itself
 * (plainto_tsquery); SQLite's FTS5 has a query language of its own, so each word is quoted as a
 * phrase (no operators, no syntax errors) and all words must appear.
 */
export function fts5Query(input: string): string | null {
  const words = input.match(/[\p{L}\p{N}]+/gu) ?? [];
  if (!words.length) return null;
  return words
    .slice(0, 20)
    .map((w) => `"${w}"`)
    .join(' ');
}
