import { CHANNELS, type Channel } from '../../../config/defaults.js';
import { htmlToText, sanitizeHtml } from '../../common/html/sanitize.js';
import type { ReplyChannel } from '../conversations/conversation.entity.js';
import {
  type AttachmentFile,
  inlineImageResolver,
  normalizeAttachments,
} from '../attachments/attachment-files.js';
import type { AttachmentInfo } from '../conversations/message.entity.js';
import type { RawRemark } from './raw-remark.js';

/** Bodies beyond this are cut (and flagged): a remark is read by people, not archived whole. */
export const MAX_BODY_BYTES = 100 * 1024;
const MAX_EXTERNAL_ID = 998;
/** Clock skew we accept before calling a timestamp "in the future". */
const FUTURE_TOLERANCE_MS = 60_000;

export const FLAGS = {
  truncated: 'truncated',
  invalidUtf8: 'invalid_utf8',
  controlCharacters: 'control_characters',
  futureDate: 'future_date',
  invalidDate: 'invalid_date',
  invalidEmail: 'invalid_email',
  invalidUrl: 'invalid_url',
  emptyText: 'empty_text',
} as const;

/** A remark checked and cleaned, ready for the pipeline's decisions. */
export interface NormalizedRemark {
  index: number;
  channel: Channel;
  connectorId: string | null;
  /** Dedupe scope: the connector id or "api". */
  source: string;
  externalId: string;
  body: string;
  fullBody: string | null;
  html: string | null;
  truncated: boolean;
  subject: string | null;
  authorName: string | null;
  email: string | null;
  /** "<scope>:<identity>" for channels without email. */
  channelIdentity: string | null;
  rating: number | null;
  url: string | null;
  receivedAt: number;
  thread: { conversationId: string | null; reference: string | null; inReplyTo: string[] };
  replyChannel: ReplyChannel | undefined;
  /** A department the channel fixes (web form setting); overrides routing's choice. */
  departmentId: string | null;
  attachments: AttachmentInfo[] | null;
  /** The attachments' bytes, written with the message. */
  files: AttachmentFile[];
  meta: Record<string, unknown> | null;
  flags: string[];
  suppress: boolean;
}

export type NormalizeResult = { ok: true; remark: NormalizedRemark } | { ok: false; message: string };

// Lone surrogates cannot be encoded as UTF-8; U+FFFD says a decoder already met bad bytes.
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const BROKEN_UTF = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\uFFFD/;
// NUL cannot be stored in PostgreSQL text; other C0 controls are noise from broken encodings.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// eslint-disable-next-line no-control-regex
const CONTROL_ALL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Makes text storable everywhere, noting what had to be repaired. */
export function cleanText(input: string, flags: Set<string>): string {
  let text = input;
  if (BROKEN_UTF.test(text)) {
    flags.add(FLAGS.invalidUtf8);
    text = text.replace(LONE_SURROGATES, '\uFFFD');
  }
  if (CONTROL.test(text)) {
    flags.add(FLAGS.controlCharacters);
    text = text.replace(CONTROL_ALL, '');
  }
  return text;
}

/** At most `maxBytes` of UTF-8, cut on a character boundary. */
export function clipBytes(text: string, maxBytes: number): { text: string; cut: boolean } {
  if (text.length * 3 <= maxBytes || Buffer.byteLength(text, 'utf8') <= maxBytes) return { text, cut: false };
  let clipped = Buffer.from(text, 'utf8').subarray(0, maxBytes).toString('utf8');
  if (clipped.endsWith('\uFFFD') && !text.startsWith(clipped)) clipped = clipped.slice(0, -1);
  return { text: clipped, cut: true };
}

/** At most `max` UTF-16 units, never splitting a surrogate pair. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

function optionalText(value: unknown, max: number, flags: Set<string>): string | null {
  if (typeof value !== 'string') return null;
  const text = clip(cleanText(value, flags).replace(/\s+/g, ' ').trim(), max);
  return text || null;
}

function normalizeEmail(value: unknown, flags: Set<string>): string | null {
  if (typeof value !== 'string' || !value.trim()) return null;
  const email = value.trim().toLowerCase();
  if (email.length > 320 || !/^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+$/.test(email)) {
    flags.add(FLAGS.invalidEmail);
    return null;
  }
  return email;
}

function normalizeUrl(value: unknown, flags: Set<string>): string | null {
  if (typeof value !== 'string' || !value.trim()) return null;
  try {
    const url = new URL(value.trim());
    // Shown as a link in the UI: anything but http(s) could run script there.
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.href.length <= 2000) return url.href;
  } catch {
    // fall through
  }
  flags.add(FLAGS.invalidUrl);
  return null;
}

function normalizeTime(value: RawRemark['receivedAt'], now: number, flags: Set<string>): number {
  if (value === null || value === undefined) return now;
  const time = value instanceof Date ? value.getTime() : value;
  if (typeof time !== 'number' || !Number.isFinite(time) || time < 0) {
    flags.add(FLAGS.invalidDate);
    return now;
  }
  if (time > now + FUTURE_TOLERANCE_MS) {
    flags.add(FLAGS.futureDate);
    return now;
  }
  return Math.min(Math.round(time), now);
}

/** Cleans the body, the full text and the HTML; cuts oversized ones. */
function normalizeBody(raw: RawRemark, flags: Set<string>, inlineImages: ReadonlyMap<string, string>) {
  let truncated = false;
  const limit = (text: string) => {
    const clipped = clipBytes(text, MAX_BODY_BYTES);
    truncated ||= clipped.cut;
    return clipped.text;
  };
  const html =
    typeof raw.html === 'string' && raw.html.trim()
      ? sanitizeHtml(limit(raw.html), inlineImageResolver(inlineImages))
      : null;
  let body = typeof raw.text === 'string' ? limit(cleanText(raw.text, flags)).trim() : '';
  if (!body && html) body = limit(cleanText(htmlToText(html), flags));
  const fullBody =
    typeof raw.fullText === 'string' && raw.fullText.trim() && raw.fullText !== raw.text
      ? limit(cleanText(raw.fullText, flags))
      : null;
  if (truncated) flags.add(FLAGS.truncated);
  return { body, html: html ? cleanText(html, flags) : null, fullBody, truncated };
}

function normalizeThread(thread: RawRemark['thread']): NormalizedRemark['thread'] {
  const strings = (list: unknown) =>
    Array.isArray(list)
      ? list.filter((s): s is string => typeof s === 'string' && s.length > 0 && s.length <= MAX_EXTERNAL_ID)
      : [];
  return {
    conversationId: typeof thread?.conversationId === 'string' ? thread.conversationId : null,
    reference: typeof thread?.reference === 'string' ? thread.reference.trim().toUpperCase() : null,
    inReplyTo: strings(thread?.inReplyTo).slice(-50),
  };
}

/**
 * Checks one remark and cleans what can be cleaned. Fails only what cannot be stored honestly:
 * no channel, no external id (no dedupe), nothing to read.
 */
export function normalizeRemark(raw: RawRemark, index: number, now: number): NormalizeResult {
  if (!raw || typeof raw !== 'object') return { ok: false, message: 'remark must be an object' };
  if (!CHANNELS.includes(raw.channel))
    return { ok: false, message: `unknown channel ${String(raw.channel)}` };
  const externalId = typeof raw.externalId === 'string' ? raw.externalId.trim() : '';
  if (!externalId) return { ok: false, message: 'externalId must not be empty' };
  if (externalId.length > MAX_EXTERNAL_ID)
    return { ok: false, message: `externalId must be at most ${MAX_EXTERNAL_ID} characters` };
  if (BROKEN_UTF.test(externalId) || CONTROL.test(externalId))
    return { ok: false, message: 'externalId contains invalid characters' };

  const flags = new Set<string>(
    Array.isArray(raw.flags) ? raw.flags.filter((f) => typeof f === 'string') : [],
  );
  const { attachments, files, inlineImages } = normalizeAttachments(raw.attachments, flags);
  const { body, html, fullBody, truncated } = normalizeBody(raw, flags, inlineImages);
  const subject = optionalText(raw.subject, 500, flags);
  if (!body && !subject && !attachments) return { ok: false, message: 'text must not be empty' };
  if (!body) flags.add(FLAGS.emptyText);

  const connectorId = typeof raw.connectorId === 'string' && raw.connectorId ? raw.connectorId : null;
  const source = connectorId ?? 'api';
  const identity = optionalText(raw.author?.identity, 400, flags);
  return {
    ok: true,
    remark: {
      index,
      channel: raw.channel,
      connectorId,
      source,
      externalId,
      body,
      fullBody,
      html,
      truncated,
      subject,
      authorName: optionalText(raw.author?.name, 200, flags),
      email: normalizeEmail(raw.author?.email, flags),
      channelIdentity: identity ? `${source}:${identity.toLowerCase()}` : null,
      rating: typeof raw.rating === 'number' && Number.isFinite(raw.rating) ? raw.rating : null,
      url: normalizeUrl(raw.url, flags),
      receivedAt: normalizeTime(raw.receivedAt, now, flags),
      thread: normalizeThread(raw.thread),
      replyChannel: raw.replyChannel,
      departmentId: typeof raw.departmentId === 'string' && raw.departmentId ? raw.departmentId : null,
      attachments,
      files,
      meta: raw.meta && typeof raw.meta === 'object' ? raw.meta : null,
      flags: [...flags],
      suppress: raw.suppress === true,
    },
  };
}

/** The first words of a remark, for the inbox list. */
export function previewOf(body: string, subject: string | null): string {
  return clip((body || subject || '').replace(/\s+/g, ' ').trim(), 300);
}
