import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';

const toBool = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;
const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;

export class ListNotificationsQuery {
  @ApiPropertyOptional({ description: 'Only the unread ones' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  unread?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class UpdateNotificationDto {
  @ApiProperty({ description: 'true marks it read, false unread again' })
  @IsBoolean()
  read: boolean;
}

export interface NotificationDto {
  id: string;
  /** "escalation" (a conversation overdue), "promise_broken" (a promise past its due time). */
  type: string;
  conversationId: string | null;
  message: string;
  read: boolean;
  readAt: string | null;
  emailedAt: string | null;
  createdAt: string;
}
