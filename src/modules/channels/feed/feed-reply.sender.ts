import { Injectable, Logger } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppConfig } from '../../../common/config/app-config.js';
import { AppError } from '../../../common/errors/app-error.js';
import { ConnectorsService } from '../../connectors/connectors.service.js';
import { describeError } from '../../connectors/describe-error.js';
import type { DeliveryOutcome, OutboundReply, ReplySender } from '../channel-adapter.js';
import { FeedHttp } from './feed-fetcher.js';
import type { FeedSettings } from './feed-settings.js';
import { HttpRequestError } from './safe-http.js';

/** The body POSTed to a reply webhook (API.md). */
export interface FeedReplyPayload {
  conversationId: string;
  reviewId: string | null;
  reviewUrl: string | null;
  body: string;
  repliedAt: string;
}

export const SIGNATURE_HEADER = 'X-Resonanz-Signature';

/** `sha256=<hex HMAC-SHA256 of the raw body>`: what the receiver recomputes to trust a reply. */
export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

type Attempt = { done: true; outcome: DeliveryOutcome } | { done: false; error: string };

/**
 * Replies to reviews: POSTed, signed, to the connector's reply webhook (which posts them on the
 * review platform), tried again with exponential backoff on 5xx and network errors. Without a
 * webhook the reply is `manual`: the agent answers on the platform through the review's link.
 */
@Injectable()
export class FeedReplySender implements ReplySender {
  readonly replyChannel = 'feed' as const;
  private readonly logger = new Logger(FeedReplySender.name);

  constructor(
    private readonly connectors: ConnectorsService,
    private readonly http: FeedHttp,
    private readonly config: AppConfig,
  ) {}

  async send(reply: OutboundReply): Promise<DeliveryOutcome> {
    const { conversation } = reply;
    let settings: FeedSettings | null;
    try {
      settings = await this.settingsOf(conversation.connectorId);
    } catch (error) {
      // A secret that no longer opens will not open on a retry either.
      return { status: 'failed', error: describeError(error), retryable: false };
    }
    if (!settings?.replyWebhookUrl || !settings.replyWebhookSecret) {
      return {
        status: 'manual',
        detail: conversation.externalUrl
          ? `Answer on the review platform: ${conversation.externalUrl}`
          : 'This feed has no reply webhook; answer on the review platform',
      };
    }
    const body = JSON.stringify({
      conversationId: conversation.id,
      reviewId: reviewIdOf(reply),
      reviewUrl: conversation.externalUrl,
      body: reply.body,
      repliedAt: new Date(reply.createdAt).toISOString(),
    } satisfies FeedReplyPayload);
    const headers = {
      [SIGNATURE_HEADER]: signBody(body, settings.replyWebhookSecret),
      // Lets the receiver drop a retry of a reply it already posted.
      'X-Resonanz-Delivery': reply.messageId,
    };
    return this.deliver(settings.replyWebhookUrl, body, headers);
  }

  private async deliver(
    url: string,
    body: string,
    headers: Record<string, string>,
  ): Promise<DeliveryOutcome> {
    const attempts = this.config.env.FEED_WEBHOOK_ATTEMPTS;
    let lastError = '';
    for (let attempt = 1; attempt <= attempts; attempt++) {
      if (attempt > 1) await sleep(this.config.env.FEED_WEBHOOK_BACKOFF_MS * 2 ** (attempt - 2));
      const result = await this.attempt(url, body, headers);
      if (result.done) return result.outcome;
      lastError = result.error;
      this.logger.warn(`Reply webhook try ${attempt} of ${attempts} failed: ${lastError}`);
    }
    return { status: 'failed', error: `${lastError} (after ${attempts} tries)`, retryable: true };
  }

  private async attempt(url: string, body: string, headers: Record<string, string>): Promise<Attempt> {
    try {
      const res = await this.http.post(url, body, headers);
      if (res.status >= 200 && res.status < 300)
        return { done: true, outcome: { status: 'sent', meta: { webhookStatus: res.status } } };
      const error = `The reply webhook answered ${res.status} ${res.statusText}`.trim();
      // 408 and 429 say "later"; other 4xx say the request itself is wrong and will stay wrong.
      if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429)
        return { done: true, outcome: { status: 'failed', error, retryable: false } };
      return { done: false, error };
    } catch (error) {
      if (error instanceof HttpRequestError && error.retryable) return { done: false, error: error.message };
      return { done: true, outcome: { status: 'failed', error: describeError(error), retryable: false } };
    }
  }

  /** The connector's opened settings; null when it was deleted (its replies become manual). */
  private async settingsOf(connectorId: string | null): Promise<FeedSettings | null> {
    if (!connectorId) return null;
    try {
      const runtime = await this.connectors.runtime<FeedSettings>(connectorId);
      return runtime.connector.kind === 'feed' ? runtime.settings : null;
    } catch (error) {
      if (error instanceof AppError && error.code === 'not_found') return null;
      throw error;
    }
  }
}

/** The review's id at its source: the external id of the conversation's first inbound message. */
function reviewIdOf(reply: OutboundReply): string | null {
  return reply.history.find((m) => m.direction === 'inbound' && m.externalId)?.externalId ?? null;
}
