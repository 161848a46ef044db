/**
 * Star ratings of reviews, normalised to the 1–5 scale (one decimal): from rating elements
 * of review feeds, star glyphs in titles, and phrases like "Rated 2 out of 5" / "2 von 5 Sternen".
 */
export interface ExtractedRating {
  rating: number;
  /** Where it came from (an element name, "title" or "text"), kept with the message. */
  source: string;
}

/** An element as xml2js gives it: its text, or an object with text in `_` and attributes in `$`. */
type XmlNode = string | { _?: unknown; $?: Record<string, unknown>; [child: string]: unknown };

const NUMBER = String.raw`(\d{1,3}(?:[.,]\d{1,2})?)`;
const num = (text: string) => Number(text.replace(',', '.'));

/** value on a scale 0..max, as the 5-star equivalent; null when it does not make sense. */
export function toFiveStars(value: number, max = 5): number | null {
  if (!Number.isFinite(value) || !Number.isFinite(max) || max <= 0 || max > 100) return null;
  if (value < 0 || value > max) return null;
  return Math.round((value / max) * 5 * 10) / 10;
}

/** "4", "4.5", "4/5", "8 of 10", "4 von 5" inside a rating element. */
function ratingFromValueText(text: string, defaultMax: number): number | null {
  const trimmed = text.trim();
  const scaled = new RegExp(String.raw`^${NUMBER}\s*(?:/|of|out of|von|aus)\s*${NUMBER}\b`, 'i').exec(
    trimmed,
  );
  if (scaled) return toFiveStars(num(scaled[1]), num(scaled[2]));
  const plain = new RegExp(String.raw`^${NUMBER}$`).exec(trimmed);
  return plain ? toFiveStars(num(plain[1]), defaultMax) : null;
}

function nodeText(node: XmlNode): string | null {
  if (typeof node === 'string') return node;
  if (typeof node._ === 'string') return node._;
  const value = node.$?.value ?? node.$?.rating;
  return typeof value === 'string' ? value : null;
}

function nodeMax(node: XmlNode, fallback: number): number {
  if (typeof node === 'string') return fallback;
  const max = node.$?.max ?? node.$?.best ?? node.$?.bestRating ?? node.$?.scale;
  return typeof max === 'string' && Number.isFinite(num(max)) ? num(max) : fallback;
}

/** Rating element name → the scale its values use when the element does not say. */
const RATING_ELEMENTS: Record<string, number> = {
  'im:rating': 5, // App Store customer reviews
  'rev:rating': 5, // RDF Review vocabulary (purl.org/stuff/rev#), with rev:maxRating when not 5
  'review:rating': 5,
  'g:rating': 5,
  'gd:rating': 5,
  'trustpilot:stars': 5,
  'tp:stars': 5,
  stars: 5,
  rating: 5,
  'rvw:rating': 100, // RVW 0.2 module: a percentage
};

/** The raw rating elements of one entry (xml2js nodes, as rss-parser copies them with keepArray). */
export type RatingElements = Record<string, unknown>;

export function ratingFromElements(elements: RatingElements): ExtractedRating | null {
  const revMax = firstText(elements['rev:maxRating']);
  for (const [name, defaultScale] of Object.entries(RATING_ELEMENTS)) {
    const node = first(elements[name]);
    if (node === null) continue;
    const scale = name === 'rev:rating' && revMax ? num(revMax) : defaultScale;
    const text = nodeText(node);
    const rating = text === null ? null : ratingFromValueText(text, nodeMax(node, scale));
    if (rating !== null) return { rating, source: name };
  }
  // Google's review feeds: <ratings><overall min="1" max="10">9</overall></ratings>
  const overall = first((first(elements.ratings) as { overall?: unknown } | null)?.overall);
  const text = overall === null ? null : nodeText(overall);
  const rating = text === null ? null : ratingFromValueText(text, nodeMax(overall!, 5));
  return rating === null ? null : { rating, source: 'ratings.overall' };
}

function first(value: unknown): XmlNode | null {
  const node = Array.isArray(value) ? value[0] : value;
  return typeof node === 'string' || (typeof node === 'object' && node !== null) ? (node as XmlNode) : null;
}

function firstText(value: unknown): string | null {
  const node = first(value);
  return node === null ? null : nodeText(node);
}

/** Phrases, most specific first; each yields [value, max] (max 5 when the phrase implies it). */
const PHRASES: { pattern: RegExp; max?: number }[] = [
  { pattern: new RegExp(String.raw`\brated\s*:?\s*${NUMBER}\s*(?:/|of|out of)\s*${NUMBER}`, 'i') },
  { pattern: new RegExp(String.raw`\b(?:rating|score)\s*:?\s*${NUMBER}\s*(?:/|of|out of)\s*${NUMBER}`, 'i') },
  { pattern: new RegExp(String.raw`\b${NUMBER}\s*(?:/|of|out of)\s*${NUMBER}\s*stars?\b`, 'i') },
  {
    pattern: new RegExp(
      String.raw`\b${NUMBER}\s*(?:/|von|aus)\s*${NUMBER}\s*(?:sternen|sterne|stern|punkten|punkte)\b`,
      'i',
    ),
  },
  { pattern: new RegExp(String.raw`\bbewertung\s*:?\s*${NUMBER}\s*(?:/|von|aus)\s*${NUMBER}`, 'i') },
  { pattern: new RegExp(String.raw`\b${NUMBER}[- ]stars?\b`, 'i'), max: 5 },
  { pattern: new RegExp(String.raw`\b${NUMBER}\s*(?:sternen|sterne|stern)\b`, 'i'), max: 5 },
];

/** Star glyphs: "★★☆☆☆" (filled out of shown), or a row of "⭐" (out of 5). */
function ratingFromGlyphs(text: string): number | null {
  const row = /[★☆]{2,10}/u.exec(text);
  if (row) {
    const filled = [...row[0]].filter((c) => c === '★').length;
    const shown = [...row[0]].length;
    return toFiveStars(filled, shown < 5 ? 5 : shown);
  }
  const emoji = /(?:⭐️?){1,5}/u.exec(text);
  return emoji ? toFiveStars(emoji[0].match(/⭐/gu)!.length, 5) : null;
}

export function ratingFromText(text: string): number | null {
  if (!text) return null;
  const glyphs = ratingFromGlyphs(text);
  if (glyphs !== null) return glyphs;
  for (const { pattern, max } of PHRASES) {
    const match = pattern.exec(text);
    if (!match) continue;
    const rating = max ? toFiveStars(num(match[1]), max) : toFiveStars(num(match[1]), num(match[2]));
    if (rating !== null) return rating;
  }
  return null;
}

/** Elements first (they are meant for machines), then the title, then the review text. */
export function extractRating(input: {
  elements: RatingElements;
  title?: string | null;
  text?: string | null;
}): ExtractedRating | null {
  const fromElements = ratingFromElements(input.elements);
  if (fromElements) return fromElements;
  const fromTitle = ratingFromText(input.title ?? '');
  if (fromTitle !== null) return { rating: fromTitle, source: 'title' };
  const fromText = ratingFromText(input.text ?? '');
  return fromText === null ? null : { rating: fromText, source: 'text' };
}

/** The element names to ask rss-parser for (kept as raw nodes, attributes included). */
export const RATING_ELEMENT_NAMES = [...Object.keys(RATING_ELEMENTS), 'rev:maxRating', 'ratings'];
