/**
 * Splits the new part of an email off the quoted history and the signature, so that what is
 * classified and shown first is what the customer just wrote. Conservative on purpose: when in
 * doubt a line stays, and the result is never empty while the input has text.
 */
export interface StrippedText {
  /** The new part: no quoted history, no signature. */
  text: string;
  quoteRemoved: boolean;
  signatureRemoved: boolean;
}

/** "Am 12.03.2024 um 10:15 schrieb Max <max@example.com>:", "On Tue, … John wrote:" and kin. */
const ATTRIBUTION =
  /^\s*(?:am|on|le|el|op|il)\s.{2,300}?\b(?:schrieb|wrote|a écrit|escribió|schreef|ha scritto)\b[^\n]{0,300}:\s*$/i;
const ATTRIBUTION_START = /^\s*(?:am|on|le|el|op|il)\s/i;
const ORIGINAL_MESSAGE =
  /^\s*-{2,}\s*(?:original message|ursprüngliche nachricht|originalnachricht|message d'origine|mensaje original)\s*-{2,}/i;
const UNDERSCORE_RULE = /^\s*_{10,}\s*$/;
/** Outlook's header block of the quoted mail, in plain text or as converted from HTML ("*Von:* …"). */
const HEADER_FROM = /^\s*\*?(?:from|von|de|van|da)\s*:\*?\s*\S/i;
const HEADER_OTHER =
  /^\s*\*?(?:sent|gesendet|date|datum|to|an|cc|subject|betreff|envoyé|objet|à|enviado|para|asunto)\s*:\*?/i;
const QUOTED_LINE = /^\s*>/;
/** A forwarded mail is what the customer wants us to read: the header block after it stays. */
const FORWARD_MARKER =
  /^\s*(?:-{2,}\s*(?:forwarded message|weitergeleitete nachricht)|begin forwarded message:|anfang der weitergeleiteten nachricht:)/i;

const SIGNATURE_DELIMITER = /^--\s?$/;
const MOBILE_SIGNATURE =
  /^\s*(?:sent from my\b|sent from (?:outlook|mail for windows|yahoo mail)|get outlook for\b|von meinem .{1,40} gesendet|gesendet (?:von|mit) (?:meinem|der|outlook)\b|envoyé de mon\b|enviado desde mi\b)/i;
const SIGN_OFF =
  /^\s*(?:mit freundlichen grüßen|mit freundlichem gruß|mit besten grüßen|freundliche grüße|viele grüße|beste grüße|liebe grüße|herzliche grüße|schöne grüße|sonnige grüße|lieben gruß|besten gruß|gruß|grüße|mfg|lg|vg|best regards|kind regards|warm regards|warmest regards|regards|best wishes|best|cheers|many thanks|thanks in advance|thanks|thank you|sincerely|yours sincerely|yours truly|yours faithfully)\s*[,.!]?(?:\s+[\p{Lu}][\p{L}.'-]*(?:\s+[\p{Lu}][\p{L}.'-]*){0,3})?\s*$/iu;
const NAME_LINE = /^[\p{Lu}][\p{L}.'-]*(?:[ ]+(?:[\p{Lu}][\p{L}.'-]*|von|van|de|der|zu)){0,4}\s*,?\s*$/u;
const CONTACT_HINT =
  /(?:[+(]?\d[\d\s()/.-]{6,}\d)|(?:@[\w-]+\.)|(?:https?:\/\/|www\.)|^\s*(?:tel|telefon|phone|fax|mobil|mobile|handy|e-?mail|web|mail)\b|\b(?:gmbh|ag|kg|ltd|inc|llc|e\.v\.|ug)\b/i;
/** Longer lines are prose, and testing them against ATTRIBUTION would only cost time. */
const MAX_ATTRIBUTION_LENGTH = 600;
/** At most this many lines may follow a sign-off for it to count as the start of a signature. */
const MAX_SIGNATURE_LINES = 10;
const MAX_FOOTER_LINES = 30;

/** Where clients put the quoted mail in HTML: Gmail, Thunderbird, Apple Mail, Outlook, Yahoo. */
const HTML_QUOTE_START =
  /<div[^>]*\bclass\s*=\s*["']?[^"'>]*\b(?:gmail_quote(?:_container)?|moz-cite-prefix|yahoo_quoted)\b|<blockquote[^>]*\btype\s*=\s*["']?cite|<div[^>]*\bid\s*=\s*["']?(?:appendonsend|divRplyFwdMsg)\b|<hr[^>]*\bid\s*=\s*["']?stopSpelling/i;

/** The HTML before the quoted mail a client appended, or null when there is no such marker. */
export function htmlBeforeQuote(html: string): string | null {
  const match = HTML_QUOTE_START.exec(html);
  return match && match.index > 0 ? html.slice(0, match.index) : null;
}

export function stripQuotesAndSignature(input: string): StrippedText {
  const lines = input.replace(/\r\n?/g, '\n').split('\n');
  const original = input.trim();

  const quoteStart = findQuoteStart(lines);
  let head = quoteStart === null ? lines : lines.slice(0, quoteStart);
  head = dropTrailingQuoteBlock(head);
  const quoteRemoved = head.length < lines.length && joined(head) !== '';

  const sigStart = findSignatureStart(head);
  const body = sigStart === null ? head : head.slice(0, sigStart);
  if (sigStart !== null && joined(body) !== '')
    return { text: joined(body), quoteRemoved, signatureRemoved: true };
  if (quoteRemoved) return { text: joined(head), quoteRemoved, signatureRemoved: false };

  // Bottom-posted or interleaved replies: the new text sits between quoted blocks.
  const unquoted = withoutQuotedLines(lines);
  if (unquoted !== '' && unquoted !== original)
    return { text: unquoted, quoteRemoved: true, signatureRemoved: false };
  return { text: original, quoteRemoved: false, signatureRemoved: false };
}

function joined(lines: string[]): string {
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Index of the first line of quoted history (an attribution, separator or header block), or null. */
function findQuoteStart(lines: string[]): number | null {
  for (let i = 0; i < lines.length; i++) {
    if (FORWARD_MARKER.test(lines[i])) return null;
    if (isAttribution(lines, i) || ORIGINAL_MESSAGE.test(lines[i])) return i;
    if (UNDERSCORE_RULE.test(lines[i]) && nextNonBlank(lines, i + 1, (l) => HEADER_FROM.test(l))) return i;
    if (HEADER_FROM.test(lines[i]) && isHeaderBlock(lines, i)) return i;
  }
  return null;
}

/** Clients wrap long attributions ("On …, John <john@…>\nwrote:"), so up to three lines are joined. */
function isAttribution(lines: string[], i: number): boolean {
  if (lines[i].length > MAX_ATTRIBUTION_LENGTH || !ATTRIBUTION_START.test(lines[i])) return false;
  for (let span = 1; span <= 3 && i + span <= lines.length; span++) {
    const candidate = lines.slice(i, i + span).join(' ');
    // A date or an address inside tells an attribution from a sentence like "On Monday I wrote:".
    if (ATTRIBUTION.test(candidate) && /\d|@/.test(candidate)) return true;
  }
  return false;
}

/**
 * "From:" followed within a few lines by two more header lines (Sent/To/Subject …), or by one
 * when the From line holds an address (clients that lay the block out as a table lose labels).
 */
function isHeaderBlock(lines: string[], i: number): boolean {
  let headers = 0;
  for (let j = i + 1; j < Math.min(lines.length, i + 8); j++) {
    if (HEADER_OTHER.test(lines[j])) headers++;
    else if (lines[j].trim() === '' && headers > 0) break;
  }
  return headers >= 2 || (headers === 1 && /@[\w-]+\./.test(lines[i]));
}

function nextNonBlank(lines: string[], from: number, test: (line: string) => boolean): boolean {
  for (let j = from; j < Math.min(lines.length, from + 3); j++)
    if (lines[j].trim() !== '') return test(lines[j]);
  return false;
}

/** A final block of "> " lines (with blank lines in between) is history, not new text. */
function dropTrailingQuoteBlock(lines: string[]): string[] {
  let end = lines.length;
  let sawQuote = false;
  while (end > 0 && (QUOTED_LINE.test(lines[end - 1]) || lines[end - 1].trim() === '')) {
    if (QUOTED_LINE.test(lines[end - 1])) sawQuote = true;
    end--;
  }
  if (!sawQuote) return lines;
  // The attribution right above the block ("John wrote:") goes with it.
  if (end > 0 && /:\s*$/.test(lines[end - 1]) && isAttributionLike(lines[end - 1])) end--;
  return lines.slice(0, end);
}

function isAttributionLike(line: string): boolean {
  return /\b(?:schrieb|wrote|a écrit|escribió|schreef|ha scritto)\b/i.test(line);
}

function withoutQuotedLines(lines: string[]): string {
  const kept = lines.filter(
    (line, i) =>
      !QUOTED_LINE.test(line) && !(isAttributionLike(line) && QUOTED_LINE.test(lines[i + 1] ?? '')),
  );
  return joined(kept);
}

/** Index where the signature starts ("-- ", "Sent from my iPhone", a sign-off and a name), or null. */
function findSignatureStart(lines: string[]): number | null {
  for (let i = 1; i < lines.length; i++) {
    if (SIGNATURE_DELIMITER.test(lines[i]) || MOBILE_SIGNATURE.test(lines[i])) return i;
    if (SIGN_OFF.test(lines[i]) && onlyNameAndContactFollow(lines, i + 1)) return i;
  }
  return null;
}

function onlyNameAndContactFollow(lines: string[], from: number): boolean {
  const rest = lines.slice(from).filter((l) => l.trim() !== '');
  if (rest.length === 0) return true;
  const [first, ...others] = rest;
  if (SIGNATURE_DELIMITER.test(first) || MOBILE_SIGNATURE.test(first)) return true;
  if (!NAME_LINE.test(first.trim()) && !CONTACT_HINT.test(first)) return false;
  if (rest.length <= MAX_SIGNATURE_LINES && others.every((l) => isContactLine(l))) return true;
  return isCompanyFooter(others);
}

/**
 * Business signatures run long (address, register court, managing directors). Such a block
 * counts when it is short-lined, asks nothing and carries contact details.
 */
function isCompanyFooter(lines: string[]): boolean {
  return (
    lines.length <= MAX_FOOTER_LINES &&
    lines.every((l) => l.trim().length <= 100 && !/\?\s*$/.test(l)) &&
    lines.filter((l) => CONTACT_HINT.test(l)).length >= 2
  );
}

function isContactLine(line: string): boolean {
  const s = line.trim();
  if (SIGNATURE_DELIMITER.test(s) || MOBILE_SIGNATURE.test(s) || CONTACT_HINT.test(s)) return true;
  if (s.length > 60 || /[?!]$/.test(s)) return false;
  return s.split(/\s+/).length <= 6 && !/[.:]$/.test(s);
}
