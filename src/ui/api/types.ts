/** The HTTP contract (shared/API.md) as the UI sees it. Optional fields are additions the server may send. */
import {
  CHANNELS,
  PRIORITIES,
  SENTIMENTS,
  TOPICS,
  type Channel,
  type Priority,
  type SentimentLabel,
} from '../../../config/defaults.js';

// The taxonomy and the analytics, notification and audit payloads come straight from the server's own definitions.
export { CHANNELS, PRIORITIES, SENTIMENTS, TOPICS };
export type { Channel, Priority, SentimentLabel };
export type {
  OverviewDto as Overview,
  ResponsibilityDto as Responsibility,
  ResponseTimeRowDto as ResponseTimeRow,
  TrendDayDto as TrendDay,
} from '../../modules/analytics/dto/analytics.dto.js';
export type { NotificationDto as AppNotification } from '../../modules/notifications/dto/notification.dto.js';
export type { AuditEntryDto as AuditEntry } from '../../modules/audit/dto/audit-log.dto.js';

export const ROLES = ['agent', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const STATUSES = ['new', 'open', 'pending', 'resolved'] as const;
export type Status = (typeof STATUSES)[number];

export type ReplyChannel = 'email' | 'status_page' | 'feed' | 'api';
export type DeliveryStatus = 'queued' | 'sent' | 'failed' | 'manual';
export type Direction = 'inbound' | 'outbound' | 'note';

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export interface UserAccount extends User {
  active: boolean;
  departmentIds: string[];
  createdAt: string;
}

export interface Department {
  id: string;
  name: string;
  email: string | null;
  leadUserId: string | null;
  memberIds: string[];
  autoAssign?: boolean;
  createdAt?: string;
}

export interface Contact {
  id: string;
  name: string | null;
  email: string | null;
}

export interface ConversationSummary {
  id: string;
  reference: string;
  channel: Channel;
  connectorId: string | null;
  subject: string | null;
  preview: string;
  contact: Contact;
  status: Status;
  priority: Priority;
  language: string;
  sentiment: { label: SentimentLabel; score: number };
  topic: { id: string; confidence: number };
  rating: number | null;
  externalUrl: string | null;
  departmentId: string | null;
  assigneeId: string | null;
  replyChannel: ReplyChannel;
  createdAt: string;
  lastMessageAt: string;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  firstResponseDueAt: string | null;
  transfers: number;
  repeatContacts: number;
  resolutionDueAt?: string | null;
  resolvedWithoutReply?: boolean;
  escalatedAt?: string | null;
  flags?: string[];
}

export interface Attachment {
  filename: string | null;
  contentType: string;
  size: number;
  url?: string;
}

/** What `POST /api/attachments` answers: a stored file, ready to go with a reply or note. */
export interface UploadedAttachment extends Attachment {
  id: string;
  url: string;
}

export interface Message {
  id: string;
  direction: Direction;
  authorName: string | null;
  body: string;
  html?: string | null;
  createdAt: string;
  deliveryStatus?: DeliveryStatus | null;
  deliveryError?: string | null;
  attachments?: Attachment[] | null;
  /** The whole original when `body` is shortened (quoted history and signature split off). */
  fullBody?: string;
  truncated?: boolean;
  deliveryAttempts?: number;
  authorUserId?: string;
}

export interface CustomerPromise {
  id: string;
  description: string;
  dueAt: string;
  keptAt?: string | null;
  kept?: boolean;
  broken?: boolean;
  state?: 'open' | 'kept' | 'broken';
  createdAt?: string;
}

export interface ConversationEvent {
  id: string;
  type: string;
  actorUserId?: string | null;
  data?: Record<string, unknown> | null;
  createdAt: string;
}

export interface ConversationDetail extends ConversationSummary {
  messages: Message[];
  promises?: CustomerPromise[];
  events?: ConversationEvent[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface ConversationPatch {
  status?: Status;
  priority?: Priority;
  assigneeId?: string | null;
  departmentId?: string;
  reason?: string;
  topic?: string;
  sentiment?: SentimentLabel;
}

export type ConnectorKind = 'email' | 'webform' | 'feed';

export interface Connector {
  id: string;
  kind: ConnectorKind;
  name: string;
  enabled: boolean;
  settings: Record<string, unknown>;
  status: {
    state: 'ok' | 'error' | 'idle';
    lastSyncAt: string | null;
    lastError: string | null;
    ingestedTotal: number;
    nextSyncAt?: string | null;
  };
  publicKey?: string;
  formUrl?: string;
  snippet?: string;
}

export interface ConnectorInput {
  kind?: ConnectorKind;
  name: string;
  enabled: boolean;
  settings: Record<string, unknown>;
}

export interface SyncResult {
  fetched: number;
  ingested: number;
  duplicates: number;
  failed: number;
  error?: string;
}

export interface RoutingRule {
  id: string;
  name: string;
  position: number;
  enabled: boolean;
  conditions: {
    channel?: Channel;
    connectorId?: string;
    topic?: string;
    sentiment?: SentimentLabel;
    language?: string;
    keywords?: string[];
    maxRating?: number;
  };
  actions: { departmentId?: string; priority?: Priority; assigneeId?: string };
}

export type RoutingRuleInput = Omit<RoutingRule, 'id' | 'position'> & { position?: number };

export interface SlaPolicy {
  id: string;
  name: string;
  channel?: Channel | null;
  priority?: Priority | null;
  firstResponseSeconds: number;
  resolutionSeconds?: number | null;
}

export type SlaPolicyInput = Omit<SlaPolicy, 'id'>;

export interface ImportResult {
  ingested: number;
  duplicates: number;
  failed: { index: number; message: string }[];
}
