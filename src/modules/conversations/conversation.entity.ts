import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Channel, Priority, SentimentLabel } from '../../../config/defaults.js';
import { EpochColumn, JsonColumn, numberTransformer } from '../../database/columns.js';

export const CONVERSATION_STATUSES = ['new', 'open', 'pending', 'resolved'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];
export const REPLY_CHANNELS = ['email', 'status_page', 'feed', 'api'] as const;
export type ReplyChannel = (typeof REPLY_CHANNELS)[number];

@Entity('conversations')
export class ConversationEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** Human reference such as "R-1042", used in subjects and on the status page. */
  @Column({ type: 'varchar', length: 20 })
  reference: string;

  @Column({ type: 'varchar', length: 16 })
  channel: Channel;

  @Column({ type: 'varchar', length: 36, nullable: true })
  connectorId: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  subject: string | null;

  @Column({ type: 'varchar', length: 300 })
  preview: string;

  @Column({ type: 'varchar', length: 36 })
  contactId: string;

  @Column({ type: 'varchar', length: 16 })
  status: ConversationStatus;

  @Column({ type: 'varchar', length: 16 })
  priority: Priority;

  @Column({ type: 'varchar', length: 8 })
  language: string;

  @Column({ type: 'varchar', length: 16 })
  sentimentLabel: SentimentLabel;

  @Column({ type: 'real', transformer: numberTransformer })
  sentimentScore: number;

  @Column({ type: 'varchar', length: 64 })
  topic: string;

  @Column({ type: 'real', transformer: numberTransformer })
  topicConfidence: number;

  @Column({ type: 'real', nullable: true, transformer: numberTransformer })
  rating: number | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  externalUrl: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  departmentId: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  assigneeId: string | null;

  @Column({ type: 'varchar', length: 16 })
  replyChannel: ReplyChannel;

  /** Secret of the customer's status page (web form); unguessable, unique. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  statusToken: string | null;

  @EpochColumn()
  createdAt: number;

  @EpochColumn()
  lastMessageAt: number;

  @EpochColumn({ nullable: true })
  firstResponseAt: number | null;

  @EpochColumn({ nullable: true })
  resolvedAt: number | null;

  @EpochColumn({ nullable: true })
  firstResponseDueAt: number | null;

  @EpochColumn({ nullable: true })
  resolutionDueAt: number | null;

  @EpochColumn({ nullable: true })
  escalatedAt: number | null;

  /** Seconds from the first inbound message to the first reply, stored when it happens. */
  @Column({ type: 'integer', nullable: true })
  firstResponseSeconds: number | null;

  /** Seconds from the first inbound message to resolution, stored when it happens. */
  @Column({ type: 'integer', nullable: true })
  resolutionSeconds: number | null;

  @Column({ type: 'boolean', default: false })
  resolvedWithoutReply: boolean;

  @Column({ type: 'integer', default: 0 })
  transfers: number;

  @Column({ type: 'integer', default: 0 })
  repeatContacts: number;

  /** Problems found on the way in (e.g. "truncated", "invalid_utf8", "future_date"). */
  @JsonColumn({ nullable: true })
  flags: string[] | null;

  @EpochColumn()
  updatedAt: number;
}
