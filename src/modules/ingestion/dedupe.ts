import type { EntityManager } from 'typeorm';
import type { IngestionRepository } from './ingestion.repository.js';
import type { NormalizedRemark } from './normalize.js';
import type { RemarkOutcome } from './raw-remark.js';

/** Drops remarks stored before (or twice in this batch); returns the rest. */
export async function dedupe(
  repository: IngestionRepository,
  manager: EntityManager,
  remarks: NormalizedRemark[],
  outcomes: RemarkOutcome[],
): Promise<NormalizedRemark[]> {
  const stored = new Map(
    (
      await repository.messagesByExternalIds(
        manager,
        remarks.map((r) => r.externalId),
      )
    ).map((m) => [`${m.source}\u0000${m.externalId}`, m]),
  );
  const seen = new Set<string>();
  return remarks.filter((remark) => {
    const key = `${remark.source}\u0000${remark.externalId}`;
    const previous = stored.get(key);
    if (previous || seen.has(key)) {
      outcomes.push({
        index: remark.index,
        status: 'duplicate',
        conversationId: previous?.conversationId ?? null,
        messageId: previous?.id ?? null,
      });
      return false;
    }
    seen.add(key);
    return true;
  });
}

/** Fails remarks naming a connector that does not exist; returns the rest. */
export async function checkConnectors(
  repository: IngestionRepository,
  manager: EntityManager,
  remarks: NormalizedRemark[],
  outcomes: RemarkOutcome[],
): Promise<NormalizedRemark[]> {
  const ids = [...new Set(remarks.map((r) => r.connectorId).filter((id): id is string => !!id))];
  const existing = await repository.connectorIds(manager, ids);
  return remarks.filter((remark) => {
    if (!remark.connectorId || existing.has(remark.connectorId)) return true;
    outcomes.push({
      index: remark.index,
      status: 'failed',
      message: `unknown connector ${remark.connectorId}`,
    });
    return false;
  });
}
