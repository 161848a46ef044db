import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { REPEAT_CONTACT_WINDOW_DAYS, type Priority } from '../../../config/defaults.js';
import type { ContactEntity } from '../contacts/contact.entity.js';
import { ContactsService } from '../contacts/contacts.service.js';
import type { ConversationEventEntity } from '../conversations/conversation-event.entity.js';
import { newEvent, raisePriority } from '../conversations/conversation-lifecycle.js';
import { RoutingService } from '../routing/routing.service.js';
import type { OpenedConversation, PlanContext } from './batch-plan.js';
import { IngestionRepository } from './ingestion.repository.js';
import { newConversation, type OpenerPlan } from './new-conversation.js';
import type { NormalizedRemark } from './normalize.js';
import { RemarkClassifier } from './remark-classifier.js';

const DAY_MS = 86_400_000;

type RecentConversations = Map<string, { count: number; unresolved: number }>;

/** Classifies, finds contacts, routes and sets due times for the remarks that open conversations. */
@Injectable()
export class ConversationOpener {
  constructor(
    private readonly repository: IngestionRepository,
    private readonly contacts: ContactsService,
    private readonly routing: RoutingService,
    private readonly classifier: RemarkClassifier,
  ) {}

  async open(
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
    const recent: RecentConversations = returning.length
      ? await this.repository.recentConversations(
          manager,
          returning,
          ctx.now - REPEAT_CONTACT_WINDOW_DAYS * DAY_MS,
        )
      : new Map();
    const firstNumber = await this.repository.reserveReferenceNumbers(openers.length);
    const plans = this.plan(openers, contacts, recent, ctx);
    const turns = await this.routing.takeTurns(ctx.router, this.wantedTurns(plans, ctx));

    plans.forEach((plan, i) => {
      const { decision } = plan;
      const autoAssignee =
        !decision.assigneeId && decision.departmentId
          ? (turns.get(decision.departmentId)?.shift() ?? null)
          : null;
      const targets = ctx.sla(plan.remark.channel, plan.priority);
      const assigneeId = decision.assigneeId ?? autoAssignee;
      const conversation = newConversation(plan, `R-${firstNumber + i}`, assigneeId, targets, ctx.now);
      if (conversation.assigneeId) {
        const data = {
          from: null,
          to: conversation.assigneeId,
          ruleId: decision.ruleId,
          auto: !!autoAssignee,
        };
        events.push(newEvent(conversation.id, 'assign', data, null, ctx.now));
      }
      opened.set(plan.remark.index, { conversation, contact: plan.contact });
    });
    return opened;
  }

  /** Classification, routing and priority of each opener (contacts[i] belongs to openers[i]). */
  private plan(
    openers: NormalizedRemark[],
    contacts: ContactEntity[],
    recent: RecentConversations,
    ctx: PlanContext,
  ): OpenerPlan[] {
    const inBatch = new Map<string, number>();
    return openers.map((remark, i) => {
      const contact = contacts[i];
      const earlier = recent.get(contact.id) ?? { count: 0, unresolved: 0 };
      const before = inBatch.get(contact.id) ?? 0;
      inBatch.set(contact.id, before + 1);
      const result = this.classifier.classify(remark, ctx.classified);
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
  }

  /** How many auto-assign turns each department must hand out for this batch. */
  private wantedTurns(plans: OpenerPlan[], ctx: PlanContext): Map<string, number> {
    const wanted = new Map<string, number>();
    for (const plan of plans) {
      const department = plan.decision.departmentId;
      if (!plan.decision.assigneeId && department && ctx.router.autoAssignMembers.has(department))
        wanted.set(department, (wanted.get(department) ?? 0) + 1);
    }
    return wanted;
  }
}
