import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type AttachmentRow, insertAttachments } from '../attachments/attachments.repository.js';
import type { ClassificationResult } from '../classification/classification.types.js';
import type { ConversationEventEntity } from '../conversations/conversation-event.entity.js';
import type { ConversationEntity } from '../conversations/conversation.entity.js';
import type { MessageEntity } from '../conversations/message.entity.js';
import { RoutingService } from '../routing/routing.service.js';
import { SlaPolicyResolver } from '../sla/sla-policy-resolver.js';
import type { BatchChanges, Destination, OpenedConversation, PlanContext } from './batch-plan.js';
import { ConversationOpener } from './conversation-opener.js';
import { checkConnectors, dedupe } from './dedupe.js';
import { applyInbound, inboundMessage } from './inbound-message.js';
import { IngestionAnnouncer } from './ingestion-announcer.js';
import { IngestionRepository } from './ingestion.repository.js';
import type { NormalizedRemark } from './normalize.js';
import type { RemarkOutcome } from './raw-remark.js';
import { destinations } from './threading.js';

const CONFLICT_RETRIES = 3;

/** Unique violations and deadlocks: another batch wrote the same rows first; planning again helps. */
const CONFLICT_CODES = new Set([
  '23505', // unique_violation
  '40P01', // deadlock_detected
  'SQLITE_CONSTRAINT_UNIQUE',
  'SQLITE_CONSTRAINT_PRIMARYKEY',
]);

function isConflict(error: unknown): boolean {
  return CONFLICT_CODES.has((error as { driverError?: { code?: string } }).driverError?.code ?? '');
}

/** The conversation a remark's message goes to, once the batch's new conversations exist. */
function conversationOf(
  destination: Destination,
  own: OpenedConversation | null,
  opened: Map<number, OpenedConversation>,
): ConversationEntity {
  return (
    own?.conversation ??
    (typeof destination === 'object' && 'openerIndex' in destination
      ? opened.get(destination.openerIndex)!.conversation
      : (destination as ConversationEntity))
  );
}

/** Writes normalised remarks: dedupe → thread → open conversations → insert, one transaction per batch. */
@Injectable()
export class BatchWriter {
  // Log lines keep the pipeline's name, as before this class was split out of it.
  private readonly logger = new Logger('IngestionService');

  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: IngestionRepository,
    private readonly routing: RoutingService,
    private readonly sla: SlaPolicyResolver,
    private readonly opener: ConversationOpener,
    private readonly announcer: IngestionAnnouncer,
  ) {}

  /** Persists remarks in one transaction; if that fails for one bad remark, each goes alone. */
  async commit(
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
        if (isConflict(error) && attempt < CONFLICT_RETRIES) continue;
        return this.commitOneByOne(remarks, now, classified, error);
      }
      await this.announcer
        .announce(changes)
        .catch((error: unknown) => this.logger.warn(`Could not announce ingested remarks: ${String(error)}`));
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
    const fresh = await checkConnectors(
      this.repository,
      manager,
      await dedupe(this.repository, manager, remarks, outcomes),
      outcomes,
    );
    const destined = await destinations(this.repository, manager, fresh);
    const openers = fresh.filter((r) => destined.get(r.index) === 'new');
    const events: ConversationEventEntity[] = [];
    const opened = await this.opener.open(manager, openers, ctx, events);

    const messages: MessageEntity[] = [];
    const files: AttachmentRow[] = [];
    const created = new Map<string, BatchChanges['created'][number]>();
    const threaded = new Map<string, BatchChanges['threaded'][number]>();
    for (const remark of fresh) {
      const destination = destined.get(remark.index);
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
      // Suppressed remarks (auto-replies) are not classified: their words are searched unstemmed.
      const message = inboundMessage(remark, ctx.classified.get(remark.index)?.language ?? null);
      messages.push(message);
      const own = destination === 'new' ? opened.get(remark.index)! : null;
      const conversation = conversationOf(destination, own, opened);
      message.conversationId = conversation.id;
      for (const file of remark.files)
        files.push({
          ...file,
          messageId: message.id,
          conversationId: conversation.id,
          uploadedBy: null,
          createdAt: ctx.now,
        });
      if (own) {
        created.set(conversation.id, { ...own, messages: [message] });
      } else {
        const entry = created.get(conversation.id) ??
          threaded.get(conversation.id) ?? { conversation, messages: [] };
        entry.messages.push(message);
        if (!created.has(conversation.id)) threaded.set(conversation.id, entry);
        applyInbound(conversation, message, remark.suppress, ctx.now, events);
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
    await insertAttachments(manager, files);
    await this.repository.updateThreaded(
      manager,
      [...threaded.values()].map((t) => t.conversation),
    );
    return { outcomes, created: [...created.values()], threaded: [...threaded.values()] };
  }
}
