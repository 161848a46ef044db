import type { EntityManager } from 'typeorm';
import type { ConversationEntity } from '../conversations/conversation.entity.js';
import type { Destination } from './batch-plan.js';
import type { IngestionRepository } from './ingestion.repository.js';
import type { NormalizedRemark } from './normalize.js';

/**
 * Threading: a conversation named by id, by a message it answers (In-Reply-To, also an earlier
 * remark of this batch), or by reference; otherwise a new one (unless the channel suppresses it).
 */
export async function destinations(
  repository: IngestionRepository,
  manager: EntityManager,
  remarks: NormalizedRemark[],
): Promise<Map<number, Destination>> {
  const existing = await findThreads(repository, manager, remarks);
  const result = new Map<number, Destination>();
  const local = new Map<string, Destination>();
  for (const remark of remarks) {
    const localTarget = [...remark.thread.inReplyTo]
      .reverse()
      .map((id) => local.get(id))
      .find((d) => d);
    const destination: Destination | undefined =
      existing.get(remark.index) ?? localTarget ?? (remark.suppress ? undefined : 'new');
    if (!destination) continue;
    result.set(remark.index, destination);
    local.set(remark.externalId, destination === 'new' ? { openerIndex: remark.index } : destination);
  }
  return result;
}

/** The stored conversations the thread hints of these remarks point at, by remark index. */
async function findThreads(
  repository: IngestionRepository,
  manager: EntityManager,
  remarks: NormalizedRemark[],
): Promise<Map<number, ConversationEntity>> {
  const result = new Map<number, ConversationEntity>();
  const hinted = remarks.filter(
    (r) => r.thread.conversationId || r.thread.reference || r.thread.inReplyTo.length,
  );
  if (!hinted.length) return result;
  const answered = await repository.messagesByExternalIds(
    manager,
    hinted.flatMap((r) => r.thread.inReplyTo),
  );
  const conversationOfMessage = new Map(answered.map((m) => [m.externalId, m.conversationId]));
  const ids = [
    ...hinted.map((r) => r.thread.conversationId).filter((id): id is string => !!id),
    ...answered.map((m) => m.conversationId),
  ];
  const byId = new Map((await repository.conversationsByIds(manager, ids)).map((c) => [c.id, c]));
  const references = hinted.map((r) => r.thread.reference).filter((ref): ref is string => !!ref);
  const byReference = new Map(
    (await repository.conversationsByReferences(manager, references)).map((c) => [c.reference, c]),
  );
  for (const remark of hinted) {
    const { conversationId, inReplyTo, reference } = remark.thread;
    const replied = [...inReplyTo]
      .reverse()
      .map((id) => conversationOfMessage.get(id))
      .find((id) => id);
    const found =
      (conversationId ? byId.get(conversationId) : undefined) ??
      (replied ? byId.get(replied) : undefined) ??
      (reference ? byReference.get(reference) : undefined);
    if (found) result.set(remark.index, found);
  }
  return result;
}
