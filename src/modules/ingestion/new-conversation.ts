import { randomBytes } from 'node:crypto';
import type { Priority } from '../../../config/defaults.js';
import type { ClassificationResult } from '../classification/classification.types.js';
import type { ContactEntity } from '../contacts/contact.entity.js';
import { ConversationEntity, type ReplyChannel } from '../conversations/conversation.entity.js';
import type { RouteDecision } from '../routing/router.js';
import type { SlaTargets } from '../sla/sla-policy-resolver.js';
import { type NormalizedRemark, previewOf } from './normalize.js';
import { timeOrderedId } from './time-ordered-id.js';

/** What routing and classification decided for a remark that opens a conversation. */
export interface OpenerPlan {
  remark: NormalizedRemark;
  contact: ContactEntity;
  result: ClassificationResult;
  topic: { id: string; confidence: number };
  decision: RouteDecision;
  priority: Priority;
  repeatContacts: number;
}

/** Where the customer gets the answer unless they said otherwise. */
function defaultReplyChannel(remark: NormalizedRemark): ReplyChannel {
  if (remark.replyChannel) return remark.replyChannel;
  switch (remark.channel) {
    case 'email':
      return 'email';
    case 'webform':
      return remark.email ? 'email' : 'status_page';
    case 'feed':
      return 'feed';
    case 'api':
      return 'api';
  }
}

/** The conversation a planned remark opens, with its due times from the SLA targets. */
export function newConversation(
  plan: OpenerPlan,
  reference: string,
  assigneeId: string | null,
  targets: SlaTargets,
  now: number,
): ConversationEntity {
  const { remark, result, topic, decision } = plan;
  return Object.assign(new ConversationEntity(), {
    id: timeOrderedId(now),
    reference,
    channel: remark.channel,
    connectorId: remark.connectorId,
    subject: remark.subject,
    preview: previewOf(remark.body, remark.subject),
    contactId: plan.contact.id,
    status: 'new',
    priority: plan.priority,
    language: result.language.slice(0, 8),
    sentimentLabel: result.sentiment.label,
    sentimentScore: result.sentiment.score,
    topic: topic.id.slice(0, 64),
    topicConfidence: topic.confidence,
    rating: remark.rating,
    externalUrl: remark.url,
    departmentId: decision.departmentId,
    assigneeId,
    replyChannel: defaultReplyChannel(remark),
    statusToken: remark.channel === 'webform' ? randomBytes(24).toString('base64url') : null,
    createdAt: remark.receivedAt,
    lastMessageAt: remark.receivedAt,
    firstResponseAt: null,
    resolvedAt: null,
    firstResponseDueAt: remark.receivedAt + targets.firstResponseSeconds * 1000,
    resolutionDueAt:
      targets.resolutionSeconds === null ? null : remark.receivedAt + targets.resolutionSeconds * 1000,
    escalatedAt: null,
    firstResponseSeconds: null,
    resolutionSeconds: null,
    resolvedWithoutReply: false,
    transfers: 0,
    repeatContacts: plan.repeatContacts,
    flags: remark.flags.length ? remark.flags : null,
    updatedAt: now,
  } satisfies ConversationEntity);
}
