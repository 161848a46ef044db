import type { ContactEntity } from '../contacts/contact.entity.js';
import type { ClassificationResult } from '../classification/classification.types.js';
import type { ConversationEntity } from '../conversations/conversation.entity.js';
import type { MessageEntity } from '../conversations/message.entity.js';
import type { Router } from '../routing/router.js';
import type { SlaLookup } from '../sla/sla-policy-resolver.js';
import type { RemarkOutcome } from './raw-remark.js';

/** A conversation this batch opens, with what the events need. */
export interface OpenedConversation {
  conversation: ConversationEntity;
  contact: ContactEntity;
}

/** Where a remark goes: a new conversation, the one an earlier remark of this batch opens, or an existing one. */
export type Destination = 'new' | { openerIndex: number } | ConversationEntity;

/** What one committed batch changed, for the events sent after commit. */
export interface BatchChanges {
  outcomes: RemarkOutcome[];
  created: (OpenedConversation & { messages: MessageEntity[] })[];
  threaded: { conversation: ConversationEntity; messages: MessageEntity[] }[];
}

export interface PlanContext {
  now: number;
  router: Router;
  sla: SlaLookup;
  /** Kept across retries of a batch, so a retry does not classify again. */
  classified: Map<number, ClassificationResult>;
}
