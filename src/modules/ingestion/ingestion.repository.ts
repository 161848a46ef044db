import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';
import { ConnectorEntity } from '../connectors/connector.entity.js';
import { ConversationEventEntity } from '../conversations/conversation-event.entity.js';
import { ConversationEntity } from '../conversations/conversation.entity.js';
import { MessageEntity } from '../conversations/message.entity.js';
import { bulkInsert, chunked, returnedRows } from './bulk-insert.js';
import { parameterSyntax } from '../../database/sql-parameters.js';

export interface KnownMessage {
  id: string;
  conversationId: string;
  source: string | null;
  externalId: string;
}

export interface RecentConversations {
  count: number;
  unresolved: number;
}

/**
 * The pipeline's queries: one per kind of lookup for a whole batch, multi-row inserts for what
 * it creates. Everything runs on the caller's transaction.
 */
@Injectable()
export class IngestionRepository {
  constructor(private readonly dataSource: DataSource) {}

  async messagesByExternalIds(manager: EntityManager, externalIds: string[]): Promise<KnownMessage[]> {
    const found: KnownMessage[] = [];
    for (const part of chunked([...new Set(externalIds)])) {
      const rows = await manager.find(MessageEntity, {
        select: { id: true, conversationId: true, source: true, externalId: true },
        where: { externalId: In(part) },
      });
      for (const row of rows) found.push(row as KnownMessage);
    }
    return found;
  }

  async connectorIds(manager: EntityManager, ids: string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows = await manager.find(ConnectorEntity, { select: { id: true }, where: { id: In(ids) } });
    return new Set(rows.map((r) => r.id));
  }

  async conversationsByIds(manager: EntityManager, ids: string[]): Promise<ConversationEntity[]> {
    const found: ConversationEntity[] = [];
    for (const part of chunked([...new Set(ids)]))
      found.push(...(await manager.findBy(ConversationEntity, { id: In(part) })));
    return found;
  }

  async conversationsByReferences(
    manager: EntityManager,
    references: string[],
  ): Promise<ConversationEntity[]> {
    const found: ConversationEntity[] = [];
    for (const part of chunked([...new Set(references)]))
      found.push(...(await manager.findBy(ConversationEntity, { reference: In(part) })));
    return found;
  }

  /**
   * Reserves `count` consecutive conversation numbers and returns the first, in one atomic
   * statement outside the batch's transaction: concurrent batches never wait for each other here,
   * and a rolled-back batch only leaves a gap in the numbers.
   */
  async reserveReferenceNumbers(count: number): Promise<number> {
    const p = parameterSyntax(this.dataSource);
    const result = await this.dataSource.query(
      `UPDATE counters SET value = value + ${p(0)} WHERE name = 'conversation_reference' RETURNING value`,
      [count],
    );
    return Number(returnedRows<{ value: number | string }>(result)[0].value) - count + 1;
  }

  /** Per contact: conversations created since `since`, and how many of them are unresolved. */
  async recentConversations(
    manager: EntityManager,
    contactIds: string[],
    since: number,
  ): Promise<Map<string, RecentConversations>> {
    const result = new Map<string, RecentConversations>();
    for (const part of chunked([...new Set(contactIds)], 5_000)) {
      const rows: { contactId: string; count: string | number; unresolved: string | number }[] = await manager
        .createQueryBuilder(ConversationEntity, 'c')
        .select('c.contact_id', 'contactId')
        .addSelect('COUNT(*)', 'count')
        .addSelect(`SUM(CASE WHEN c.status <> 'resolved' THEN 1 ELSE 0 END)`, 'unresolved')
        .where('c.contact_id IN (:...ids)', { ids: part })
        .andWhere('c.created_at >= :since', { since })
        .groupBy('c.contact_id')
        .getRawMany();
      for (const row of rows)
        result.set(row.contactId, { count: Number(row.count), unresolved: Number(row.unresolved) });
    }
    return result;
  }

  async insert(
    manager: EntityManager,
    conversations: ConversationEntity[],
    messages: MessageEntity[],
    events: ConversationEventEntity[],
  ): Promise<void> {
    await bulkInsert(manager, ConversationEntity, conversations);
    await bulkInsert(manager, MessageEntity, messages);
    await bulkInsert(manager, ConversationEventEntity, events);
  }

  /** Conversations that got a new message: activity, preview and (re)opened status. */
  async updateThreaded(manager: EntityManager, conversations: ConversationEntity[]): Promise<void> {
    for (const c of conversations) {
      await manager.update(ConversationEntity, c.id, {
        lastMessageAt: c.lastMessageAt,
        preview: c.preview,
        status: c.status,
        resolvedAt: c.resolvedAt,
        resolutionSeconds: c.resolutionSeconds,
        resolvedWithoutReply: c.resolvedWithoutReply,
        updatedAt: c.updatedAt,
      });
    }
  }
}
