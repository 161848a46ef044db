import type { ConversationStatus } from '../../../conversations/conversation.entity.js';
import { CustomerMessage } from './form-submission.dto.js';

/** A follow-up the customer writes on their status page. */
export class FollowUpDto {
  @CustomerMessage()
  message: string;
}

export interface StatusMessageDto {
  direction: 'inbound' | 'outbound';
  body: string;
  createdAt: string;
}

/** What the customer sees of their conversation: never internal notes or failed replies. */
export interface StatusViewDto {
  reference: string;
  status: ConversationStatus;
  subject: string | null;
  messages: StatusMessageDto[];
}
