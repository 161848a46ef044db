import { Injectable, Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { Counter } from 'prom-client';
import { DataSource, type EntityManager } from 'typeorm';
import { REPEAT_CONTACT_WINDOW_DAYS, type Priority } from '../../../config/defaults.js';
import { MetricsService } from '../../common/metrics/metrics.service.js';
import { ClassificationService } from '../classification/classification.service.js';
import type { ClassificationResult } from '../classification/classification.types.js';
import type { ContactEntity } from '../contacts/contact.entity.js';
import { ContactsService } from '../contacts/contacts.service.js';
import { ConversationEventEntity } from '../conversations/conversation-event.entity.js';
import { ConversationEntity, type ReplyChannel } from '../conversations/conversation.entity.js';
import { newEvent, raisePriority, reopenOnInbound } from '../conversations/conversation-lifecycle.js';
import { toConversationSummaryDto, toMessageDto } from '../conversations/conversation.mapper.js';
import type { ConversationSummaryDto } from '../conversations/dto/conversation-response.dto.js';
import { MessageEntity } from '../conversations/message.entity.js';
import { EventsService } from '../events/events.service.js';
import type { Router } from '../routing/router.js';
import { RoutingService } from '../routing/routing.service.js';
import { type SlaLookup, SlaPolicyResolver } from '../sla/sla-policy-resolver.js';
import { IngestionRepository } from './ingestion.repository.js';
import { Semaphore } from './semaphore.js';
import { timeOrderedId } from './time-ordered-id.js';
import { type NormalizedRemark, normalizeRemark, previewOf } from './normalize.js';
import type { IngestResult, RawRemark, RemarkOutcome } from './raw-remark.js';

/** Remarks per transaction: big enough for few round trips, small enough to keep locks short. */
export const INGEST_BATCH_SIZE = 1000;
const UNIQUE_RETRIES = 3;
const CLASSIFY_CHARS = 5000;
/** Batches classified ahead of the one being written. */
const PREPARED_AHEAD = 1;
const DAY_MS = 86_400_000;

/** Where the customer gets the answer unless they said otherwise. */
function defaultReplyChannel(remark: NormalizedRemark): ReplyChannel {
  if (remark.replyChannel) return remark.replyChannel;
  switch (remark.channel) {
    case 'email':
      return 'email';
    case 'webform':
      return remark.email ? 'email' : 'status_page';
    case 'feed':
      return 'feed';
    case 'api':
      return 'api';
  }
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { driverError?: { code?: string }; code?: string }).driverError?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** A conversation this batch opens, with what the events need. */
interface OpenedConversation {
  conversation: ConversationEntity;
  contact: ContactEntity;
}

/** Where a remark goes: a new conversation, the one an earlier remark of this batch opens, or an existing one. */
type Destination = 'new' | { openerIndex: number } | ConversationEntity;

/** What one committed batch changed, for the events sent after commit. */
interface BatchChanges {
  outcomes: RemarkOutcome[];
  created: (OpenedConversation & { messages: MessageEntity[] })[];
  threaded: { conversation: ConversationEntity; messages: MessageEntity[] }[];
}

/** A batch normalised and classified, waiting for its transaction. */
interface PreparedBatch {
  now: number;
  offset: number;
  failed: RemarkOutcome[];
  valid: NormalizedRemark[];
  classified: Map<number, ClassificationResult>;
  channels: string[];
}

interface PlanContext {
  now: number;
  router: Router;
  sla: SlaLookup;
  /** Kept across retries of a batch, so a retry does not classify again. */
  classified: Map<number, ClassificationResult>;
}

/**
 * The one way a remark enters the database: normalise → dedupe → contact → thread → classify →
 * route → due time → persist (one transaction per batch) → events. Idempotent on
 * (connector or "api", external id); a remark that cannot be stored fails alone, with a reason.
 */
@Injectable()
export class IngestionService {
  private readonly logger = new Logger(IngestionService.name);
  private readonly counter: Counter<string>;
  /**
   * One batch transaction at a time. The database already works alongside this thread (the next
   * batch is classified while the current one is written); two concurrent batches measured no
   * faster on two cores and wait on each other's new contacts.
   */
  private readonly writers: Semaphore;

  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: IngestionRepository,
    private readonly contacts: ContactsService,
    private readonly classification: ClassificationService,
    private readonly routing: RoutingService,
    private readonly sla: SlaPolicyResolver,
    private readonly events: EventsService,
    metrics: MetricsService,
  ) {
    this.writers = new Semaphore(1);
    this.counter = metrics.counter('resonanz_remarks_total', 'Remarks through the ingestion pipeline', [
      'channel',
      'outcome',
    ]);
  }

  /**
   * Resolves after the remarks are committed, so a connector may then advance its cursor. The
   * next batch is normalised and classified (CPU) while earlier ones are being written.
   */
  async ingest(remarks: RawRemark[]): Promise<IngestResult> {
    const outcomes: RemarkOutcome[] = [];
    const inFlight: Promise<RemarkOutcome[]>[] = [];
    for (let start = 0; start < remarks.length; start += INGEST_BATCH_SIZE) {
      const prepared = this.prepare(remarks.slice(start, start + INGEST_BATCH_SIZE), start);
      inFlight.push(this.writers.run(() => this.commitPrepared(prepared)));
      if (inFlight.length > PREPARED_AHEAD) outcomes.push(...(await inFlight.shift()!));
    }
    for (const batch of inFlight) outcomes.push(...(await batch));
    outcomes.sort((a, b) => a.index - b.index);
    return {
      ingested: outcomes.filter((o) => o.status === 'ingested').length,
      duplicates: outcomes.filter((o) => o.status === 'duplicate').length,
      failed: outcomes.flatMap((o) =>
        o.status === 'failed' ? [{ index: o.index, message: o.message }] : [],
      ),
      outcomes,
    };
  }

  /** Normalises and classifies a batch (classification may be wasted on duplicates; it is cheap). */
  private prepare(raws: RawRemark[], offset: number): PreparedBatch {
    const now = Date.now();
    const failed: RemarkOutcome[] = [];
    const valid: NormalizedRemark[] = [];
    const classified = new Map<number, ClassificationResult>();
    raws.forEach((raw, i) => {
      const result = normalizeRemark(raw, offset + i, now);
      if (!result.ok) {
        failed.push({ index: offset + i, status: 'failed', message: result.message });
        return;
      }
      valid.push(result.remark);
      if (!result.remark.suppress) this.classify(result.remark, classified);
    });
    const channels = raws.map((raw) => (typeof raw?.channel === 'string' ? raw.channel : 'unknown'));
    return { now, offset, failed, valid, classified, channels };
  }

  private async commitPrepared(batch: PreparedBatch): Promise<RemarkOutcome[]> {
    const outcomes = [...batch.failed];
    if (batch.valid.length) outcomes.push(...(await this.commit(batch.valid, batch.now, batch.classified)));
    for (const outcome of outcomes) {
      this.counter.inc({
        channel: batch.channels[outcome.index - batch.offset] ?? 'unknown',
        outcome: outcome.status,
      });
    }
    return outcomes;
  }

  /** Persists remarks in one transaction; if that fails for one bad remark, each goes alone. */
  private async commit(
    remarks: NormalizedRemark[],
    now: number,
    classified: Map<number, ClassificationResult>,
  ): Promise<RemarkOutcome[]> {
    const [router, sla] = await Promise.all([this.routing.router(), this.sla.lookup()]);
    const ctx: PlanContext = { now, router, sla, classified };
    for (let attempt = 1; ; attempt++) {
      let changes: BatchChanges;
      try {
        changes = await this.dataSource.transaction((manager) => this.persist(manager, remarks, ctx));
      } catch (error) {
        // A concurrent writer stored the same remark or contact first: plan again, it now dedupes.
        if (isUniqueViolation(error) && attempt < UNIQUE_RETRIES) continue;
        return this.commitOneByOne(remarks, now, classified, error);
      }
      await this.announce(changes).catch((error: unknown) =>
        this.logger.warn(`Could not announce ingested remarks: ${String(error)}`),
      );
      return changes.outcomes;
    }
  }

  /** One bad remark must not keep the others out: each goes in its own transaction. */
  private async commitOneByOne(
    remarks: NormalizedRemark[],
    now: number,
    classified: Map<number, ClassificationResult>,
    error: unknown,
  ): Promise<RemarkOutcome[]> {
    if (remarks.length === 1) {
      this.logger.error(`Remark ${remarks[0].externalId} could not be stored: ${String(error)}`);
      return [{ index: remarks[0].index, status: 'failed', message: 'could not be stored' }];
    }
    const outcomes: RemarkOutcome[] = [];
    for (const remark of remarks) outcomes.push(...(await this.commit([remark], now, classified)));
    return outcomes;
  }

  private async persist(
    manager: EntityManager,
    remarks: NormalizedRemark[],
    ctx: PlanContext,
  ): Promise<BatchChanges> {
    const outcomes: RemarkOutcome[] = [];
    const fresh = await this.checkConnectors(
      manager,
      await this.dedupe(manager, remarks, outcomes),
      outcomes,
    );
    const destinations = await this.destinations(manager, fresh);
    const openers = fresh.filter((r) => destinations.get(r.index) === 'new');
    const events: ConversationEventEntity[] = [];
    const opened = await this.openConversations(manager, openers, ctx, events);

    const messages: MessageEntity[] = [];
    const created = new Map<string, BatchChanges['created'][number]>();
    const threaded = new Map<string, BatchChanges['threaded'][number]>();
    for (const remark of fresh) {
      const destination = destinations.get(remark.index);
      if (!destination) {
        // A suppressed remark (auto-reply, bounce) with nothing to attach to is stored nowhere.
        outcomes.push({
          index: remark.index,
          status: 'duplicate',
          conversationId: null,
          messageId: null,
          reason: 'suppressed',
        });
        continue;
      }
      const message = this.inboundMessage(remark);
      messages.push(message);
      const own = destination === 'new' ? opened.get(remark.index)! : null;
      const conversation =
        own?.conversation ??
        (typeof destination === 'object' && 'openerIndex' in destination
          ? opened.get(destination.openerIndex)!.conversation
          : (destination as ConversationEntity));
      message.conversationId = conversation.id;
      if (own) {
        created.set(conversation.id, { ...own, messages: [message] });
      } else {
        const entry = created.get(conversation.id) ??
          threaded.get(conversation.id) ?? { conversation, messages: [] };
        entry.messages.push(message);
        if (!created.has(conversation.id)) threaded.set(conversation.id, entry);
        this.applyInbound(conversation, message, remark.suppress, ctx.now, events);
      }
      outcomes.push({
        index: remark.index,
        status: 'ingested',
        conversationId: conversation.id,
        messageId: message.id,
        reference: conversation.reference,
        created: !!own,
        statusToken: conversation.statusToken,
      });
    }

    await this.repository.insert(
      manager,
      [...opened.values()].map((o) => o.conversation),
      messages,
      events,
    );
    await this.repository.updateThreaded(
      manager,
      [...threaded.values()].map((t) => t.conversation),
    );
    return { outcomes, created: [...created.values()], threaded: [...threaded.values()] };
  }

  /** Drops remarks stored before (or twice in this batch); returns the rest. */
  private async dedupe(
    manager: EntityManager,
    remarks: NormalizedRemark[],
    outcomes: RemarkOutcome[],
  ): Promise<NormalizedRemark[]> {
    const stored = new Map(
      (
        await this.repository.messagesByExternalIds(
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

  private async checkConnectors(
    manager: EntityManager,
    remarks: NormalizedRemark[],
    outcomes: RemarkOutcome[],
  ): Promise<NormalizedRemark[]> {
    const ids = [...new Set(remarks.map((r) => r.connectorId).filter((id): id is string => !!id))];
    const existing = await this.repository.connectorIds(manager, ids);
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

  /**
   * Threading: a conversation named by id, by a message it answers (In-Reply-To, also an earlier
   * remark of this batch), or by reference; otherwise a new one (unless the channel suppresses it).
   */
  private async destinations(
    manager: EntityManager,
    remarks: NormalizedRemark[],
  ): Promise<Map<number, Destination>> {
    const existing = await this.findThreads(manager, remarks);
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

  private async findThreads(
    manager: EntityManager,
    remarks: NormalizedRemark[],
  ): Promise<Map<number, ConversationEntity>> {
    const result = new Map<number, ConversationEntity>();
    const hinted = remarks.filter(
      (r) => r.thread.conversationId || r.thread.reference || r.thread.inReplyTo.length,
    );
    if (!hinted.length) return result;
    const answered = await this.repository.messagesByExternalIds(
      manager,
      hinted.flatMap((r) => r.thread.inReplyTo),
    );
    const conversationOfMessage = new Map(answered.map((m) => [m.externalId, m.conversationId]));
    const ids = [
      ...hinted.map((r) => r.thread.conversationId).filter((id): id is string => !!id),
      ...answered.map((m) => m.conversationId),
    ];
    const byId = new Map((await this.repository.conversationsByIds(manager, ids)).map((c) => [c.id, c]));
    const references = hinted.map((r) => r.thread.reference).filter((ref): ref is string => !!ref);
    const byReference = new Map(
      (await this.repository.conversationsByReferences(manager, references)).map((c) => [c.reference, c]),
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

  /** Classifies, finds contacts, routes and sets due times for the remarks that open conversations. */
  private async openConversations(
    manager: EntityManager,
    openers: NormalizedRemark[],
    ctx: PlanContext,
    events: ConversationEventEntity[],
  ): Promise<Map<number, OpenedConversation>> {
    const opened = new Map<number, OpenedConversation>();
    if (!openers.length) return opened;
    const { contacts, created } = await this.contacts.resolveMany(
      manager,
      openers.map((r) => ({ email: r.email, channelIdentity: r.channelIdentity, name: r.authorName })),
      ctx.now,
    );
    const returning = contacts.filter((c) => !created.has(c.id)).map((c) => c.id);
    const recent = returning.length
      ? await this.repository.recentConversations(
          manager,
          returning,
          ctx.now - REPEAT_CONTACT_WINDOW_DAYS * DAY_MS,
        )
      : new Map<string, { count: number; unresolved: number }>();
    const firstNumber = await this.repository.reserveReferenceNumbers(openers.length);

    const inBatch = new Map<string, number>();
    const plans = openers.map((remark, i) => {
      const contact = contacts[i];
      const earlier = recent.get(contact.id) ?? { count: 0, unresolved: 0 };
      const before = inBatch.get(contact.id) ?? 0;
      inBatch.set(contact.id, before + 1);
      const result = this.classify(remark, ctx.classified);
      const topic = result.topics[0] ?? { id: 'other', confidence: 0 };
      const routed = ctx.router.route({
        channel: remark.channel,
        connectorId: remark.connectorId,
        topic: topic.id,
        sentiment: result.sentiment.label,
        language: result.language,
        text: `${remark.subject ?? ''}\n${remark.body}`,
        rating: remark.rating,
      });
      // The channel fixed the department (web form's defaultDepartmentId): a rule's priority still
      // applies, its department and assignee (someone of another department) do not.
      const decision =
        remark.departmentId &&
        remark.departmentId !== routed.departmentId &&
        ctx.router.hasDepartment(remark.departmentId) // a deleted department falls back to routing
          ? { ...routed, departmentId: remark.departmentId, assigneeId: null }
          : routed;
      let priority: Priority = decision.priority ?? 'normal';
      // An earlier concern of this person is still open (conversations of this batch are all open).
      if (earlier.unresolved + before > 0) priority = raisePriority(priority);
      return { remark, contact, result, topic, decision, priority, repeatContacts: earlier.count + before };
    });

    const wanted = new Map<string, number>();
    for (const plan of plans) {
      const department = plan.decision.departmentId;
      if (!plan.decision.assigneeId && department && ctx.router.autoAssignMembers.has(department))
        wanted.set(department, (wanted.get(department) ?? 0) + 1);
    }
    const turns = await this.routing.takeTurns(ctx.router, wanted);

    plans.forEach((plan, i) => {
      const { remark, result, topic, decision } = plan;
      const autoAssignee =
        !decision.assigneeId && decision.departmentId
          ? (turns.get(decision.departmentId)?.shift() ?? null)
          : null;
      const targets = ctx.sla(remark.channel, plan.priority);
      const conversation = Object.assign(new ConversationEntity(), {
        id: timeOrderedId(ctx.now),
        reference: `R-${firstNumber + i}`,
        channel: remark.channel,
        connectorId: remark.connectorId,
        subject: remark.subject,
        preview: previewOf(remark.body, remark.subject),
        contactId: plan.contact.id,
        status: 'new',
        priority: plan.priority,
        language: result.language.slice(0, 8),
        sentimentLabel: result.sentiment.label,
        sentimentScore: result.sentiment.score,
        topic: topic.id.slice(0, 64),
        topicConfidence: topic.confidence,
        rating: remark.rating,
        externalUrl: remark.url,
        departmentId: decision.departmentId,
        assigneeId: decision.assigneeId ?? autoAssignee,
        replyChannel: defaultReplyChannel(remark),
        statusToken: remark.channel === 'webform' ? randomBytes(24).toString('base64url') : null,
        createdAt: remark.receivedAt,
        lastMessageAt: remark.receivedAt,
        firstResponseAt: null,
        resolvedAt: null,
        firstResponseDueAt: remark.receivedAt + targets.firstResponseSeconds * 1000,
        resolutionDueAt:
          targets.resolutionSeconds === null ? null : remark.receivedAt + targets.resolutionSeconds * 1000,
        escalatedAt: null,
        firstResponseSeconds: null,
        resolutionSeconds: null,
        resolvedWithoutReply: false,
        transfers: 0,
        repeatContacts: plan.repeatContacts,
        flags: remark.flags.length ? remark.flags : null,
        updatedAt: ctx.now,
      } satisfies ConversationEntity);
      if (conversation.assigneeId) {
        const data = {
          from: null,
          to: conversation.assigneeId,
          ruleId: decision.ruleId,
          auto: !!autoAssignee,
        };
        events.push(newEvent(conversation.id, 'assign', data, null, ctx.now));
      }
      opened.set(remark.index, { conversation, contact: plan.contact });
    });
    return opened;
  }

  private classify(remark: NormalizedRemark, cache: Map<number, ClassificationResult>): ClassificationResult {
    let result = cache.get(remark.index);
    if (!result) {
      // The opening of a remark says what it is about; 100 KB bodies would only cost time.
      const text = (remark.subject ? `${remark.subject}\n${remark.body}` : remark.body).slice(
        0,
        CLASSIFY_CHARS,
      );
      result = this.classification.classify(text, { rating: remark.rating });
      cache.set(remark.index, result);
    }
    return result;
  }

  private inboundMessage(remark: NormalizedRemark): MessageEntity {
    return Object.assign(new MessageEntity(), {
      id: timeOrderedId(),
      conversationId: '',
      direction: 'inbound',
      authorName: remark.authorName,
      authorUserId: null,
      body: remark.body,
      html: remark.html,
      fullBody: remark.fullBody,
      truncated: remark.truncated,
      source: remark.source,
      externalId: remark.externalId,
      attachments: remark.attachments,
      meta: remark.meta,
      deliveryStatus: null,
      deliveryError: null,
      deliveryAttempts: 0,
      createdAt: remark.receivedAt,
    } satisfies MessageEntity);
  }

  /** A new message on a conversation: activity, preview, and reopening if it waited or was done. */
  private applyInbound(
    conversation: ConversationEntity,
    message: MessageEntity,
    suppress: boolean,
    now: number,
    events: ConversationEventEntity[],
  ): void {
    if (message.createdAt >= conversation.lastMessageAt) {
      conversation.lastMessageAt = message.createdAt;
      if (message.body) conversation.preview = previewOf(message.body, null);
    }
    conversation.updatedAt = now;
    if (suppress) return;
    const from = reopenOnInbound(conversation);
    if (from) events.push(newEvent(conversation.id, 'reopen', { from, messageId: message.id }, null, now));
  }

  /** Live inbox events, built only when somebody listens. */
  private async announce(changes: BatchChanges): Promise<void> {
    if (!this.events.listening) return;
    for (const { conversation, contact, messages } of changes.created) {
      const summary = toConversationSummaryDto(conversation, contact);
      this.events.emit({
        type: 'conversation.created',
        conversationId: conversation.id,
        conversation: summary,
      });
      for (const message of messages.slice(1)) this.emitMessage(summary, message);
    }
    if (!changes.threaded.length) return;
    const contacts = new Map(
      (await this.contacts.findByIds(changes.threaded.map((t) => t.conversation.contactId))).map((c) => [
        c.id,
        c,
      ]),
    );
    for (const { conversation, messages } of changes.threaded) {
      const summary = toConversationSummaryDto(conversation, contacts.get(conversation.contactId));
      for (const message of messages) this.emitMessage(summary, message);
      this.events.emit({
        type: 'conversation.updated',
        conversationId: conversation.id,
        conversation: summary,
      });
    }
  }

  private emitMessage(conversation: ConversationSummaryDto, message: MessageEntity): void {
    this.events.emit({
      type: 'message.created',
      conversationId: conversation.id,
      conversation,
      message: toMessageDto(message),
    });
  }
}
