import type { ConnectorEntity, ConnectorKind } from '../connectors/connector.entity.js';
import type { ReplyChannel } from '../conversations/conversation.entity.js';
import type { IngestResult, RawRemark } from '../ingestion/raw-remark.js';

/** What one pull of a connector did; the body of POST /api/connectors/:id/sync. */
export interface SyncResult {
  fetched: number;
  ingested: number;
  duplicates: number;
  failed: number;
}

/** Handed to an adapter for one run: its connector (settings decrypted) and the ways back in. */
export interface ConnectorRun<S> {
  connector: ConnectorEntity;
  settings: S;
  /** The one way into the database; commits before it resolves. */
  ingest(remarks: RawRemark[]): Promise<IngestResult>;
  /** Stores the new cursor. Call only after the remarks up to it were ingested (nothing lost). */
  saveCursor(cursor: Record<string, unknown>): Promise<void>;
  signal?: AbortSignal;
}

/**
 * One kind of connector (email, webform, feed). The rest of the app never asks which kind it
 * holds: it validates, tests, pulls and describes through this interface. Adapters register
 * themselves in the ChannelRegistry from their own module.
 */
export interface ConnectorAdapter<S = Record<string, unknown>> {
  readonly kind: ConnectorKind;
  /** Dotted paths of secret settings: encrypted at rest, shown as "********". */
  readonly secretFields: readonly string[];
  /** Checks and normalises settings; throws a bad_request AppError naming each bad field. */
  validateSettings(settings: unknown): S;
  /** What the settings point at that does not exist (needs lookups); any makes a save a 400. */
  checkReferences?(settings: S): Promise<string[]>;
  /** Connects and changes nothing. */
  test(connector: ConnectorEntity, settings: S): Promise<{ ok: boolean; detail: string }>;
  /** Pulls new remarks (polling channels only). */
  pull?(run: ConnectorRun<S>): Promise<SyncResult>;
  /** Seconds between polls when settings do not say. */
  readonly defaultPollIntervalSeconds?: number;
  /** Extra response fields for the connector (a web form's publicKey and snippet). */
  describe?(connector: ConnectorEntity, settings: S): Record<string, unknown>;
  /** Keeps a live connection that calls `onActivity` when new remarks arrive (IMAP IDLE); returns a stop function. */
  watch?(connector: ConnectorEntity, settings: S, onActivity: () => void): Promise<() => Promise<void>>;
}

/** A reply on its way to the customer, with what a channel needs to send it. */
export interface OutboundReply {
  messageId: string;
  body: string;
  createdAt: number;
  authorName: string | null;
  conversation: {
    id: string;
    reference: string;
    subject: string | null;
    channel: string;
    connectorId: string | null;
    replyChannel: ReplyChannel;
    externalUrl: string | null;
    contact: { name: string | null; email: string | null };
  };
  /** The conversation's earlier messages, oldest first, for threading (Message-IDs, entry ids). */
  history: { direction: string; externalId: string | null; meta: Record<string, unknown> | null }[];
  /** Files the agent attached (email replies only). */
  files: { filename: string | null; contentType: string; content: Buffer }[];
}

export type DeliveryOutcome =
  | { status: 'sent'; externalId?: string; meta?: Record<string, unknown> }
  | { status: 'manual'; detail?: string }
  | { status: 'failed'; error: string; retryable: boolean };

/** Sends replies on one reply channel (email, status page, review platform, API). */
export interface ReplySender {
  readonly replyChannel: ReplyChannel;
  send(reply: OutboundReply): Promise<DeliveryOutcome>;
}
