import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsISO8601,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { Trimmed, TrimmedText } from '../../../common/http/trimmed.js';
import {
  PRIORITIES,
  SENTIMENTS,
  TOPICS,
  type Priority,
  type SentimentLabel,
} from '../../../../config/defaults.js';
import { CONVERSATION_STATUSES, type ConversationStatus } from '../conversation.entity.js';
import { Optional } from '../../../common/http/optional.js';

/** Files one reply or note may carry (a mail with more is better split). */
export const MAX_FILES_PER_MESSAGE = 10;

export class UpdateConversationDto {
  @ApiPropertyOptional({ enum: CONVERSATION_STATUSES })
  @Optional()
  @IsIn(CONVERSATION_STATUSES)
  status?: ConversationStatus;

  @ApiPropertyOptional({ enum: PRIORITIES })
  @Optional()
  @IsIn(PRIORITIES)
  priority?: Priority;

  @ApiPropertyOptional({ nullable: true, description: 'null unassigns' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsUUID()
  assigneeId?: string | null;

  @ApiPropertyOptional({ description: 'A transfer: needs `reason`' })
  @Optional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ description: 'Why: required for transfers and for resolving without a reply' })
  @Optional()
  @Trimmed()
  @IsString()
  @MaxLength(2000)
  reason?: string;

  @ApiPropertyOptional({ enum: TOPICS, description: 'A correction the classifier learns from' })
  @Optional()
  @IsIn(TOPICS)
  topic?: string;

  @ApiPropertyOptional({ enum: SENTIMENTS, description: 'A correction the classifier learns from' })
  @Optional()
  @IsIn(SENTIMENTS)
  sentiment?: SentimentLabel;
}

export class MessageBodyDto {
  @ApiProperty({ example: 'Vielen Dank für Ihre Nachricht …' })
  @TrimmedText(50_000)
  body: string;

  @ApiPropertyOptional({
    type: [String],
    description: 'Files uploaded with POST /api/attachments (replies: email conversations only)',
  })
  @Optional()
  @IsArray()
  @ArrayMaxSize(MAX_FILES_PER_MESSAGE)
  @IsUUID('all', { each: true })
  attachmentIds?: string[];
}

export class CreatePromiseDto {
  @ApiProperty({ example: 'Rückruf am Freitag' })
  @TrimmedText(2000)
  description: string;

  @ApiProperty({ example: '2030-01-31T10:00:00Z' })
  // strict: 2026-02-30 is refused instead of read as 2 March.
  @IsISO8601({ strict: true })
  dueAt: string;
}

export class UpdatePromiseDto {
  @ApiProperty({ description: 'true: kept now; false: open again' })
  @IsBoolean()
  kept: boolean;
}
