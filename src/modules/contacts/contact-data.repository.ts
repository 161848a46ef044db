import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In, type ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { deleteAttachmentsOf } from '../attachments/attachments.repository.js';
import { writeAudit } from '../audit/audit-log.js';
import { TrainingExampleEntity } from '../classification/training-example.entity.js';
import { ConversationEventEntity } from '../conversations/conversation-event.entity.js';
import { ConversationEntity } from '../conversations/conversation.entity.js';
import { MessageEntity } from '../conversations/message.entity.js';
import { PromiseEntity } from '../conversations/promise.entity.js';
import { chunked } from '../ingestion/bulk-insert.js';
import { NotificationEntity } from '../notifications/notification.entity.js';
import { ContactEntity } from './contact.entity.js';
import type { ContactErasureDto } from './dto/contact-data.dto.js';

/** Everything stored about one person. */
export interface ContactData {
  contact: ContactEntity;
  conversations: ConversationEntity[];
  messages: MessageEntity[];
  promises: PromiseEntity[];
  events: ConversationEventEntity[];
  trainingExamples: TrainingExampleEntity[];
}

type EntityClass<T> = new () => T;

// Every table below has a conversation_id column; TypeORM cannot see that through the generic.
const ofConversations = (ids: string[]) => ({ conversationId: In(ids) }) as never;

/** Rows of `entity` whose conversation is one of `ids`, in chunks the databases accept. */
async function byConversation<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityClass<T>,
  ids: string[],
): Promise<T[]> {
  const rows: T[] = [];
  for (const part of chunked(ids))
    rows.push(...(await manager.find(entity, { where: ofConversations(part) })));
  return rows;
}

async function countByConversation<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityClass<T>,
  ids: string[],
): Promise<number> {
  let count = 0;
  for (const part of chunked(ids)) count += await manager.count(entity, { where: ofConversations(part) });
  return count;
}

/** Applies `change` to the rows of `entity` of these conversations chunk by chunk; returns how many. */
async function changeByConversation<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityClass<T>,
  ids: string[],
  change: (where: never) => Promise<unknown>,
): Promise<number> {
  const count = await countByConversation(manager, entity, ids);
  for (const part of chunked(ids)) await change(ofConversations(part));
  return count;
}

/** A message with everything that could name or quote the person removed; ids and times stay. */
const SCRUBBED_MESSAGE = {
  authorName: null,
  body: '',
  html: null,
  fullBody: null,
  attachments: null,
  meta: null,
  deliveryError: null,
} as QueryDeepPartialEntity<MessageEntity>;

const byCreated = <T extends { createdAt: number; id: string }>(rows: T[]) =>
  rows.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));

/**
 * Reads and erases a person's data (GDPR access and erasure). Erasure scrubs in place instead of
 * deleting: conversations keep their times, channel, department, topic and sentiment, so response
 * times and trends stay true, and messages keep their external ids, so an erased email or review
 * is not imported again on the next sync.
 */
@Injectable()
export class ContactDataRepository {
  constructor(private readonly dataSource: DataSource) {}

  async load(contactId: string): Promise<ContactData | null> {
    const manager = this.dataSource.manager;
    const contact = await manager.findOneBy(ContactEntity, { id: contactId });
    if (!contact) return null;
    const conversations = byCreated(await manager.findBy(ConversationEntity, { contactId }));
    const ids = conversations.map((c) => c.id);
    return {
      contact,
      conversations,
      messages: byCreated(await byConversation(manager, MessageEntity, ids)),
      promises: byCreated(await byConversation(manager, PromiseEntity, ids)),
      events: byCreated(await byConversation(manager, ConversationEventEntity, ids)),
      trainingExamples: byCreated(await byConversation(manager, TrainingExampleEntity, ids)),
    };
  }

  /** Scrubs everything personal in one transaction, with an audit entry; null if no such contact. */
  erase(contactId: string, actorUserId: string, now = Date.now()): Promise<ContactErasureDto | null> {
    return this.dataSource.transaction(async (manager) => {
      const contact = await manager.findOneBy(ContactEntity, { id: contactId });
      if (!contact) return null;
      const ids = (
        await manager.find(ConversationEntity, { select: { id: true }, where: { contactId } })
      ).map((c) => c.id);
      const messages = await changeByConversation(manager, MessageEntity, ids, (where) =>
        manager.update(MessageEntity, where, SCRUBBED_MESSAGE),
      );
      const promises = await changeByConversation(manager, PromiseEntity, ids, (where) =>
        manager.update(PromiseEntity, where, { description: '' }),
      );
      const events = await this.dropReasons(manager, ids);
      const result: ContactErasureDto = {
        contactId,
        conversations: ids.length,
        messages,
        attachments: await deleteAttachmentsOf(manager, ids),
        promises,
        events,
        notifications: await changeByConversation(manager, NotificationEntity, ids, (where) =>
          manager.delete(NotificationEntity, where),
        ),
        trainingExamples: await changeByConversation(manager, TrainingExampleEntity, ids, (where) =>
          manager.delete(TrainingExampleEntity, where),
        ),
      };
      for (const part of chunked(ids))
        await manager.update(
          ConversationEntity,
          { id: In(part) },
          { subject: null, preview: '', externalUrl: null, statusToken: null, updatedAt: now },
        );
      await manager.update(
        ContactEntity,
        { id: contactId },
        { name: null, email: null, channelIdentity: null, updatedAt: now },
      );
      const { contactId: _, ...counts } = result;
      await writeAudit(manager, {
        actorUserId,
        action: 'contact.erased',
        entityType: 'contact',
        entityId: contactId,
        data: counts,
      });
      return result;
    });
  }

  audit(
    contactId: string,
    actorUserId: string,
    action: string,
    data: Record<string, unknown>,
  ): Promise<void> {
    return writeAudit(this.dataSource.manager, {
      actorUserId,
      action,
      entityType: 'contact',
      entityId: contactId,
      data,
    });
  }

  /** Reasons typed into transfers and status changes may quote the customer; the rest is kept. */
  private async dropReasons(manager: EntityManager, ids: string[]): Promise<number> {
    const events = await byConversation(manager, ConversationEventEntity, ids);
    let changed = 0;
    for (const event of events) {
      if (!event.data || !('reason' in event.data)) continue;
      const { reason: _, ...rest } = event.data;
      await manager.update(ConversationEventEntity, { id: event.id }, {
        data: rest,
      } as QueryDeepPartialEntity<ConversationEventEntity>);
      changed++;
    }
    return changed;
  }
}
