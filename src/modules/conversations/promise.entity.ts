import { Column, Entity, PrimaryColumn } from 'typeorm';
import { EpochColumn } from '../../database/columns.js';

/** A commitment made to the customer ("call back Friday"); open after dueAt = broken. */
@Entity('promises')
export class PromiseEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  conversationId: string;

  @Column({ type: 'text' })
  description: string;

  @EpochColumn()
  dueAt: number;

  @EpochColumn({ nullable: true })
  keptAt: number | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  createdById: string | null;

  /** Set once the assignee has been told the promise was broken. */
  @EpochColumn({ nullable: true })
  brokenNotifiedAt: number | null;

  @EpochColumn()
  createdAt: number;
}
