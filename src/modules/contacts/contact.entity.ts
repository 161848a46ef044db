import { Column, Entity, PrimaryColumn } from 'typeorm';
import { EpochColumn } from '../../database/columns.js';

@Entity('contacts')
export class ContactEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  name: string | null;

  /** Lower-case; unique when present. The main key for recognising a person across channels. */
  @Column({ type: 'varchar', length: 320, nullable: true })
  email: string | null;

  /** For channels without email (reviews): "<connectorId>:<author>"; unique when present. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  channelIdentity: string | null;

  @EpochColumn()
  createdAt: number;

  @EpochColumn()
  updatedAt: number;
}
