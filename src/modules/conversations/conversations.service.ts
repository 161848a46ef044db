import { Injectable, Logger } from '@nestjs/common';
import type { SentimentLabel } from '../../../config/defaults.js';
import type { AuthUser } from '../../common/auth/auth.decorators.js';
import { badRequest, notFound } from '../../common/errors/app-error.js';
import { ClassificationService } from '../classification/classification.service.js';
import { ContactsService } from '../contacts/contacts.service.js';
import { DepartmentsRepository } from '../departments/departments.repository.js';
import { EventsService, type InboxEventType } from '../events/events.service.js';
import { UsersRepository } from '../users/users.repository.js';
import type { ConversationEventEntity } from './conversation-event.entity.js';
import type { ConversationEntity } from './conversation.entity.js';
import { clearResolution, markPickedUp, markResolved, newEvent } from './conversation-lifecycle.js';
import {
  toConversationEventDto,
  toConversationSummaryDto,
  toMessageDto,
  toPromiseDto,
} from './conversation.mapper.js';
import { ConversationsRepository, type InboxFilters } from './conversations.repository.js';
import type {
  ConversationDetailDto,
  ConversationPageDto,
  ConversationSummaryDto,
} from './dto/conversation-response.dto.js';
import { DEFAULT_PAGE_SIZE, type ListConversationsDto } from './dto/list-conversations.dto.js';
import type { UpdateConversationDto } from './dto/update-conversation.dto.js';
import { decodeCursor, encodeCursor } from './inbox-cursor.js';
import { INBOX_ORDERS } from './inbox-order.js';
import type { MessageEntity } from './message.entity.js';

/** A corrected sentiment keeps its strength but gets the sign of its new label. */
function scoreFor(label: SentimentLabel, score: number): number {
  const strength = Math.max(Math.abs(score), 0.5);
  return label === 'neutral' ? 0 : label === 'positive' ? strength : -strength;
}

/** Passed on this often, a conversation is flagged: nobody wants to own it (DESIGN). */
export const BOUNCED_AFTER_TRANSFERS = 3;
export const BOUNCED_FLAG = 'bounced';

/** The unified inbox: list, detail and the changes agents make (status, owner, transfers, corrections). */
@Injectable()
export class ConversationsService {
  private readonly logger = new Logger(ConversationsService.name);

  constructor(
    private readonly conversations: ConversationsRepository,
    private readonly contacts: ContactsService,
    private readonly users: UsersRepository,
    private readonly departments: DepartmentsRepository,
    private readonly classification: ClassificationService,
    private readonly events: EventsService,
  ) {}

  async list(query: ListConversationsDto, user?: AuthUser): Promise<ConversationPageDto> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const sort = query.sort ?? 'activity';
    const after = query.cursor ? decodeCursor(query.cursor, sort) : null;
    const rows = await this.conversations.page(await this.filtersOf(query, user), sort, after, limit + 1);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const nextCursor =
      rows.length > limit && last
        ? encodeCursor({ sort, keys: INBOX_ORDERS[sort].keysOf(last), id: last.id })
        : null;
    return { items: await this.summaries(page), nextCursor };
  }

  /** "mine" stands for the departments the user belongs to (an agent's own work). */
  private async filtersOf(query: ListConversationsDto, user?: AuthUser): Promise<InboxFilters> {
    if (query.departmentId !== 'mine') return query;
    const mine = user ? ((await this.users.departmentIdsByUser([user.id])).get(user.id) ?? []) : [];
    return { ...query, departmentId: undefined, departmentIds: mine };
  }

  async detail(id: string): Promise<ConversationDetailDto> {
    const conversation = await this.get(id);
    const [summary, messages, promises, events] = await Promise.all([
      this.summaryOf(conversation),
      this.conversations.messagesOf(id),
      this.conversations.promisesOf(id),
      this.conversations.eventsOf(id),
    ]);
    const now = Date.now();
    return {
      ...summary,
      messages: messages.map(toMessageDto),
      promises: promises.map((p) => toPromiseDto(p, now)),
      events: events.map(toConversationEventDto),
    };
  }

  async get(id: string): Promise<ConversationEntity> {
    const conversation = await this.conversations.findById(id);
    if (!conversation) throw notFound('Conversation');
    return conversation;
  }

  async summaryOf(conversation: ConversationEntity): Promise<ConversationSummaryDto> {
    return (await this.summaries([conversation]))[0];
  }

  /** Tells live inboxes about a change (for any module that changed a conversation). */
  async announce(
    conversation: ConversationEntity,
    type: InboxEventType = 'conversation.updated',
    message?: MessageEntity,
  ): Promise<void> {
    if (!this.events.listening) return;
    const summary = await this.summaryOf(conversation);
    this.events.emit({
      type,
      conversationId: conversation.id,
      conversation: summary,
      ...(message ? { message: toMessageDto(message) } : {}),
    });
  }

  async update(id: string, input: UpdateConversationDto, user: AuthUser): Promise<ConversationSummaryDto> {
    const conversation = await this.get(id);
    const now = Date.now();
    const events: ConversationEventEntity[] = [];
    const reason = input.reason || null;
    const record = (type: ConversationEventEntity['type'], data: Record<string, unknown>) =>
      events.push(newEvent(conversation.id, type, data, user.id, now));

    if (input.departmentId !== undefined && input.departmentId !== conversation.departmentId) {
      await this.transfer(conversation, input, reason, record);
    }
    if (input.assigneeId !== undefined && input.assigneeId !== conversation.assigneeId) {
      await this.assign(conversation, input.assigneeId, input.status === undefined, record);
    }
    if (input.priority !== undefined && input.priority !== conversation.priority) {
      record('priority', { from: conversation.priority, to: input.priority });
      conversation.priority = input.priority;
    }
    if (input.status !== undefined && input.status !== conversation.status) {
      this.changeStatus(conversation, input.status, reason, now, record);
    }
    const corrected = this.correct(conversation, input, record);
    if (events.length) {
      conversation.updatedAt = now;
      await this.conversations.save({ conversation, events });
    }
    // A confirmed label teaches the classifier as much as a changed one.
    if (corrected) await this.recordCorrection(conversation, input, user);
    if (events.length) await this.announce(conversation);
    return this.summaryOf(conversation);
  }

  /** Changing the department is a transfer: it needs a reason and is counted. */
  private async transfer(
    conversation: ConversationEntity,
    input: UpdateConversationDto,
    reason: string | null,
    record: (type: ConversationEventEntity['type'], data: Record<string, unknown>) => void,
  ): Promise<void> {
    if (!reason) throw badRequest('reason: a transfer to another department needs a reason');
    if (!(await this.departments.findById(input.departmentId!)))
      throw badRequest('departmentId: unknown department');
    record('transfer', { from: conversation.departmentId, to: input.departmentId, reason });
    conversation.departmentId = input.departmentId!;
    conversation.transfers += 1;
    if (conversation.transfers >= BOUNCED_AFTER_TRANSFERS && !conversation.flags?.includes(BOUNCED_FLAG))
      conversation.flags = [...(conversation.flags ?? []), BOUNCED_FLAG];
    // The new department decides who owns it, unless the same change names someone; until then
    // it waits among the new ones there, where that team looks for work.
    if (input.assigneeId === undefined && conversation.assigneeId) {
      record('assign', { from: conversation.assigneeId, to: null, reason: 'transfer' });
      conversation.assigneeId = null;
    }
    if (!conversation.assigneeId && input.status === undefined && conversation.status === 'open') {
      record('status', { from: 'open', to: 'new', reason: 'transfer' });
      conversation.status = 'new';
    }
  }

  private async assign(
    conversation: ConversationEntity,
    assigneeId: string | null,
    pickUp: boolean,
    record: (type: ConversationEventEntity['type'], data: Record<string, unknown>) => void,
  ): Promise<void> {
    if (assigneeId) {
      const assignee = await this.users.findById(assigneeId);
      if (!assignee || !assignee.active) throw badRequest('assigneeId: unknown or inactive user');
    }
    record('assign', { from: conversation.assigneeId, to: assigneeId });
    conversation.assigneeId = assigneeId;
    if (assigneeId && pickUp && markPickedUp(conversation)) record('status', { from: 'new', to: 'open' });
  }

  private changeStatus(
    conversation: ConversationEntity,
    status: ConversationEntity['status'],
    reason: string | null,
    now: number,
    record: (type: ConversationEventEntity['type'], data: Record<string, unknown>) => void,
  ): void {
    const from = conversation.status;
    if (status === 'resolved') {
      // Nothing closes without an answer unless someone says why.
      if (conversation.firstResponseAt === null && !reason)
        throw badRequest('reason: resolving a conversation that never got a reply needs a reason');
      markResolved(conversation, now);
    } else {
      if (from === 'resolved') clearResolution(conversation);
      conversation.status = status;
    }
    record('status', { from, to: status, ...(reason ? { reason } : {}) });
  }

  /** Topic and sentiment corrections; true when the classifier should hear about them. */
  private correct(
    conversation: ConversationEntity,
    input: UpdateConversationDto,
    record: (type: ConversationEventEntity['type'], data: Record<string, unknown>) => void,
  ): boolean {
    if (input.topic === undefined && input.sentiment === undefined) return false;
    const change: Record<string, unknown> = {};
    if (input.topic !== undefined && input.topic !== conversation.topic) {
      change.topic = { from: conversation.topic, to: input.topic };
      conversation.topic = input.topic;
      conversation.topicConfidence = 1;
    }
    if (input.sentiment !== undefined && input.sentiment !== conversation.sentimentLabel) {
      change.sentiment = { from: conversation.sentimentLabel, to: input.sentiment };
      conversation.sentimentLabel = input.sentiment;
      conversation.sentimentScore = scoreFor(input.sentiment, conversation.sentimentScore);
    }
    if (Object.keys(change).length) record('correction', change);
    return true;
  }

  private async recordCorrection(
    conversation: ConversationEntity,
    input: UpdateConversationDto,
    user: AuthUser,
  ): Promise<void> {
    const first = await this.conversations.firstInbound(conversation.id);
    const text = [conversation.subject, first?.body].filter(Boolean).join('\n');
    try {
      await this.classification.recordCorrection({
        text,
        language: conversation.language,
        topic: input.topic ?? null,
        sentiment: input.sentiment ?? null,
        conversationId: conversation.id,
        userId: user.id,
      });
    } catch (error) {
      // The correction itself is saved; only the learning signal is lost.
      this.logger.warn(`Could not record the correction of ${conversation.id}: ${String(error)}`);
    }
  }

  private async summaries(conversations: ConversationEntity[]): Promise<ConversationSummaryDto[]> {
    const contacts = new Map(
      (await this.contacts.findByIds(conversations.map((c) => c.contactId))).map((c) => [c.id, c]),
    );
    return conversations.map((c) => toConversationSummaryDto(c, contacts.get(c.contactId)));
  }
}
