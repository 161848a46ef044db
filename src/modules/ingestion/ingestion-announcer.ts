import { Injectable } from '@nestjs/common';
import { ContactsService } from '../contacts/contacts.service.js';
import { toConversationSummaryDto, toMessageDto } from '../conversations/conversation.mapper.js';
import type { ConversationSummaryDto } from '../conversations/dto/conversation-response.dto.js';
import type { MessageEntity } from '../conversations/message.entity.js';
import { EventsService } from '../events/events.service.js';
import type { BatchChanges } from './batch-plan.js';

/** Live inbox events for a committed batch, built only when somebody listens. */
@Injectable()
export class IngestionAnnouncer {
  constructor(
    private readonly contacts: ContactsService,
    private readonly events: EventsService,
  ) {}

  async announce(changes: BatchChanges): Promise<void> {
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
