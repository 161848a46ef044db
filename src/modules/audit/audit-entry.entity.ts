import { Column, Entity, PrimaryColumn } from 'typeorm';
import { EpochColumn, JsonColumn } from '../../database/columns.js';

/** Who did what to which record: users, connectors, rules, policies, contacts (GDPR). */
@Entity('audit_log')
export class AuditEntryEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  actorUserId: string | null;

  @Column({ type: 'varchar', length: 64 })
  action: string;

  @Column({ type: 'varchar', length: 32 })
  entityType: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  entityId: string | null;

  @JsonColumn({ nullable: true })
  data: Record<string, unknown> | null;

  @EpochColumn()
  createdAt: number;
}
