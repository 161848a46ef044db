import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../../../common/config/app-config.js';
import { JOB_QUEUE, type JobQueue } from '../../../common/queue/job-queue.js';
import { EmailTransportService } from '../email/email-transport.service.js';
import { acknowledgementMail } from './acknowledgement-mail.js';
import { type CustomerLanguage, customerLanguageOf, DEFAULT_CUSTOMER_LANGUAGE } from './customer-texts.js';
import type { FormReplyChannel } from './dto/form-submission.dto.js';
import { StatusPageRepository } from './status-page.repository.js';
import { statusPageUrl } from './webform-remark.js';

export const ACKNOWLEDGE_JOB = 'webform.acknowledge';

interface AcknowledgeJob {
  conversationId: string;
  replyChannel: FormReplyChannel;
  /** The browser's language, for a message written in neither German nor English. */
  browserLanguage?: CustomerLanguage;
}

/** Acknowledges form posts by email in the background, when outgoing mail is configured. */
@Injectable()
export class AcknowledgementService implements OnModuleInit {
  private readonly logger = new Logger(AcknowledgementService.name);

  constructor(
    private readonly config: AppConfig,
    private readonly repo: StatusPageRepository,
    private readonly transports: EmailTransportService,
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
  ) {}

  onModuleInit(): void {
    this.queue.register<AcknowledgeJob>(ACKNOWLEDGE_JOB, (job) => this.send(job));
  }

  /** One acknowledgement per conversation, however often this is called (deterministic job id). */
  enqueue(
    conversationId: string,
    replyChannel: FormReplyChannel,
    browserLanguage: CustomerLanguage,
  ): Promise<void> {
    return this.queue.enqueue<AcknowledgeJob>(
      ACKNOWLEDGE_JOB,
      { conversationId, replyChannel, browserLanguage },
      { jobId: conversationId, attempts: 3, backoffMs: 5_000 },
    );
  }

  private async send(job: AcknowledgeJob): Promise<void> {
    const conversation = await this.repo.findById(job.conversationId);
    const contact = conversation ? await this.repo.findContact(conversation.contactId) : null;
    if (!conversation?.statusToken || !contact?.email) return;
    const route = await this.transports.routeFor(conversation.connectorId);
    if (!route) {
      this.logger.debug(
        `No outgoing mail configured; ${conversation.reference} is not acknowledged by email`,
      );
      return;
    }
    const mail = acknowledgementMail({
      name: contact.name,
      reference: conversation.reference,
      statusUrl: statusPageUrl(this.config.publicUrl, conversation.statusToken),
      dueAt: conversation.firstResponseDueAt,
      replyChannel: job.replyChannel,
      lang: customerLanguageOf(conversation.language, job.browserLanguage ?? DEFAULT_CUSTOMER_LANGUAGE),
    });
    // Marked as automatic so the customer's mail server sends no out-of-office back to us.
    await this.transports.send(route, {
      to: contact.email,
      ...mail,
      headers: { 'Auto-Submitted': 'auto-replied' },
    });
  }
}
