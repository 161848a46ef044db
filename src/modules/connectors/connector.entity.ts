import { Column, Entity, PrimaryColumn } from 'typeorm';
import { EpochColumn, JsonColumn } from '../../database/columns.js';

export const CONNECTOR_KINDS = ['email', 'webform', 'feed'] as const;
export type ConnectorKind = (typeof CONNECTOR_KINDS)[number];
export const CONNECTOR_STATES = ['ok', 'error', 'idle'] as const;
export type ConnectorState = (typeof CONNECTOR_STATES)[number];

@Entity('connectors')
export class ConnectorEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 16 })
  kind: ConnectorKind;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  /** Kind-specific settings; secret fields are encrypted with SECRET_KEY before they get here. */
  @JsonColumn()
  settings: Record<string, unknown>;

  /** Public id of a web form (in its URL); unique when present. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  publicKey: string | null;

  /** Where the last committed pull ended (IMAP UIDVALIDITY + UID, feed ETag, …). */
  @JsonColumn({ nullable: true })
  cursor: Record<string, unknown> | null;

  @Column({ type: 'varchar', length: 16, default: 'idle' })
  state: ConnectorState;

  @EpochColumn({ nullable: true })
  lastSyncAt: number | null;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @Column({ type: 'integer', default: 0 })
  ingestedTotal: number;

  @EpochColumn({ nullable: true })
  nextSyncAt: number | null;

  /** Poll lock: the instance holding it and until when, so two instances never sync one connector. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  lockedBy: string | null;

  @EpochColumn({ nullable: true })
  lockedUntil: number | null;

  @EpochColumn()
  createdAt: number;

  @EpochColumn()
  updatedAt: number;
}
