import type { ConversationEventEntity } from '../conversations/conversation-event.entity.js';
import type { ConversationEntity } from '../conversations/conversation.entity.js';
import { newEvent, reopenOnInbound } from '../conversations/conversation-lifecycle.js';
import { MessageEntity } from '../conversations/message.entity.js';
import { type NormalizedRemark, previewOf } from './normalize.js';
import { timeOrderedId } from './time-ordered-id.js';

/** The stored message of a remark; its conversation id is filled in once the thread is known. */
export function inboundMessage(remark: NormalizedRemark, language: string | null): MessageEntity {
  return Object.assign(new MessageEntity(), {
    id: timeOrderedId(),
    conversationId: '',
    direction: 'inbound',
    authorName: remark.authorName,
    authorUserId: null,
    body: remark.body,
    language,
    html: remark.html,
    fullBody: remark.fullBody,
    truncated: remark.truncated,
    source: remark.source,
    externalId: remark.externalId,
    attachments: remark.attachments,
    meta: remark.meta,
    deliveryStatus: null,
    deliveryError: null,
    deliveryAttempts: 0,
    createdAt: remark.receivedAt,
  } satisfies MessageEntity);
}

/** A new message on a conversation: activity, preview, and reopening if it waited or was done. */
export function applyInbound(
  conversation: ConversationEntity,
  message: MessageEntity,
  suppress: boolean,
  now: number,
  events: ConversationEventEntity[],
): void {
  if (message.createdAt >= conversation.lastMessageAt) {
    conversation.lastMessageAt = message.createdAt;
    if (message.body) conversation.preview = previewOf(message.body, null);
  }
  conversation.updatedAt = now;
  if (suppress) return;
  const from = reopenOnInbound(conversation);
  if (from) events.push(newEvent(conversation.id, 'reopen', { from, messageId: message.id }, null, now));
}
