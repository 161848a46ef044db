import type { Attachment, HeaderLines, ParsedMail } from 'mailparser';

/** What we read of a parsed mail (a narrower type keeps that visible and tests simple). */
export type MailData = Pick<
  ParsedMail,
  | 'headers'
  | 'headerLines'
  | 'html'
  | 'text'
  | 'subject'
  | 'references'
  | 'date'
  | 'to'
  | 'from'
  | 'cc'
  | 'messageId'
  | 'inReplyTo'
  | 'replyTo'
> & { attachments: Pick<Attachment, 'contentType' | 'filename' | 'size' | 'content' | 'cid'>[] };

/** The part of a parsed mail the header helpers read. */
export interface HasHeaderLines {
  headerLines: HeaderLines;
}

/**
 * The raw value of the first header with this name, unfolded, or null. Raw lines rather than
 * mailparser's structured values: those differ in shape per header (List-* become `list`,
 * an empty Return-Path an address object), and the checks here only need the text.
 */
export function rawHeader(mail: HasHeaderLines, name: string): string | null {
  const key = name.toLowerCase();
  const found = mail.headerLines.find((h) => h.key === key);
  if (!found) return null;
  const colon = found.line.indexOf(':');
  return found.line
    .slice(colon + 1)
    .replace(/\r?\n[ \t]+/g, ' ')
    .trim();
}

export function hasHeader(mail: HasHeaderLines, name: string): boolean {
  const key = name.toLowerCase();
  return mail.headerLines.some((h) => h.key === key);
}

/** Every `<id>` in a Message-ID list header (In-Reply-To, References), in order, without repeats. */
export function messageIdsIn(value: string | string[] | null | undefined): string[] {
  if (!value) return [];
  const text = Array.isArray(value) ? value.join(' ') : value;
  const ids = text.match(/<[^<>\s]+>/g) ?? [];
  return [...new Set(ids)];
}

/** A Message-ID in our one stored form: "<local@domain>" (some mailers omit the brackets). */
export function normalizeMessageId(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  if (!trimmed) return null;
  const inner = trimmed.replace(/^<+/, '').replace(/>+$/, '').trim();
  if (!inner || /\s/.test(inner)) return null;
  return `<${inner}>`;
}
