import { Injectable } from '@nestjs/common';
import { iso } from '../../common/http/id-param.js';
import { notFound } from '../../common/errors/app-error.js';
import {
  toConversationEventDto,
  toConversationSummaryDto,
  toMessageDto,
  toPromiseDto,
} from '../conversations/conversation.mapper.js';
import { ContactDataRepository, type ContactData } from './contact-data.repository.js';
import type { ContactErasureDto, ContactExportDto } from './dto/contact-data.dto.js';

/** A person's right of access and right to erasure (GDPR Art. 15 and 17), both audited. */
@Injectable()
export class ContactDataService {
  constructor(private readonly data: ContactDataRepository) {}

  async export(contactId: string, actorUserId: string): Promise<ContactExportDto> {
    const data = await this.data.load(contactId);
    if (!data) throw notFound('Contact');
    await this.data.audit(contactId, actorUserId, 'contact.exported', {
      conversations: data.conversations.length,
      messages: data.messages.length,
    });
    return toExport(data);
  }

  async erase(contactId: string, actorUserId: string): Promise<ContactErasureDto> {
    const result = await this.data.erase(contactId, actorUserId);
    if (!result) throw notFound('Contact');
    return result;
  }
}

function groupByConversation<T extends { conversationId: string }>(rows: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.conversationId);
    if (group) group.push(row);
    else groups.set(row.conversationId, [row]);
  }
  return groups;
}

function toExport(data: ContactData): ContactExportDto {
  const { contact } = data;
  const messages = groupByConversation(data.messages);
  const promises = groupByConversation(data.promises);
  const events = groupByConversation(data.events);
  return {
    exportedAt: iso(Date.now())!,
    contact: {
      id: contact.id,
      name: contact.name,
      email: contact.email,
      channelIdentity: contact.channelIdentity,
      createdAt: iso(contact.createdAt)!,
    },
    conversations: data.conversations.map((c) => ({
      ...toConversationSummaryDto(c, contact),
      messages: (messages.get(c.id) ?? []).map(toMessageDto),
      promises: (promises.get(c.id) ?? []).map((p) => toPromiseDto(p)),
      events: (events.get(c.id) ?? []).map(toConversationEventDto),
    })),
    trainingExamples: data.trainingExamples.map((e) => ({
      text: e.text,
      topic: e.topic,
      sentiment: e.sentiment,
      createdAt: iso(e.createdAt)!,
    })),
  };
}
