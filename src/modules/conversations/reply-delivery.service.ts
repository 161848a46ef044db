import { Injectable, Logger } from '@nestjs/common';
import type { Counter } from 'prom-client';
import { MetricsService } from '../../common/metrics/metrics.service.js';
import type { DeliveryOutcome, OutboundReply } from '../channels/channel-adapter.js';
import { AttachmentsRepository } from '../attachments/attachments.repository.js';
import { ChannelRegistry } from '../channels/channel-registry.js';
import { ContactsService } from '../contacts/contacts.service.js';
import type { ConversationEntity } from './conversation.entity.js';
import { ConversationsRepository } from './conversations.repository.js';
import { ConversationsService } from './conversations.service.js';
import type { MessageEntity } from './message.entity.js';

export const REPLY_DELIVERY_JOB = 'reply.deliver';

/** Thrown to make the queue try again later (with backoff). */
class RetryableDeliveryError extends Error {}

/** Hands a stored reply to the sender of its conversation's reply channel and records what happened. */
@Injectable()
export class ReplyDeliveryService {
  private readonly logger = new Logger(ReplyDeliveryService.name);
  private readonly counter: Counter<string>;

  constructor(
    private readonly repository: ConversationsRepository,
    private readonly conversations: ConversationsService,
    private readonly contacts: ContactsService,
    private readonly registry: ChannelRegistry,
    private readonly files: AttachmentsRepository,
    metrics: MetricsService,
  ) {
    this.counter = metrics.counter('resonanz_replies_total', 'Reply deliveries by channel and outcome', [
      'channel',
      'outcome',
    ]);
  }

  async deliver(messageId: string, attempt: number, maxAttempts: number): Promise<void> {
    const message = await this.repository.findMessage(messageId);
    // Sent, failed for good or answered by hand meanwhile: nothing to do (jobs may run twice).
    if (!message || message.deliveryStatus !== 'queued') return;
    const conversation = await this.repository.findById(message.conversationId);
    if (!conversation) return;
    const sender = this.registry.sender(conversation.replyChannel);
    const outcome: DeliveryOutcome = sender
      ? await sender
          .send(await this.outboundReply(message, conversation))
          .catch((error: unknown): DeliveryOutcome => ({
            status: 'failed',
            error: String(error),
            retryable: true,
          }))
      : { status: 'manual', detail: `No sender for the ${conversation.replyChannel} channel` };
    this.counter.inc({ channel: conversation.replyChannel, outcome: outcome.status });

    const patch = this.patchFor(message, outcome, attempt, maxAttempts);
    await this.repository.updateMessage(message.id, patch);
    Object.assign(message, patch);
    await this.conversations.announce(conversation, 'message.updated', message);
    if (patch.deliveryStatus === 'queued') {
      throw new RetryableDeliveryError(`Reply ${message.id} not delivered yet: ${patch.deliveryError}`);
    }
    if (patch.deliveryStatus === 'failed')
      this.logger.warn(`Reply ${message.id} failed: ${patch.deliveryError}`);
  }

  private patchFor(
    message: MessageEntity,
    outcome: DeliveryOutcome,
    attempt: number,
    maxAttempts: number,
  ): Partial<MessageEntity> {
    const base = { deliveryAttempts: attempt };
    switch (outcome.status) {
      case 'sent':
        return {
          ...base,
          deliveryStatus: 'sent',
          deliveryError: null,
          externalId: outcome.externalId ?? message.externalId,
          meta: outcome.meta ? { ...(message.meta ?? {}), ...outcome.meta } : message.meta,
        };
      case 'manual':
        return {
          ...base,
          deliveryStatus: 'manual',
          deliveryError: null,
          meta: outcome.detail ? { ...(message.meta ?? {}), deliveryDetail: outcome.detail } : message.meta,
        };
      case 'failed': {
        const again = outcome.retryable && attempt < maxAttempts;
        return {
          ...base,
          deliveryStatus: again ? 'queued' : 'failed',
          deliveryError: outcome.error.slice(0, 2000),
        };
      }
    }
  }

  private async outboundReply(
    message: MessageEntity,
    conversation: ConversationEntity,
  ): Promise<OutboundReply> {
    const [contact] = await this.contacts.findByIds([conversation.contactId]);
    const history = (await this.repository.messagesOf(conversation.id)).filter(
      (m) => m.id !== message.id && m.direction !== 'note' && m.createdAt <= message.createdAt,
    );
    return {
      messageId: message.id,
      body: message.body,
      createdAt: message.createdAt,
      authorName: message.authorName,
      conversation: {
        id: conversation.id,
        reference: conversation.reference,
        subject: conversation.subject,
        channel: conversation.channel,
        connectorId: conversation.connectorId,
        replyChannel: conversation.replyChannel,
        externalUrl: conversation.externalUrl,
        contact: { name: contact?.name ?? null, email: contact?.email ?? null },
      },
      history: history.map((m) => ({ direction: m.direction, externalId: m.externalId, meta: m.meta })),
      files: message.attachments?.length ? await this.files.filesOf(message.id) : [],
    };
  }
}
