import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Channel, Priority } from '../../../config/defaults.js';
import { EpochColumn } from '../../database/columns.js';

@Entity('sla_policies')
export class SlaPolicyEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 16, nullable: true })
  channel: Channel | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  priority: Priority | null;

  @Column({ type: 'integer' })
  firstResponseSeconds: number;

  @Column({ type: 'integer', nullable: true })
  resolutionSeconds: number | null;

  @EpochColumn()
  createdAt: number;

  @EpochColumn()
  updatedAt: number;
}
