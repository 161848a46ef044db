import { type MailData, messageIdsIn, normalizeMessageId } from './mail-headers.js';

/**
 * What a delivery failure report (DSN, RFC 3464, or a free-form bounce) says about the mail that
 * failed: its Message-ID(s), to find our reply, and the reason, to show the agent.
 */
export interface BounceInfo {
  /** Message-IDs of the mail that failed, best guess first. */
  originalMessageIds: string[];
  reason: string;
}

const MAX_REASON_LENGTH = 500;
const MESSAGE_ID_LINE = /^message-id:[ \t]*(?:\r?\n[ \t]+)?(<[^<>\s]+>|[^<>\s]+@[^<>\s]+)/gim;
const DIAGNOSTIC = /^diagnostic-code:[ \t]*(?:smtp;[ \t]*)?(.+(?:\r?\n[ \t]+.+)*)/im;
const STATUS = /^status:[ \t]*([245]\.\d{1,3}\.\d{1,3})/im;
/** A line quoting an SMTP answer ("550 5.1.1 User unknown", "<a@b>: host said: 554 …"). */
const SMTP_ANSWER = /^.*\b[45]\d\d[ -](?:[45]\.\d{1,3}\.\d{1,3}\b)?.*$/m;

export function parseBounce(mail: MailData, source: Buffer): BounceInfo {
  const own = normalizeMessageId(mail.messageId);
  const body = bodyOf(source.toString('latin1'));
  const ids = [
    ...embeddedMessageIds(mail),
    ...[...body.matchAll(MESSAGE_ID_LINE)].map((m) => m[1]),
    ...messageIdsIn(mail.inReplyTo),
    ...messageIdsIn(mail.references).reverse(),
  ]
    .map((id) => normalizeMessageId(id))
    .filter((id): id is string => id !== null && id !== own);
  return { originalMessageIds: [...new Set(ids)], reason: reasonOf(mail, body) };
}

/** Headers of the returned mail, from its message/rfc822 or text/rfc822-headers part. */
function embeddedMessageIds(mail: MailData): string[] {
  return mail.attachments
    .filter((a) => /^(?:message\/rfc822|text\/rfc822-headers|message\/global)/i.test(a.contentType))
    .flatMap((a) =>
      [...headerBlock(a.content.toString('latin1')).matchAll(MESSAGE_ID_LINE)].map((m) => m[1]),
    );
}

function headerBlock(text: string): string {
  const end = text.search(/\r?\n\r?\n/);
  return end < 0 ? text : text.slice(0, end);
}

function bodyOf(raw: string): string {
  const end = raw.search(/\r?\n\r?\n/);
  return end < 0 ? '' : raw.slice(end);
}

function reasonOf(mail: MailData, body: string): string {
  const diagnostic = DIAGNOSTIC.exec(body)?.[1];
  const status = STATUS.exec(body)?.[1];
  const fromText = (mail.text ?? '').match(SMTP_ANSWER)?.[0];
  const reason =
    diagnostic?.replace(/\s+/g, ' ') ??
    fromText?.trim() ??
    (status ? `Delivery status ${status}` : null) ??
    `Delivery failed${mail.subject ? `: ${mail.subject}` : ''}`;
  return reason.trim().slice(0, MAX_REASON_LENGTH);
}
