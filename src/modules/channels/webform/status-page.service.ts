import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AppConfig } from '../../../common/config/app-config.js';
import { notFound } from '../../../common/errors/app-error.js';
import { iso } from '../../../common/http/id-param.js';
import type { ConversationEntity } from '../../conversations/conversation.entity.js';
import type { MessageEntity } from '../../conversations/message.entity.js';
import { IngestionService } from '../../ingestion/ingestion.service.js';
import { statusPage } from './customer-pages.js';
import type { CustomerLanguage } from './customer-texts.js';
import type { FollowUpDto, StatusMessageDto, StatusViewDto } from './dto/status-page.dto.js';
import { StatusPageRepository } from './status-page.repository.js';
import { STATUS_TOKEN_PATTERN, statusPageUrl } from './webform-remark.js';

export function toStatusViewDto(conversation: ConversationEntity, messages: MessageEntity[]): StatusViewDto {
  return {
    reference: conversation.reference,
    status: conversation.status,
    subject: conversation.subject,
    messages: messages
      .filter(
        (m): m is MessageEntity & { direction: StatusMessageDto['direction'] } => m.direction !== 'note',
      )
      .map((m) => ({ direction: m.direction, body: m.body, createdAt: iso(m.createdAt)! })),
  };
}

/** The customer's view of their conversation, reached only through its secret token. */
@Injectable()
export class StatusPageService {
  constructor(
    private readonly config: AppConfig,
    private readonly repo: StatusPageRepository,
    private readonly ingestion: IngestionService,
  ) {}

  async view(token: string): Promise<StatusViewDto> {
    const conversation = await this.find(token);
    return toStatusViewDto(conversation, await this.repo.customerVisibleMessages(conversation.id));
  }

  async page(token: string, lang: CustomerLanguage): Promise<string> {
    // Relative to /status/<token>, so the page also works behind a path prefix.
    return statusPage(await this.view(token), `../api/public/status/${token}/messages`, lang);
  }

  pageUrl(token: string): string {
    return statusPageUrl(this.config.publicUrl, token);
  }

  /** The customer writes again: through the pipeline into the same conversation (which reopens it). */
  async followUp(token: string, input: FollowUpDto): Promise<StatusViewDto> {
    const conversation = await this.find(token);
    const contact = await this.repo.findContact(conversation.contactId);
    const result = await this.ingestion.ingest([
      {
        channel: conversation.channel,
        connectorId: conversation.connectorId,
        externalId: randomUUID(),
        text: input.message,
        author: { name: contact?.name ?? null, email: contact?.email ?? null },
        thread: { conversationId: conversation.id },
        meta: { via: 'status_page' },
      },
    ]);
    const outcome = result.outcomes[0];
    if (outcome?.status !== 'ingested' || outcome.conversationId !== conversation.id)
      throw new Error(`Status page follow-up was not threaded: ${JSON.stringify(outcome ?? result)}`);
    return this.view(token);
  }

  private async find(token: string): Promise<ConversationEntity> {
    const conversation = STATUS_TOKEN_PATTERN.test(token) ? await this.repo.findByStatusToken(token) : null;
    if (!conversation) throw notFound('Status page');
    return conversation;
  }
}
