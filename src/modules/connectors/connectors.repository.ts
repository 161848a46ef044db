import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, type EntityManager, LessThanOrEqual, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { type AuditInput, writeAudit } from '../audit/audit-log.js';
import { ConnectorEntity } from './connector.entity.js';

/** Who changed a connector and how; the entity is the connector itself. */
export type ConnectorAudit = Pick<AuditInput, 'actorUserId' | 'action' | 'data'>;

/** TypeORM's partial type cannot see through JSON columns typed Record<string, unknown>. */
const partial = (values: Partial<ConnectorEntity>) => values as QueryDeepPartialEntity<ConnectorEntity>;

/** The fields an admin changes; saved without touching sync state, which a running sync owns. */
export type ConnectorConfigChange = Pick<ConnectorEntity, 'name' | 'enabled' | 'settings' | 'nextSyncAt'>;

@Injectable()
export class ConnectorsRepository {
  constructor(
    @InjectRepository(ConnectorEntity) private readonly repo: Repository<ConnectorEntity>,
    private readonly dataSource: DataSource,
  ) {}

  list(): Promise<ConnectorEntity[]> {
    return this.repo.find({ order: { createdAt: 'ASC', id: 'ASC' } });
  }

  findById(id: string): Promise<ConnectorEntity | null> {
    return this.repo.findOneBy({ id });
  }

  findByPublicKey(publicKey: string): Promise<ConnectorEntity | null> {
    return this.repo.findOneBy({ publicKey });
  }

  listEnabled(): Promise<ConnectorEntity[]> {
    return this.repo.findBy({ enabled: true });
  }

  /** Enabled connectors whose next poll is due (ix_connectors_next_sync). */
  findDue(now: number, limit = 500): Promise<ConnectorEntity[]> {
    return this.repo.find({
      where: { enabled: true, nextSyncAt: LessThanOrEqual(now) },
      order: { nextSyncAt: 'ASC' },
      take: limit,
    });
  }

  insert(connector: ConnectorEntity, audit: ConnectorAudit): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      await manager.insert(ConnectorEntity, partial(connector));
      await this.audit(manager, connector.id, audit);
    });
  }

  updateConfig(id: string, change: ConnectorConfigChange, audit: ConnectorAudit): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      await manager.update(ConnectorEntity, { id }, partial({ ...change, updatedAt: Date.now() }));
      await this.audit(manager, id, audit);
    });
  }

  delete(id: string, audit: ConnectorAudit): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const result = await manager.delete(ConnectorEntity, { id });
      if ((result.affected ?? 0) === 0) return false;
      await this.audit(manager, id, audit);
      return true;
    });
  }

  /**
   * Takes the sync lock with one conditional UPDATE, so it is atomic on SQLite and PostgreSQL
   * alike: only a row that is unlocked, or whose holder let the lock expire, changes.
   */
  async tryLock(id: string, owner: string, now: number, until: number): Promise<boolean> {
    const result = await this.repo
      .createQueryBuilder()
      .update(ConnectorEntity)
      .set({ lockedBy: owner, lockedUntil: until })
      .where('id = :id', { id })
      .andWhere('(locked_by IS NULL OR locked_until IS NULL OR locked_until < :now)', { now })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  /** Extends a lock this owner still holds (a long pull); false when it was lost. */
  async extendLock(id: string, owner: string, until: number): Promise<boolean> {
    const result = await this.repo.update({ id, lockedBy: owner }, { lockedUntil: until });
    return (result.affected ?? 0) === 1;
  }

  async unlock(id: string, owner: string): Promise<void> {
    await this.repo.update({ id, lockedBy: owner }, { lockedBy: null, lockedUntil: null });
  }

  async saveCursor(id: string, cursor: Record<string, unknown>): Promise<void> {
    await this.repo.update({ id }, partial({ cursor }));
  }

  recordSyncSuccess(id: string, ingested: number, now: number, nextSyncAt: number | null): Promise<void> {
    return this.recordSync(id, { state: 'ok', lastError: null, lastSyncAt: now, nextSyncAt }, ingested);
  }

  /** Remarks a failed run ingested before it failed still count (they are committed). */
  recordSyncFailure(
    id: string,
    error: string,
    ingested: number,
    now: number,
    nextSyncAt: number | null,
  ): Promise<void> {
    return this.recordSync(id, { state: 'error', lastError: error, lastSyncAt: now, nextSyncAt }, ingested);
  }

  private async recordSync(
    id: string,
    status: Pick<ConnectorEntity, 'state' | 'lastError' | 'lastSyncAt' | 'nextSyncAt'>,
    ingested: number,
  ): Promise<void> {
    await this.repo
      .createQueryBuilder()
      .update(ConnectorEntity)
      .set({ ...partial(status), ingestedTotal: () => 'ingested_total + :ingested' })
      .setParameter('ingested', ingested)
      .where('id = :id', { id })
      .execute();
  }

  private audit(manager: EntityManager, connectorId: string, audit: ConnectorAudit): Promise<void> {
    return writeAudit(manager, { ...audit, entityType: 'connector', entityId: connectorId });
  }
}
