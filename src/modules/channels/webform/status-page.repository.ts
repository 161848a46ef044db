import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Not, Repository } from 'typeorm';
import { ContactEntity } from '../../contacts/contact.entity.js';
import { ConversationEntity } from '../../conversations/conversation.entity.js';
import { MessageEntity } from '../../conversations/message.entity.js';

/** The queries behind the customer's status page: found by its secret token, never by id. */
@Injectable()
export class StatusPageRepository {
  constructor(
    @InjectRepository(ConversationEntity) private readonly conversations: Repository<ConversationEntity>,
    @InjectRepository(MessageEntity) private readonly messages: Repository<MessageEntity>,
    @InjectRepository(ContactEntity) private readonly contacts: Repository<ContactEntity>,
  ) {}

  findByStatusToken(token: string): Promise<ConversationEntity | null> {
    return this.conversations.findOneBy({ statusToken: token });
  }

  findById(id: string): Promise<ConversationEntity | null> {
    return this.conversations.findOneBy({ id });
  }

  findContact(id: string): Promise<ContactEntity | null> {
    return this.contacts.findOneBy({ id });
  }

  /**
   * What the customer may see, oldest first: their own messages and our replies that did not fail.
   * Notes are internal and never leave the inbox.
   */
  customerVisibleMessages(conversationId: string): Promise<MessageEntity[]> {
    return this.messages.find({
      where: [
        { conversationId, direction: 'inbound' },
        { conversationId, direction: 'outbound', deliveryStatus: Not('failed') },
        { conversationId, direction: 'outbound', deliveryStatus: IsNull() },
      ],
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }
}
