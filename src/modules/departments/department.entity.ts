import { Column, Entity, PrimaryColumn } from 'typeorm';
import { EpochColumn } from '../../database/columns.js';

@Entity('departments')
export class DepartmentEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'varchar', length: 320, nullable: true })
  email: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  leadUserId: string | null;

  /** Hand new conversations to members in turn (round robin). */
  @Column({ type: 'boolean', default: false })
  autoAssign: boolean;

  @Column({ type: 'integer', default: 0 })
  roundRobinCursor: number;

  @EpochColumn()
  createdAt: number;

  @EpochColumn()
  updatedAt: number;
}

@Entity('department_members')
export class DepartmentMemberEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  departmentId: string;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  userId: string;
}
