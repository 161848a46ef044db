import { ApiProperty } from '@nestjs/swagger';
import type {
  ConversationEventDto,
  ConversationSummaryDto,
  MessageDto,
  PromiseDto,
} from '../../conversations/dto/conversation-response.dto.js';

export class ContactDto {
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true, type: String }) name: string | null;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ nullable: true, type: String }) channelIdentity: string | null;
  @ApiProperty() createdAt: string;
}

export interface ExportedConversation extends ConversationSummaryDto {
  messages: MessageDto[];
  promises: PromiseDto[];
  events: ConversationEventDto[];
}

export class ContactExportDto {
  @ApiProperty() exportedAt: string;
  @ApiProperty({ type: ContactDto }) contact: ContactDto;
  @ApiProperty({ description: 'Every conversation with its messages, promises and history' })
  conversations: ExportedConversation[];
  @ApiProperty({ description: "Agents' corrections of topic or sentiment made on these conversations" })
  trainingExamples: { text: string; topic: string | null; sentiment: string | null; createdAt: string }[];
}

/** What an erasure touched, by kind of record. */
export class ContactErasureDto {
  @ApiProperty() contactId: string;
  @ApiProperty() conversations: number;
  @ApiProperty() messages: number;
  @ApiProperty({ description: 'Stored files deleted' }) attachments: number;
  @ApiProperty() promises: number;
  @ApiProperty() events: number;
  @ApiProperty() notifications: number;
  @ApiProperty() trainingExamples: number;
}
