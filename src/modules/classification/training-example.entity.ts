import { Column, Entity, PrimaryColumn } from 'typeorm';
import { EpochColumn } from '../../database/columns.js';

/** A labeled remark the classifier learns from: agents' corrections of topic or sentiment. */
@Entity('training_examples')
export class TrainingExampleEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'varchar', length: 8, nullable: true })
  language: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  topic: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  sentiment: string | null;

  @Column({ type: 'varchar', length: 32 })
  source: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  conversationId: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  createdById: string | null;

  @EpochColumn()
  createdAt: number;
}
