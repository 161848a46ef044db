import type { Channel } from '../../../config/defaults.js';
import type { ReplyChannel } from '../conversations/conversation.entity.js';
import type { RawAttachment } from '../attachments/attachment-files.js';

/**
 * A customer remark as a channel hands it over, before anything is decided about it. The
 * ingestion pipeline is the only way one enters the database.
 */
export interface RawRemark {
  channel: Channel;
  /** null for API imports (dedupe scope "api"). */
  connectorId: string | null;
  /** The remark's id at its source: Message-ID, feed entry id, import id. Unique per connector. */
  externalId: string;
  /** Plain text shown first and classified (quotes and signatures already split off). */
  text: string;
  /** The full original text, when `text` is a shortened view of it. */
  fullText?: string | null;
  /** Raw HTML as received; the pipeline sanitises it before storing. */
  html?: string | null;
  subject?: string | null;
  author: {
    name?: string | null;
    email?: string | null;
    /** Identity on a channel without email, e.g. a reviewer's name on one feed. */
    identity?: string | null;
  };
  rating?: number | null;
  /** Where the remark can be seen (a review's page). */
  url?: string | null;
  /** When the customer wrote it (defaults to now; future times are clamped and flagged). */
  receivedAt?: Date | number | null;
  /** Hints that the remark continues an existing conversation. */
  thread?: {
    conversationId?: string | null;
    /** A reference like "R-1042" found in a subject. */
    reference?: string | null;
    /** Message ids this remark answers (In-Reply-To, References), newest last. */
    inReplyTo?: string[];
  };
  /** How the customer wants the answer; defaults from the channel. */
  replyChannel?: ReplyChannel;
  /** The channel's fixed department (a web form's defaultDepartmentId); overrides routing's. */
  departmentId?: string;
  /** Files with their bytes where the channel has them (email); stored with the message. */
  attachments?: RawAttachment[];
  /** Channel facts kept with the message (headers for threading, feed entry data). */
  meta?: Record<string, unknown>;
  /** Problems the channel found (e.g. "invalid_charset"); stored on the conversation. */
  flags?: string[];
  /** Channel says: never open a conversation and never answer (auto-replies, bounces). */
  suppress?: boolean;
}

export type RemarkOutcome =
  | {
      index: number;
      status: 'ingested';
      conversationId: string;
      messageId: string;
      reference: string;
      created: boolean;
      /** The customer's status-page secret (web form conversations). */
      statusToken?: string | null;
    }
  | {
      index: number;
      status: 'duplicate';
      conversationId: string | null;
      messageId: string | null;
      /** Set when nothing was stored because the channel asked so (auto-replies, bounces). */
      reason?: 'suppressed';
    }
  | { index: number; status: 'failed'; message: string };

export interface IngestResult {
  ingested: number;
  duplicates: number;
  failed: { index: number; message: string }[];
  outcomes: RemarkOutcome[];
}
