import { createHash } from 'node:crypto';
import { type AddressObject, type EmailAddress, simpleParser } from 'mailparser';
import { htmlToText } from '../../../common/html/sanitize.js';
import type { RawRemark } from '../../ingestion/raw-remark.js';
import { type AutomatedVerdict, detectAutomated } from './auto-reply-detector.js';
import { type BounceInfo, parseBounce } from './bounce.js';
import { type MailData, messageIdsIn, normalizeMessageId } from './mail-headers.js';
import { htmlBeforeQuote, stripQuotesAndSignature } from './quote-stripper.js';

/** One mail from the mailbox, as the ingestion pipeline and the bounce handling need it. */
export interface ParsedEmail {
  remark: RawRemark;
  automated: AutomatedVerdict | null;
  /** Set for bounces: which of our mails failed and why. */
  bounce: BounceInfo | null;
}

export interface MailContext {
  connectorId: string;
  /** Our own address: mail from it is our echo, not a customer. */
  ownAddress?: string;
  /** The server's arrival time, used when the Date header is missing or broken. */
  internalDate?: Date | null;
}

const PARSER_OPTIONS = {
  keepCidLinks: true,
  skipImageLinks: true,
  skipTextToHtml: true,
  skipTextLinks: true,
  // HTML-only mails get their text from textOf(), which can cut before the quoted part first.
  skipHtmlToText: true,
  checksumAlgo: false,
} as const;

const MAX_HTML_FOR_TEXT = 1_000_000;
const MAX_RAW_TEXT = 100_000;
const FORWARD_SUBJECT = /^\s*(?:fwd?|wg|fw|tr|vs)\s*:/i;
/** `[#R-1042]` in a subject: the conversation our reply came from. */
const REFERENCE_TOKEN = /\[#\s*([A-Z]{1,5}-\d{1,12})\s*\]/i;
/** Header lines servers add on the way; left out of the fallback id so a re-delivery hashes the same. */
const TRACE_HEADERS = new Set([
  'received',
  'return-path',
  'delivered-to',
  'x-original-to',
  'authentication-results',
  'arc-seal',
  'arc-message-signature',
  'arc-authentication-results',
  'received-spf',
  'dkim-signature',
  'x-spam-status',
  'x-spam-score',
  'x-spam-flag',
]);

export async function parseEmail(source: Buffer, ctx: MailContext): Promise<ParsedEmail> {
  let mail: MailData;
  try {
    mail = await simpleParser(source, PARSER_OPTIONS);
  } catch (error) {
    return { remark: unparseableRemark(source, ctx, error), automated: null, bounce: null };
  }
  return mailToRemark(mail, source, ctx);
}

export function mailToRemark(mail: MailData, source: Buffer, ctx: MailContext): ParsedEmail {
  const flags: string[] = [];
  const automated = detectAutomated(mail) ?? ownEcho(mail, ctx);
  const bounce = automated?.kind === 'bounce' ? parseBounce(mail, source) : null;
  const messageId = normalizeMessageId(mail.messageId);
  if (!messageId) flags.push('no_message_id');
  const author = authorOf(mail);
  if (!author.email) flags.push('no_sender_address');

  const html = typeof mail.html === 'string' && mail.html.trim() ? mail.html : null;
  // A forward carries the mail the customer wants us to read: nothing of it is split off.
  let { text, fullText } = textOf(mail.text, html, !FORWARD_SUBJECT.test(mail.subject ?? ''));
  if (!text && !mail.subject?.trim() && !mail.attachments.length) {
    // Nothing readable came out of the parser: keep the raw mail so a person can look at it.
    text = fullText = source.toString('utf8').slice(0, MAX_RAW_TEXT).trim();
    flags.push('unreadable_mail');
  }
  const subject = mail.subject?.replace(/\s+/g, ' ').trim() || null;
  const inReplyTo = messageIdsIn(mail.inReplyTo);
  const references = messageIdsIn(mail.references);

  const remark: RawRemark = {
    channel: 'email',
    connectorId: ctx.connectorId,
    externalId: messageId ?? fallbackId(mail, source),
    text,
    fullText: text !== fullText ? fullText : null,
    html,
    subject,
    author,
    receivedAt: receivedAt(mail, ctx, flags),
    thread: {
      reference: subject ? (REFERENCE_TOKEN.exec(subject)?.[1].toUpperCase() ?? null) : null,
      // Newest last: the References chain, the mail this one answers directly, and for a
      // bounce the mail that failed (best guess last), so it lands beside our failed reply.
      inReplyTo: [
        ...new Set([...references, ...inReplyTo, ...[...(bounce?.originalMessageIds ?? [])].reverse()]),
      ],
    },
    replyChannel: 'email',
    attachments: mail.attachments.map((a) => ({
      filename: a.filename ?? null,
      contentType: a.contentType,
      size: a.size,
      content: a.content,
      cid: a.cid ?? null,
    })),
    meta: {
      messageId,
      inReplyTo,
      references,
      to: addresses(mail.to),
      cc: addresses(mail.cc),
      ...(automated ? { automated } : {}),
      ...(bounce ? { bounce } : {}),
    },
    flags,
    suppress: automated !== null,
  };
  return { remark, automated, bounce };
}

/**
 * The new text (quotes and signature split off) and the full text. Without a text part the
 * text comes from the HTML, cut before the quote container the client marked, if any.
 */
function textOf(
  textPart: string | undefined,
  html: string | null,
  strip = true,
): { text: string; fullText: string } {
  const plain = textPart?.trim();
  if (plain || !html) {
    const fullText = plain ?? '';
    return { text: strip ? stripQuotesAndSignature(fullText).text : fullText, fullText };
  }
  // Converting megabytes of HTML costs seconds, and ingestion keeps 100 kB of text anyway.
  // Table cells get a space between them, or "An" and the address run together.
  const head = html.slice(0, MAX_HTML_FOR_TEXT).replace(/<\/t[dh]\s*>/gi, ' $&');
  const fullText = htmlToText(head);
  if (!strip) return { text: fullText, fullText };
  const before = htmlBeforeQuote(head);
  const newPart = before !== null ? htmlToText(before) : fullText;
  const text = stripQuotesAndSignature(newPart).text || stripQuotesAndSignature(fullText).text;
  return { text, fullText };
}

function authorOf(mail: MailData): RawRemark['author'] {
  // A mail without a usable From still has someone to answer: Reply-To, else Sender.
  const sender = senderOf(mail.from) ?? senderOf(mail.replyTo) ?? senderOf(addressHeader(mail, 'sender'));
  const fallbackName = mail.from?.value[0]?.name.trim() || null;
  return {
    name: sender?.name.trim() || fallbackName,
    email: sender?.address ? sender.address.trim().toLowerCase() : null,
  };
}

function senderOf(header: AddressObject | undefined): EmailAddress | undefined {
  const flat = header?.value.flatMap((a) => (a.group ? a.group : [a])) ?? [];
  return flat.find((a) => a.address && a.address.includes('@'));
}

function addressHeader(mail: MailData, name: string): AddressObject | undefined {
  const value = mail.headers.get(name);
  return value && typeof value === 'object' && 'value' in value && Array.isArray(value.value)
    ? (value as AddressObject)
    : undefined;
}

function addresses(header: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(header) ? header : header ? [header] : [];
  return list
    .flatMap((h) => h.value.flatMap((a) => (a.group ? a.group : [a])))
    .map((a) => a.address?.toLowerCase())
    .filter((a): a is string => !!a);
}

/** Mail from our own address is an echo of a reply (Bcc, a loop), never a customer's remark. */
function ownEcho(mail: MailData, ctx: MailContext): AutomatedVerdict | null {
  const from = mail.from?.value[0]?.address?.toLowerCase();
  return ctx.ownAddress && from === ctx.ownAddress.toLowerCase()
    ? { kind: 'auto_reply', reason: 'from our own address' }
    : null;
}

function receivedAt(mail: MailData, ctx: MailContext, flags: string[]): Date | null {
  if (mail.date && !Number.isNaN(mail.date.getTime())) return mail.date;
  if (mail.headerLines.some((h) => h.key === 'date')) flags.push('invalid_date');
  return ctx.internalDate ?? null;
}

/** A stable id for a mail without Message-ID: the same mail gives the same id on every sync. */
function fallbackId(mail: MailData, source: Buffer): string {
  const hash = createHash('sha256');
  for (const h of mail.headerLines) if (!TRACE_HEADERS.has(h.key)) hash.update(h.line).update('\n');
  hash.update(bodyBytes(source));
  return `<sha256.${hash.digest('hex')}@resonanz.invalid>`;
}

function bodyBytes(source: Buffer): Buffer {
  const crlf = source.indexOf('\r\n\r\n');
  const lf = source.indexOf('\n\n');
  const ends = [crlf < 0 ? -1 : crlf + 4, lf < 0 ? -1 : lf + 2].filter((i) => i >= 0);
  return ends.length ? source.subarray(Math.min(...ends)) : Buffer.alloc(0);
}

/** Mail the parser rejects is still stored (flagged) with its raw text, never dropped. */
function unparseableRemark(source: Buffer, ctx: MailContext, error: unknown): RawRemark {
  const text = source.toString('utf8').slice(0, MAX_RAW_TEXT);
  return {
    channel: 'email',
    connectorId: ctx.connectorId,
    externalId: `<sha256.${createHash('sha256').update(source).digest('hex')}@resonanz.invalid>`,
    text,
    subject: null,
    author: { name: null, email: null },
    receivedAt: ctx.internalDate ?? null,
    replyChannel: 'email',
    meta: { parseError: error instanceof Error ? error.message : String(error) },
    flags: ['unparseable'],
  };
}
