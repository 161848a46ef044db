import { Injectable, Logger } from '@nestjs/common';
import type { DeliveryOutcome, OutboundReply, ReplySender } from '../channel-adapter.js';
import { EmailTransportService } from './email-transport.service.js';
import { messageIdsIn } from './mail-headers.js';

/** Reply prefixes of common clients, stripped so a long thread keeps one "Re:". */
const REPLY_PREFIX = /^\s*(?:(?:re|aw|antw|wg|fwd?|sv|vs|tr|ref)\s*(?:\[\d+\])?\s*:\s*)+/i;
const REFERENCE_TOKEN = /\s*\[#\s*[A-Z]{1,5}-\d{1,12}\s*\]/gi;
/** A real Message-ID (ours or a customer's); excludes our hashes for mails that had none. */
const REAL_MESSAGE_ID = /^<[^<>\s@]+@[^<>\s@]+>$/;
const GENERATED_ID_DOMAIN = '@resonanz.invalid>';
/** Long threads: the first id (the thread root) and the newest ones are what clients use. */
const MAX_REFERENCES = 20;

/** "Re: <original subject> [#R-1042]", however many times it went back and forth. */
export function replySubject(subject: string | null, reference: string): string {
  const base = (subject ?? '').replace(REFERENCE_TOKEN, '').replace(REPLY_PREFIX, '').trim();
  return base ? `Re: ${base} [#${reference}]` : `Re: [#${reference}]`;
}

export interface ThreadHeaders {
  inReplyTo?: string;
  references: string[];
}

/**
 * In-Reply-To: the customer's last Message-ID; References: the chain the customer's mail carried
 * plus every Message-ID of the conversation (theirs and ours), oldest first.
 */
export function threadHeaders(history: OutboundReply['history']): ThreadHeaders {
  const isReal = (id: string | null): id is string =>
    !!id && REAL_MESSAGE_ID.test(id) && !id.endsWith(GENERATED_ID_DOMAIN);
  const lastInbound = [...history].reverse().find((m) => m.direction === 'inbound' && isReal(m.externalId));
  const chain: string[] = [];
  if (lastInbound) {
    const meta = lastInbound.meta ?? {};
    chain.push(...messageIdsIn(Array.isArray(meta.references) ? (meta.references as string[]) : null));
  }
  for (const m of history) if (m.direction !== 'note' && isReal(m.externalId)) chain.push(m.externalId);
  const inReplyTo = lastInbound?.externalId ?? undefined;
  let references = [...new Set(chain.filter(isReal))];
  if (inReplyTo) references = [...references.filter((id) => id !== inReplyTo), inReplyTo];
  if (references.length > MAX_REFERENCES)
    references = [references[0], ...references.slice(references.length - MAX_REFERENCES + 1)];
  return { inReplyTo: inReplyTo ?? undefined, references };
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

interface SmtpFailure {
  message?: string;
  code?: string;
  response?: string;
  responseCode?: number;
}

/** A 5xx answer is final; 4xx answers and connection trouble may pass on a later try. */
export function deliveryFailure(error: unknown): Extract<DeliveryOutcome, { status: 'failed' }> {
  const e = (typeof error === 'object' && error !== null ? error : {}) as SmtpFailure;
  const code = typeof e.responseCode === 'number' ? e.responseCode : null;
  const detail = (e.response || e.message || String(error)).replace(/\s+/g, ' ').trim();
  const text =
    code === null
      ? `SMTP: ${detail}`
      : detail.startsWith(String(code))
        ? `SMTP ${detail}`
        : `SMTP ${code}: ${detail}`;
  const permanentWithoutCode = e.code === 'EAUTH' || e.code === 'EENVELOPE' || e.code === 'EMESSAGE';
  const retryable = code !== null ? code < 500 || code === 503 : !permanentWithoutCode;
  return { status: 'failed', error: text.slice(0, 1000), retryable };
}

/**
 * Sends agents' replies by email: for email conversations and for web form conversations whose
 * customer asked for an answer by mail. The reply carries our own Message-ID (returned as the
 * message's externalId) and threading headers, so the customer's answer comes back to the
 * same conversation.
 */
@Injectable()
export class EmailReplySender implements ReplySender {
  readonly replyChannel = 'email' as const;
  private readonly logger = new Logger(EmailReplySender.name);

  constructor(private readonly transports: EmailTransportService) {}

  async send(reply: OutboundReply): Promise<DeliveryOutcome> {
    const { conversation } = reply;
    const to = conversation.contact.email;
    if (!to) return { status: 'failed', error: 'The customer has no email address', retryable: false };
    let route;
    try {
      route = await this.transports.routeFor(conversation.connectorId);
    } catch (error) {
      return { status: 'failed', error: `Outgoing mail settings: ${messageOf(error)}`, retryable: true };
    }
    if (!route)
      return {
        status: 'failed',
        error:
          'No outgoing mail server: the conversation has no email connector and SMTP_URL/MAIL_FROM are not set',
        retryable: false,
      };
    const thread = threadHeaders(reply.history);
    // Derived from our message id, so a retried send carries the same Message-ID.
    const messageId = `<${reply.messageId}@${route.domain}>`;
    try {
      const sent = await this.transports.send(route, {
        to,
        subject: replySubject(conversation.subject, conversation.reference),
        text: reply.body,
        attachments: reply.files.map((f) => ({ ...f, filename: f.filename ?? 'attachment' })),
        messageId,
        inReplyTo: thread.inReplyTo,
        references: thread.references,
      });
      return {
        status: 'sent',
        externalId: sent.messageId,
        meta: {
          messageId: sent.messageId,
          inReplyTo: thread.inReplyTo ?? null,
          references: thread.references,
          via: route.via,
        },
      };
    } catch (error) {
      const outcome = deliveryFailure(error);
      this.logger.warn(`Reply ${reply.messageId} via ${route.via} failed: ${outcome.error}`);
      return outcome;
    }
  }
}
