import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, type EntityManager, Repository, type SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { conflict } from '../../common/errors/app-error.js';
import { type AttachmentClaim, claimAttachments } from '../attachments/attachments.repository.js';
import { bulkInsert } from '../ingestion/bulk-insert.js';
import { ConversationEventEntity } from './conversation-event.entity.js';
import { ConversationEntity } from './conversation.entity.js';
import type { InboxCursor } from './inbox-cursor.js';
import { INBOX_ORDERS, type InboxSort } from './inbox-order.js';
import { MessageEntity } from './message.entity.js';
import { PromiseEntity } from './promise.entity.js';
import { fts5Query, referenceIn, tsqueryFor } from './search-query.js';

/** From this many matches on, walking the inbox in activity order beats sorting all matches. */
const SEARCH_WALK_THRESHOLD = 5_000;

export interface InboxFilters {
  status?: string[];
  channel?: string[];
  departmentId?: string;
  /** Any of these departments (none given: nothing matches). */
  departmentIds?: string[];
  assigneeId?: string;
  sentiment?: string[];
  topic?: string[];
  priority?: string[];
  contactId?: string;
  q?: string;
}

/** What one change of a conversation writes, in one transaction. */
export interface ConversationChanges {
  conversation: ConversationEntity;
  events?: ConversationEventEntity[];
  messages?: MessageEntity[];
  promises?: PromiseEntity[];
  /** Uploads that become the files of one of these messages. */
  claim?: AttachmentClaim;
}

@Injectable()
export class ConversationsRepository {
  constructor(
    @InjectRepository(ConversationEntity) private readonly conversations: Repository<ConversationEntity>,
    @InjectRepository(MessageEntity) private readonly messages: Repository<MessageEntity>,
    @InjectRepository(PromiseEntity) private readonly promises: Repository<PromiseEntity>,
    @InjectRepository(ConversationEventEntity) private readonly events: Repository<ConversationEventEntity>,
    private readonly dataSource: DataSource,
  ) {}

  /**
   * One inbox page in the given order, keyset-paginated on (sort keys, id). Newest activity first
   * walks one of the (filter, last_message_at, id) indexes, so deep pages cost the same; the other
   * orders sort the filtered rows (an inbox view of open work, not the whole archive).
   */
  async page(
    filters: InboxFilters,
    sort: InboxSort,
    after: InboxCursor | null,
    limit: number,
  ): Promise<ConversationEntity[]> {
    const query = this.conversations.createQueryBuilder('c');
    if (filters.departmentIds?.length === 0) return [];
    this.applyFilters(query, filters);
    const q = filters.q?.trim();
    const reference = q ? referenceIn(q) : null;
    if (reference) query.andWhere('c.reference = :reference', { reference });
    else if (q && !(await this.applySearch(query, q))) return [];
    const order = INBOX_ORDERS[sort];
    if (after) {
      const keys = order.keySql.map((_, i) => `:afterKey${i}`);
      query.andWhere(
        `(${order.keySql.join(', ')}, c.id) ${order.direction === 'DESC' ? '<' : '>'} (${keys.join(', ')}, :afterId)`,
        { ...Object.fromEntries(after.keys.map((key, i) => [`afterKey${i}`, key])), afterId: after.id },
      );
    }
    for (const sql of order.keySql) query.addOrderBy(sql, order.direction);
    return query.addOrderBy('c.id', order.direction).limit(limit).getMany();
  }

  private applyFilters(query: SelectQueryBuilder<ConversationEntity>, filters: InboxFilters): void {
    const lists = {
      status: 'status',
      channel: 'channel',
      sentiment: 'sentimentLabel',
      topic: 'topic',
      priority: 'priority',
    } as const;
    for (const [key, property] of Object.entries(lists) as [keyof typeof lists, string][]) {
      const values = filters[key];
      if (!values?.length) continue;
      if (values.length === 1) query.andWhere(`c.${property} = :${key}`, { [key]: values[0] });
      else query.andWhere(`c.${property} IN (:...${key})`, { [key]: values });
    }
    for (const key of ['departmentId', 'assigneeId'] as const) {
      const value = filters[key];
      if (value === 'none') query.andWhere(`c.${key} IS NULL`);
      else if (value) query.andWhere(`c.${key} = :${key}`, { [key]: value });
    }
    if (filters.departmentIds?.length)
      query.andWhere('c.departmentId IN (:...departmentIds)', { departmentIds: filters.departmentIds });
    if (filters.contactId) query.andWhere('c.contactId = :contactId', { contactId: filters.contactId });
  }

  /**
   * Adds the full-text condition; false when the query cannot match anything.
   * PostgreSQL gets one of two plans, chosen by a cheap probe of how many rows match: few matches
   * → fetch them through the GIN indexes and sort them by activity; many → walk the activity index
   * and check each conversation until the page is full (a common word fills it within a few
   * hundred rows). One fixed SQL shape leaves the choice to the planner, which guesses the size
   * of a UNION wrong and picks the slow plan for one of the two cases.
   */
  private async applySearch(query: SelectQueryBuilder<ConversationEntity>, q: string): Promise<boolean> {
    if (this.dataSource.options.type === 'postgres') {
      const tsq = await tsqueryFor(this.dataSource, q);
      if (!tsq) return false;
      const tsquery = ':tsq::tsquery';
      const condition = (await this.matchesAtLeast(tsq, SEARCH_WALK_THRESHOLD))
        ? // OFFSET 0 keeps the check per conversation (no hash of every match built first).
          `(c.search_vector @@ ${tsquery} OR EXISTS (SELECT 1 FROM messages m ` +
          `WHERE m.conversation_id = c.id AND m.search_vector @@ ${tsquery} OFFSET 0))`
        : `c.id IN (SELECT m.conversation_id FROM messages m WHERE m.search_vector @@ ${tsquery} ` +
          `UNION ALL SELECT s.id FROM conversations s WHERE s.search_vector @@ ${tsquery})`;
      query.andWhere(condition, { tsq });
      return true;
    }
    const match = fts5Query(q);
    if (!match) return false;
    query.andWhere(
      `c.id IN (SELECT m.conversation_id FROM messages m WHERE m.rowid IN ` +
        `(SELECT rowid FROM messages_fts WHERE messages_fts MATCH :match) ` +
        `UNION ALL SELECT s.id FROM conversations s WHERE s.rowid IN ` +
        `(SELECT rowid FROM conversations_fts WHERE conversations_fts MATCH :match))`,
      { match },
    );
    return true;
  }

  /**
   * Whether at least `limit` messages match (stops counting there). Subjects are left out: they
   * repeat words of their messages, and reading wide conversation rows would cost the probe more
   * than the wrong plan ever could.
   */
  private async matchesAtLeast(tsq: string, limit: number): Promise<boolean> {
    const [row]: { n: string | number }[] = await this.dataSource.query(
      `SELECT count(*) AS n FROM (SELECT 1 FROM messages WHERE search_vector @@ $1::tsquery LIMIT $2) a`,
      [tsq, limit],
    );
    return Number(row.n) >= limit;
  }

  findById(id: string): Promise<ConversationEntity | null> {
    return this.conversations.findOneBy({ id });
  }

  messagesOf(conversationId: string): Promise<MessageEntity[]> {
    return this.messages.find({ where: { conversationId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  firstInbound(conversationId: string): Promise<MessageEntity | null> {
    return this.messages.findOne({
      where: { conversationId, direction: 'inbound' },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  promisesOf(conversationId: string): Promise<PromiseEntity[]> {
    return this.promises.find({ where: { conversationId }, order: { dueAt: 'ASC', id: 'ASC' } });
  }

  eventsOf(conversationId: string): Promise<ConversationEventEntity[]> {
    return this.events.find({ where: { conversationId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  findMessage(id: string): Promise<MessageEntity | null> {
    return this.messages.findOneBy({ id });
  }

  findPromise(id: string): Promise<PromiseEntity | null> {
    return this.promises.findOneBy({ id });
  }

  /** Outbound replies still waiting to go out (re-queued on start: nothing lost in a crash). */
  async queuedReplyIds(): Promise<string[]> {
    const rows = await this.messages.find({
      select: { id: true },
      where: { deliveryStatus: 'queued' },
      order: { createdAt: 'ASC' },
    });
    return rows.map((r) => r.id);
  }

  async updateMessage(id: string, patch: Partial<MessageEntity>): Promise<void> {
    await this.messages.update({ id }, patch as QueryDeepPartialEntity<MessageEntity>);
  }

  /** Writes a conversation with its new events, messages and promises, all or nothing. */
  save(changes: ConversationChanges): Promise<void> {
    return this.dataSource.transaction(async (manager: EntityManager) => {
      if (changes.messages?.length) await bulkInsert(manager, MessageEntity, changes.messages);
      if (changes.claim && (await claimAttachments(manager, changes.claim)) !== changes.claim.ids.length)
        throw conflict('attachmentIds: a file was sent with another message meanwhile');
      await manager.save(ConversationEntity, changes.conversation);
      if (changes.promises?.length) await manager.save(PromiseEntity, changes.promises);
      if (changes.events?.length) await bulkInsert(manager, ConversationEventEntity, changes.events);
    });
  }
}
