import type { AttachmentInfo, DeliveryStatus, MessageDirection } from '../message.entity.js';

/** An attachment of a message; `url` downloads the file when it was kept. */
export interface AttachmentDto extends AttachmentInfo {
  url?: string;
}

export interface ConversationSummaryDto {
  id: string;
  reference: string;
  channel: string;
  connectorId: string | null;
  subject: string | null;
  preview: string;
  contact: { id: string; name: string | null; email: string | null };
  status: string;
  priority: string;
  language: string;
  sentiment: { label: string; score: number };
  topic: { id: string; confidence: number };
  rating: number | null;
  externalUrl: string | null;
  departmentId: string | null;
  assigneeId: string | null;
  replyChannel: string;
  createdAt: string;
  lastMessageAt: string;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  firstResponseDueAt: string | null;
  resolutionDueAt: string | null;
  firstResponseSeconds: number | null;
  resolutionSeconds: number | null;
  resolvedWithoutReply: boolean;
  escalatedAt: string | null;
  transfers: number;
  repeatContacts: number;
  flags: string[];
  updatedAt: string;
}

export interface MessageDto {
  id: string;
  conversationId: string;
  direction: MessageDirection;
  authorName: string | null;
  authorUserId?: string;
  body: string;
  html?: string;
  fullBody?: string;
  truncated?: boolean;
  attachments?: AttachmentDto[];
  createdAt: string;
  deliveryStatus?: DeliveryStatus;
  deliveryError?: string;
  deliveryAttempts?: number;
}

export interface PromiseDto {
  id: string;
  conversationId: string;
  description: string;
  dueAt: string;
  keptAt: string | null;
  /** open (due later), kept, or broken (still open after dueAt). */
  state: 'open' | 'kept' | 'broken';
  kept: boolean;
  broken: boolean;
  createdById: string | null;
  createdAt: string;
}

export interface ConversationEventDto {
  id: string;
  type: string;
  actorUserId: string | null;
  data: Record<string, unknown> | null;
  createdAt: string;
}

export interface ConversationDetailDto extends ConversationSummaryDto {
  messages: MessageDto[];
  promises: PromiseDto[];
  events: ConversationEventDto[];
}

export interface ConversationPageDto {
  items: ConversationSummaryDto[];
  nextCursor: string | null;
}
