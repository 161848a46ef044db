import { Column, Entity, PrimaryColumn } from 'typeorm';
import { EpochColumn } from '../../database/columns.js';

/** Something a person must know (an escalation, a broken promise); emailed when SMTP is set up. */
@Entity('notifications')
export class NotificationEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @Column({ type: 'varchar', length: 32 })
  type: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  conversationId: string | null;

  @Column({ type: 'text' })
  message: string;

  @EpochColumn()
  createdAt: number;

  @EpochColumn({ nullable: true })
  readAt: number | null;

  @EpochColumn({ nullable: true })
  emailedAt: number | null;
}
