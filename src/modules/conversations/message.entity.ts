import { Column, Entity, PrimaryColumn } from 'typeorm';
import { EpochColumn, JsonColumn } from '../../database/columns.js';

export const MESSAGE_DIRECTIONS = ['inbound', 'outbound', 'note'] as const;
export type MessageDirection = (typeof MESSAGE_DIRECTIONS)[number];
export const DELIVERY_STATUSES = ['queued', 'sent', 'failed', 'manual'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export interface AttachmentInfo {
  filename: string | null;
  contentType: string;
  size: number;
  /** The stored file's id (GET /api/attachments/:id); absent when only the name was kept. */
  id?: string;
}

@Entity('messages')
export class MessageEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  conversationId: string;

  @Column({ type: 'varchar', length: 16 })
  direction: MessageDirection;

  @Column({ type: 'varchar', length: 200, nullable: true })
  authorName: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  authorUserId: string | null;

  /** Plain text shown first and classified (quotes and signatures split off for email). */
  @Column({ type: 'text' })
  body: string;

  /** Detected language of the body (de, en, …); PostgreSQL stems its search vector in it. */
  @Column({ type: 'varchar', length: 8, nullable: true })
  language: string | null;

  /** Sanitised HTML, when the remark came as HTML. */
  @Column({ type: 'text', nullable: true })
  html: string | null;

  /** The full original text when `body` is a shortened view of it (quoted history, signature). */
  @Column({ type: 'text', nullable: true })
  fullBody: string | null;

  @Column({ type: 'boolean', default: false })
  truncated: boolean;

  /** Dedupe scope: the connector id, or "api" for imports; null for our own messages. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  source: string | null;

  /** The remark's id at its source (Message-ID, feed entry id, import id); ours for outbound mail. */
  @Column({ type: 'varchar', length: 998, nullable: true })
  externalId: string | null;

  @JsonColumn({ nullable: true })
  attachments: AttachmentInfo[] | null;

  /** Channel-specific facts (email headers for threading, feed entry URL, …). */
  @JsonColumn({ nullable: true })
  meta: Record<string, unknown> | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  deliveryStatus: DeliveryStatus | null;

  @Column({ type: 'text', nullable: true })
  deliveryError: string | null;

  @Column({ type: 'integer', default: 0 })
  deliveryAttempts: number;

  @EpochColumn()
  createdAt: number;
}
