import { PRIORITIES, type Priority } from '../../../config/defaults.js';
import { newId } from '../../database/columns.js';
import { ConversationEventEntity, type ConversationEventType } from './conversation-event.entity.js';
import type { ConversationEntity, ConversationStatus } from './conversation.entity.js';

/**
 * The conversation lifecycle as plain functions over the entity (no I/O), shared by the
 * ingestion pipeline and the inbox: new → open → pending → resolved, reopened by the customer.
 */

/** One step up (a repeat contact while an earlier concern is still open). */
export function raisePriority(priority: Priority): Priority {
  return PRIORITIES[Math.min(PRIORITIES.indexOf(priority) + 1, PRIORITIES.length - 1)];
}

const seconds = (from: number, to: number) => Math.max(0, Math.round((to - from) / 1000));

/** A new inbound message on a pending or resolved conversation reopens it; returns the old status if so. */
export function reopenOnInbound(conversation: ConversationEntity): ConversationStatus | null {
  if (conversation.status !== 'pending' && conversation.status !== 'resolved') return null;
  const from = conversation.status;
  conversation.status = 'open';
  clearResolution(conversation);
  return from;
}

export function clearResolution(conversation: ConversationEntity): void {
  conversation.resolvedAt = null;
  conversation.resolutionSeconds = null;
  conversation.resolvedWithoutReply = false;
}

/** Resolution time runs from the first inbound message (the conversation's creation). */
export function markResolved(conversation: ConversationEntity, now: number): void {
  conversation.status = 'resolved';
  conversation.resolvedAt = now;
  conversation.resolutionSeconds = seconds(conversation.createdAt, now);
  conversation.resolvedWithoutReply = conversation.firstResponseAt === null;
}

/** The first outbound reply sets the first response time (notes don't count); later ones change nothing. */
export function recordFirstResponse(conversation: ConversationEntity, now: number): boolean {
  if (conversation.firstResponseAt !== null) return false;
  conversation.firstResponseAt = now;
  conversation.firstResponseSeconds = seconds(conversation.createdAt, now);
  return true;
}

/** Somebody picking the conversation up moves it out of `new`. */
export function markPickedUp(conversation: ConversationEntity): boolean {
  if (conversation.status !== 'new') return false;
  conversation.status = 'open';
  return true;
}

/** A history entry (who changed what and why). */
export function newEvent(
  conversationId: string,
  type: ConversationEventType,
  data: Record<string, unknown>,
  actorUserId: string | null,
  now: number,
): ConversationEventEntity {
  return Object.assign(new ConversationEventEntity(), {
    id: newId(),
    conversationId,
    type,
    actorUserId,
    data,
    createdAt: now,
  } satisfies ConversationEventEntity);
}
