import { iso } from '../../common/http/id-param.js';
import { attachmentUrl } from '../attachments/attachment-files.js';
import type { ContactEntity } from '../contacts/contact.entity.js';
import type { ConversationEventEntity } from './conversation-event.entity.js';
import type { ConversationEntity } from './conversation.entity.js';
import type {
  AttachmentDto,
  ConversationEventDto,
  ConversationSummaryDto,
  MessageDto,
  PromiseDto,
} from './dto/conversation-response.dto.js';
import type { AttachmentInfo, MessageEntity } from './message.entity.js';
import type { PromiseEntity } from './promise.entity.js';

export function toConversationSummaryDto(
  c: ConversationEntity,
  contact: Pick<ContactEntity, 'id' | 'name' | 'email'> | null | undefined,
): ConversationSummaryDto {
  return {
    id: c.id,
    reference: c.reference,
    channel: c.channel,
    connectorId: c.connectorId,
    subject: c.subject,
    preview: c.preview,
    contact: { id: c.contactId, name: contact?.name ?? null, email: contact?.email ?? null },
    status: c.status,
    priority: c.priority,
    language: c.language,
    sentiment: { label: c.sentimentLabel, score: c.sentimentScore },
    topic: { id: c.topic, confidence: c.topicConfidence },
    rating: c.rating,
    externalUrl: c.externalUrl,
    departmentId: c.departmentId,
    assigneeId: c.assigneeId,
    replyChannel: c.replyChannel,
    createdAt: iso(c.createdAt)!,
    lastMessageAt: iso(c.lastMessageAt)!,
    firstResponseAt: iso(c.firstResponseAt),
    resolvedAt: iso(c.resolvedAt),
    firstResponseDueAt: iso(c.firstResponseDueAt),
    resolutionDueAt: iso(c.resolutionDueAt),
    firstResponseSeconds: c.firstResponseSeconds,
    resolutionSeconds: c.resolutionSeconds,
    resolvedWithoutReply: c.resolvedWithoutReply,
    escalatedAt: iso(c.escalatedAt),
    transfers: c.transfers,
    repeatContacts: c.repeatContacts,
    flags: c.flags ?? [],
    updatedAt: iso(c.updatedAt)!,
  };
}

/** Optional fields appear only when they say something (no html for plain mails, no status on notes). */
const attachmentDto = (a: AttachmentInfo): AttachmentDto => (a.id ? { ...a, url: attachmentUrl(a.id) } : a);

export function toMessageDto(m: MessageEntity): MessageDto {
  return {
    id: m.id,
    conversationId: m.conversationId,
    direction: m.direction,
    authorName: m.authorName,
    ...(m.authorUserId ? { authorUserId: m.authorUserId } : {}),
    body: m.body,
    ...(m.html ? { html: m.html } : {}),
    ...(m.fullBody ? { fullBody: m.fullBody } : {}),
    ...(m.truncated ? { truncated: true } : {}),
    ...(m.attachments?.length ? { attachments: m.attachments.map(attachmentDto) } : {}),
    createdAt: iso(m.createdAt)!,
    ...(m.deliveryStatus ? { deliveryStatus: m.deliveryStatus, deliveryAttempts: m.deliveryAttempts } : {}),
    ...(m.deliveryError ? { deliveryError: m.deliveryError } : {}),
  };
}

export function toPromiseDto(p: PromiseEntity, now = Date.now()): PromiseDto {
  const kept = p.keptAt !== null;
  const broken = !kept && p.dueAt < now;
  return {
    id: p.id,
    conversationId: p.conversationId,
    description: p.description,
    dueAt: iso(p.dueAt)!,
    keptAt: iso(p.keptAt),
    state: kept ? 'kept' : broken ? 'broken' : 'open',
    kept,
    broken,
    createdById: p.createdById,
    createdAt: iso(p.createdAt)!,
  };
}

export function toConversationEventDto(e: ConversationEventEntity): ConversationEventDto {
  return {
    id: e.id,
    type: e.type,
    actorUserId: e.actorUserId,
    data: e.data,
    createdAt: iso(e.createdAt)!,
  };
}
