import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import type { Counter } from 'prom-client';
import { AppConfig } from '../../common/config/app-config.js';
import { MetricsService } from '../../common/metrics/metrics.service.js';
import { JOB_QUEUE, type JobQueue } from '../../common/queue/job-queue.js';
import { newEvent } from '../conversations/conversation-lifecycle.js';
import { ConversationsService } from '../conversations/conversations.service.js';
import type { NotificationEntity } from '../notifications/notification.entity.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { type DuePromise, type OverdueConversation, SlaCheckRepository } from './sla-check.repository.js';

export const SLA_CHECK_JOB = 'sla.check';
/** One id for every instance's periodic enqueue, so they collapse into one waiting check. */
const SLA_CHECK_JOB_ID = 'sla-check';
const BATCH = 100;
/** Bounds one run; a larger backlog is worked off by the next runs. */
const MAX_PER_RUN = 5_000;

export interface SlaCheckResult {
  escalated: number;
  brokenPromises: number;
}

/** "2025-03-01 14:05 UTC" */
const utc = (epochMs: number) => `${new Date(epochMs).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/**
 * The periodic SLA check: escalates overdue, unanswered conversations (priority urgent, the
 * department lead notified, recorded in the history) and tells assignees about broken promises.
 * Every step is a conditional update, so it happens once however many instances run the check.
 */
@Injectable()
export class SlaService implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(SlaService.name);
  private readonly actions: Counter<string>;
  private timer: NodeJS.Timeout | null = null;
  private previousRun: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly repo: SlaCheckRepository,
    private readonly notifications: NotificationsService,
    private readonly conversations: ConversationsService,
    private readonly config: AppConfig,
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
    metrics: MetricsService,
  ) {
    this.actions = metrics.counter('resonanz_sla_actions_total', 'SLA check actions by kind', ['kind']);
  }

  onModuleInit(): void {
    this.queue.register(SLA_CHECK_JOB, async () => {
      await this.runCheck();
    });
  }

  onApplicationBootstrap(): void {
    if (!this.config.env.SCHEDULER_ENABLED) return;
    this.timer = setInterval(
      () => void this.enqueueCheck(),
      this.config.env.SLA_CHECK_INTERVAL_SECONDS * 1000,
    );
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  async enqueueCheck(): Promise<void> {
    await this.queue
      .enqueue(SLA_CHECK_JOB, {}, { jobId: SLA_CHECK_JOB_ID })
      .catch((error: unknown) => this.logger.error(`Could not enqueue the SLA check: ${String(error)}`));
  }

  /**
   * One pass of the check as of `now` (tests pass a time in the future instead of waiting). Passes
   * of this instance run one after the other; other instances are kept apart by the conditional
   * updates.
   */
  runCheck(now = Date.now()): Promise<SlaCheckResult> {
    const run = this.previousRun.then(
      () => this.check(now),
      () => this.check(now),
    );
    this.previousRun = run.catch(() => undefined);
    return run;
  }

  private async check(now: number): Promise<SlaCheckResult> {
    const escalated = await this.inBatches(
      () => this.repo.overdueUnanswered(now, BATCH),
      (conversation) => this.escalate(conversation, now),
    );
    const brokenPromises = await this.inBatches(
      () => this.repo.brokenUnnotified(now, BATCH),
      (promise) => this.reportBroken(promise, now),
    );
    if (escalated || brokenPromises)
      this.logger.log(`SLA check: ${escalated} escalated, ${brokenPromises} broken promises reported`);
    return { escalated, brokenPromises };
  }

  /**
   * Handles candidates batch by batch until none are left. A candidate that fails stays a candidate;
   * a batch in which nothing succeeds ends the run, so a persistent failure cannot loop forever.
   */
  private async inBatches<T>(
    next: () => Promise<T[]>,
    handle: (item: T) => Promise<boolean>,
  ): Promise<number> {
    let total = 0;
    while (total < MAX_PER_RUN) {
      const batch = await next();
      let done = 0;
      for (const item of batch) {
        try {
          if (await handle(item)) done++;
        } catch (error) {
          this.logger.error(`SLA check step failed: ${String(error)}`);
        }
      }
      total += done;
      if (batch.length < BATCH || done === 0) break;
    }
    return total;
  }

  private async escalate(c: OverdueConversation, now: number): Promise<boolean> {
    const notification = await this.repo.transaction(async (manager) => {
      if (!(await this.repo.claimEscalation(manager, c.id, now))) return undefined;
      const data = {
        reason: 'first_response_overdue',
        firstResponseDueAt: c.firstResponseDueAt,
        notifiedUserId: c.leadUserId,
      };
      await this.repo.insertEvent(manager, newEvent(c.id, 'escalation', data, null, now));
      if (!c.leadUserId) return null;
      const message =
        `Overdue: ${c.reference} has no answer yet (due ${utc(c.firstResponseDueAt)})\n` +
        `${c.subject ? `"${c.subject}" ` : ''}is waiting in ${c.departmentName ?? 'no department'}; its priority is now urgent.`;
      return this.notifications.create(
        { userId: c.leadUserId, type: 'escalation', conversationId: c.id, message },
        now,
        manager,
      );
    });
    if (notification === undefined) return false;
    this.actions.inc({ kind: 'escalation' });
    await this.afterCommit(c.id, notification);
    return true;
  }

  private async reportBroken(p: DuePromise, now: number): Promise<boolean> {
    const recipient = p.assigneeId ?? p.createdById ?? p.leadUserId;
    const notification = await this.repo.transaction(async (manager) => {
      if (!(await this.repo.claimBrokenPromise(manager, p.id, now))) return undefined;
      const data = { promiseId: p.id, state: 'broken', dueAt: p.dueAt, notifiedUserId: recipient };
      await this.repo.insertEvent(manager, newEvent(p.conversationId, 'promise', data, null, now));
      if (!recipient) return null;
      const message =
        `Promise broken: ${p.reference}\n` +
        `"${p.description}" was due ${utc(p.dueAt)} and has not been marked kept.`;
      return this.notifications.create(
        { userId: recipient, type: 'promise_broken', conversationId: p.conversationId, message },
        now,
        manager,
      );
    });
    if (notification === undefined) return false;
    this.actions.inc({ kind: 'promise_broken' });
    await this.afterCommit(p.conversationId, notification);
    return true;
  }

  /** Email (when configured) and the live inbox hear about a change only once it is committed. */
  private async afterCommit(conversationId: string, notification: NotificationEntity | null): Promise<void> {
    if (notification) await this.notifications.announce([notification]);
    await this.conversations.announce(await this.conversations.get(conversationId));
  }
}
