import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { newId } from '../../database/columns.js';
import { AuditEntryEntity } from './audit-entry.entity.js';

export interface AuditInput {
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  /** What changed, never the personal data or secrets themselves. */
  data?: Record<string, unknown>;
}

/** Writes one audit entry on the caller's transaction, so it commits or rolls back with the change. */
export async function writeAudit(manager: EntityManager, input: AuditInput): Promise<void> {
  const entry: AuditEntryEntity = {
    id: newId(),
    actorUserId: input.actorUserId,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    data: input.data ?? null,
    createdAt: Date.now(),
  };
  await manager.insert(AuditEntryEntity, entry as QueryDeepPartialEntity<AuditEntryEntity>);
}
