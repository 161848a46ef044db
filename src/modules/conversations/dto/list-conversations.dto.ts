import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { CHANNELS, PRIORITIES, SENTIMENTS, TOPICS } from '../../../../config/defaults.js';
import { CONVERSATION_STATUSES } from '../conversation.entity.js';
import { INBOX_SORTS, type InboxSort } from '../inbox-order.js';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 25;

/** "a,b" → ["a", "b"]: list filters accept one value or several, comma-separated. */
const list = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
    : value;
const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;

/** "none" filters for conversations without one. */
const uuidOrNone = (v: unknown) => v !== 'none';

export class ListConversationsDto {
  @ApiPropertyOptional({ description: 'One or several (comma-separated)', example: 'new,open' })
  @IsOptional()
  @Transform(list)
  @IsIn(CONVERSATION_STATUSES, { each: true })
  status?: string[];

  @ApiPropertyOptional({ description: 'One or several (comma-separated)' })
  @IsOptional()
  @Transform(list)
  @IsIn(CHANNELS, { each: true })
  channel?: string[];

  @ApiPropertyOptional({
    description: 'A department id, "none", or "mine" (the departments of the signed-in user)',
  })
  @IsOptional()
  @ValidateIf((o: ListConversationsDto) => uuidOrNone(o.departmentId) && o.departmentId !== 'mine')
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ description: 'A user id, or "none" for unassigned' })
  @IsOptional()
  @ValidateIf((o: ListConversationsDto) => uuidOrNone(o.assigneeId))
  @IsUUID()
  assigneeId?: string;

  @ApiPropertyOptional({ description: 'One or several (comma-separated)' })
  @IsOptional()
  @Transform(list)
  @IsIn(SENTIMENTS, { each: true })
  sentiment?: string[];

  @ApiPropertyOptional({ description: 'One or several (comma-separated)' })
  @IsOptional()
  @Transform(list)
  @IsIn(TOPICS, { each: true })
  topic?: string[];

  @ApiPropertyOptional({ description: 'One or several (comma-separated)' })
  @IsOptional()
  @Transform(list)
  @IsIn(PRIORITIES, { each: true })
  priority?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  contactId?: string;

  @ApiPropertyOptional({ description: 'Full-text search over subjects and messages' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  q?: string;

  @ApiPropertyOptional({
    enum: INBOX_SORTS,
    default: 'activity',
    description:
      'activity: newest activity first; due: earliest first-response deadline first (answered and ' +
      'resolved after, by activity); priority: urgent first, then as by due',
  })
  @IsOptional()
  @IsIn(INBOX_SORTS)
  sort?: InboxSort;

  @ApiPropertyOptional({ default: DEFAULT_PAGE_SIZE, maximum: MAX_PAGE_SIZE })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'cursor is not valid' })
  cursor?: string;
}
