import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import type { AuthUser } from '../../common/auth/auth.decorators.js';
import { badRequest, conflict, notFound } from '../../common/errors/app-error.js';
import { JOB_QUEUE, type JobQueue } from '../../common/queue/job-queue.js';
import { newId } from '../../database/columns.js';
import { type AttachmentClaim, AttachmentsRepository } from '../attachments/attachments.repository.js';
import { ChannelRegistry } from '../channels/channel-registry.js';
import { markPickedUp, newEvent, recordFirstResponse } from './conversation-lifecycle.js';
import type { ConversationEntity } from './conversation.entity.js';
import { toMessageDto } from './conversation.mapper.js';
import { ConversationsRepository } from './conversations.repository.js';
import { ConversationsService } from './conversations.service.js';
import type { MessageDto } from './dto/conversation-response.dto.js';
import { type MessageDirection, MessageEntity } from './message.entity.js';
import { REPLY_DELIVERY_JOB, ReplyDeliveryService } from './reply-delivery.service.js';

export const REPLY_ATTEMPTS = 5;
const REPLY_BACKOFF_MS = 5_000;

/** Options for writing history after the fact (demo data, imports): when it happened, and whether to send. */
export interface WriteOptions {
  at?: number;
  /** false: store the reply as answered elsewhere ("manual"), never send it. */
  deliver?: boolean;
  /** The agent's uploads (POST /api/attachments) that go with the message. */
  attachmentIds?: string[];
}

/**
 * What agents write into a conversation: notes (internal) and replies (out on the conversation's
 * reply channel, through the queue, so a slow or failing channel never blocks the agent).
 */
@Injectable()
export class RepliesService implements OnModuleInit, OnApplicationBootstrap {
  constructor(
    private readonly conversations: ConversationsService,
    private readonly repository: ConversationsRepository,
    private readonly registry: ChannelRegistry,
    private readonly delivery: ReplyDeliveryService,
    private readonly files: AttachmentsRepository,
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
  ) {}

  onModuleInit(): void {
    this.queue.register<{ messageId: string }>(REPLY_DELIVERY_JOB, (payload, attempt) =>
      this.delivery.deliver(payload.messageId, attempt, REPLY_ATTEMPTS),
    );
  }

  /** Crash safety: replies stored but not yet sent go back on the queue. */
  async onApplicationBootstrap(): Promise<void> {
    for (const id of await this.repository.queuedReplyIds()) await this.enqueue(id);
  }

  async note(
    conversationId: string,
    body: string,
    user: AuthUser,
    options: WriteOptions = {},
  ): Promise<MessageDto> {
    const draft = await this.draft(conversationId, 'note', body, user, options);
    const { conversation, message: note, claim } = draft;
    conversation.updatedAt = Date.now();
    await this.repository.save({ conversation, messages: [note], claim });
    await this.conversations.announce(conversation, 'message.created', note);
    return toMessageDto(note);
  }

  async reply(
    conversationId: string,
    body: string,
    user: AuthUser,
    options: WriteOptions = {},
  ): Promise<MessageDto> {
    const draft = await this.draft(conversationId, 'outbound', body, user, options);
    const { conversation, message: reply, now, claim } = draft;
    const sends = options.deliver !== false && !!this.registry.sender(conversation.replyChannel);
    reply.deliveryStatus = sends ? 'queued' : 'manual';

    const events = [];
    recordFirstResponse(conversation, now);
    conversation.lastMessageAt = Math.max(conversation.lastMessageAt, now);
    // Answering is picking it up: the conversation gets an owner and leaves "new".
    if (!conversation.assigneeId) {
      events.push(
        newEvent(conversationId, 'assign', { from: null, to: user.id, reason: 'reply' }, user.id, now),
      );
      conversation.assigneeId = user.id;
    }
    if (markPickedUp(conversation))
      events.push(newEvent(conversationId, 'status', { from: 'new', to: 'open' }, user.id, now));
    conversation.updatedAt = Date.now();
    await this.repository.save({ conversation, messages: [reply], events, claim });
    if (sends) await this.enqueue(reply.id);
    await this.conversations.announce(conversation, 'message.created', reply);
    await this.conversations.announce(conversation);
    return toMessageDto(reply);
  }

  /** Sends a failed reply again (from the start: five more tries). */
  async retry(conversationId: string, messageId: string): Promise<MessageDto> {
    const message = await this.repository.findMessage(messageId);
    if (!message || message.conversationId !== conversationId) throw notFound('Message');
    if (message.direction !== 'outbound' || message.deliveryStatus !== 'failed')
      throw conflict('Only replies whose delivery failed can be retried');
    await this.repository.updateMessage(messageId, { deliveryStatus: 'queued', deliveryError: null });
    await this.enqueue(messageId);
    return toMessageDto({ ...message, deliveryStatus: 'queued', deliveryError: null });
  }

  private enqueue(messageId: string): Promise<void> {
    return this.queue.enqueue(
      REPLY_DELIVERY_JOB,
      { messageId },
      { jobId: messageId, attempts: REPLY_ATTEMPTS, backoffMs: REPLY_BACKOFF_MS },
    );
  }

  /**
   * The conversation and the agent's new message on it, dated `options.at` (history) or now, with
   * the uploads it takes along (claimed when the message is saved).
   */
  private async draft(
    conversationId: string,
    direction: MessageDirection,
    body: string,
    user: AuthUser,
    options: WriteOptions,
  ): Promise<{
    conversation: ConversationEntity;
    message: MessageEntity;
    now: number;
    claim?: AttachmentClaim;
  }> {
    const conversation = await this.conversations.get(conversationId);
    const now = options.at ?? Date.now();
    const message = this.message(conversation, direction, body, user, now);
    const ids = [...new Set(options.attachmentIds ?? [])];
    if (!ids.length) return { conversation, message, now };
    // Only mail carries files to the customer; a review platform or status page would drop them.
    if (direction === 'outbound' && conversation.replyChannel !== 'email')
      throw badRequest('attachmentIds: files can only be sent by email; add them to a note');
    const files = await this.files.unsentUploads(ids, user.id);
    if (files.length !== ids.length)
      throw badRequest('attachmentIds: unknown, already sent, or uploaded by someone else');
    message.attachments = files;
    return {
      conversation,
      message,
      now,
      claim: { ids, messageId: message.id, conversationId, userId: user.id },
    };
  }

  private message(
    conversation: ConversationEntity,
    direction: MessageDirection,
    body: string,
    user: AuthUser,
    now: number,
  ): MessageEntity {
    return Object.assign(new MessageEntity(), {
      id: newId(),
      conversationId: conversation.id,
      direction,
      authorName: user.name,
      authorUserId: user.id,
      body,
      // Agents answer in the customer's language; search stems the reply in it.
      language: conversation.language,
      html: null,
      fullBody: null,
      truncated: false,
      source: null,
      externalId: null,
      attachments: null,
      meta: null,
      deliveryStatus: null,
      deliveryError: null,
      deliveryAttempts: 0,
      createdAt: now,
    } satisfies MessageEntity);
  }
}
