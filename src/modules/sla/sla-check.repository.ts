import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ConversationEventEntity } from '../conversations/conversation-event.entity.js';
import { ConversationEntity } from '../conversations/conversation.entity.js';
import { PromiseEntity } from '../conversations/promise.entity.js';
import { DepartmentEntity } from '../departments/department.entity.js';
import { bulkInsert } from '../ingestion/bulk-insert.js';

export interface OverdueConversation {
  id: string;
  reference: string;
  subject: string | null;
  firstResponseDueAt: number;
  departmentName: string | null;
  leadUserId: string | null;
}

export interface DuePromise {
  id: string;
  conversationId: string;
  description: string;
  dueAt: number;
  createdById: string | null;
  reference: string;
  assigneeId: string | null;
  leadUserId: string | null;
}

const OPEN_STATUSES = ['new', 'open', 'pending'];

/** The queries and conditional updates of the periodic SLA check. */
@Injectable()
export class SlaCheckRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Unanswered, unresolved, past their first-response due time and not escalated yet; oldest due first. */
  async overdueUnanswered(now: number, limit: number): Promise<OverdueConversation[]> {
    const rows = await this.dataSource
      .createQueryBuilder()
      .select('c.id', 'id')
      .addSelect('c.reference', 'reference')
      .addSelect('c.subject', 'subject')
      .addSelect('c.first_response_due_at', 'due')
      .addSelect('d.name', 'departmentName')
      .addSelect('d.lead_user_id', 'leadUserId')
      .from(ConversationEntity, 'c')
      .leftJoin(DepartmentEntity, 'd', 'd.id = c.department_id')
      .where('c.escalated_at IS NULL')
      .andWhere('c.first_response_at IS NULL')
      .andWhere('c.first_response_due_at < :now', { now })
      .andWhere('c.status IN (:...open)', { open: OPEN_STATUSES })
      .orderBy('c.first_response_due_at', 'ASC')
      .limit(limit)
      .getRawMany<Record<string, unknown>>();
    return rows.map((row) => ({
      id: String(row.id),
      reference: String(row.reference),
      subject: (row.subject as string | null) ?? null,
      firstResponseDueAt: Number(row.due),
      departmentName: (row.departmentName as string | null) ?? null,
      leadUserId: (row.leadUserId as string | null) ?? null,
    }));
  }

  /** Escalates once: only the caller whose update finds escalated_at still NULL gets true. */
  async claimEscalation(manager: EntityManager, id: string, now: number): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(ConversationEntity)
      .set({ priority: 'urgent', escalatedAt: now, updatedAt: now })
      .where('id = :id AND escalated_at IS NULL AND first_response_at IS NULL', { id })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** Open promises past their due time whose breach nobody has been told about yet. */
  async brokenUnnotified(now: number, limit: number): Promise<DuePromise[]> {
    const rows = await this.dataSource
      .createQueryBuilder()
      .select('p.id', 'id')
      .addSelect('p.conversation_id', 'conversationId')
      .addSelect('p.description', 'description')
      .addSelect('p.due_at', 'dueAt')
      .addSelect('p.created_by_id', 'createdById')
      .addSelect('c.reference', 'reference')
      .addSelect('c.assignee_id', 'assigneeId')
      .addSelect('d.lead_user_id', 'leadUserId')
      .from(PromiseEntity, 'p')
      .innerJoin(ConversationEntity, 'c', 'c.id = p.conversation_id')
      .leftJoin(DepartmentEntity, 'd', 'd.id = c.department_id')
      .where('p.kept_at IS NULL')
      .andWhere('p.broken_notified_at IS NULL')
      .andWhere('p.due_at < :now', { now })
      .orderBy('p.due_at', 'ASC')
      .limit(limit)
      .getRawMany<Record<string, unknown>>();
    return rows.map((row) => ({
      id: String(row.id),
      conversationId: String(row.conversationId),
      description: String(row.description),
      dueAt: Number(row.dueAt),
      createdById: (row.createdById as string | null) ?? null,
      reference: String(row.reference),
      assigneeId: (row.assigneeId as string | null) ?? null,
      leadUserId: (row.leadUserId as string | null) ?? null,
    }));
  }

  /** Marks the breach as told, once: false when it was kept or told meanwhile. */
  async claimBrokenPromise(manager: EntityManager, id: string, now: number): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(PromiseEntity)
      .set({ brokenNotifiedAt: now })
      .where('id = :id AND broken_notified_at IS NULL AND kept_at IS NULL', { id })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  async insertEvent(manager: EntityManager, event: ConversationEventEntity): Promise<void> {
    await bulkInsert(manager, ConversationEventEntity, [event]);
  }
}
