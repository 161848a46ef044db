import { Column, Entity, PrimaryColumn } from 'typeorm';
import { EpochColumn, JsonColumn } from '../../database/columns.js';

export const CONVERSATION_EVENT_TYPES = [
  'status',
  'priority',
  'assign',
  'transfer',
  'escalation',
  'correction',
  'reopen',
  'promise',
] as const;
export type ConversationEventType = (typeof CONVERSATION_EVENT_TYPES)[number];

/** The conversation's history: who changed what and why (transfers, escalations, corrections). */
@Entity('conversation_events')
export class ConversationEventEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  conversationId: string;

  @Column({ type: 'varchar', length: 32 })
  type: ConversationEventType;

  @Column({ type: 'varchar', length: 36, nullable: true })
  actorUserId: string | null;

  @JsonColumn({ nullable: true })
  data: Record<string, unknown> | null;

  @EpochColumn()
  createdAt: number;
}
