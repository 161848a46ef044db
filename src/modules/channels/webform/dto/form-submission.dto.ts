import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsByteLength,
  IsDefined,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { Trimmed, trim } from '../../../../common/http/trimmed.js';
import { VALIDATION_MESSAGES } from '../customer-texts.js';

export const FORM_REPLY_CHANNELS = ['email', 'status_page'] as const;
export type FormReplyChannel = (typeof FORM_REPLY_CHANNELS)[number];

/** The largest message in UTF-8 bytes (64 KB). */
export const MESSAGE_MAX_BYTES = 64 * 1024;

/** A classic form post sends every field, empty ones as "": those count as not given. */
const trimToUndefined = ({ value }: { value: unknown }) => {
  const trimmed = trim({ value });
  return trimmed === '' ? undefined : trimmed;
};

/** A customer's text (form post, status-page follow-up): required, not blank, at most 64 KB. */
export const CustomerMessage = () =>
  applyDecorators(
    ApiProperty({ description: 'Required; at most 64 KB', example: 'My parcel has not arrived.' }),
    Trimmed(),
    IsDefined({ message: VALIDATION_MESSAGES.messageRequired.en }),
    IsString(),
    IsNotEmpty({ message: VALIDATION_MESSAGES.messageEmpty.en }),
    IsByteLength(0, MESSAGE_MAX_BYTES, { message: VALIDATION_MESSAGES.messageTooLong.en }),
  );

/** A customer's post to a web form (JSON or application/x-www-form-urlencoded). */
export class FormSubmissionDto {
  @CustomerMessage()
  message: string;

  @ApiPropertyOptional({ example: 'Erika Mustermann' })
  @Transform(trimToUndefined)
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ description: 'Required when replyChannel is "email"' })
  @Transform(trimToUndefined)
  @ValidateIf((o: FormSubmissionDto) => o.email !== undefined || o.replyChannel === 'email')
  @IsDefined({ message: VALIDATION_MESSAGES.emailRequired.en })
  @IsEmail({}, { message: VALIDATION_MESSAGES.emailInvalid.en })
  @MaxLength(320)
  email?: string;

  @ApiPropertyOptional()
  @Transform(trimToUndefined)
  @IsOptional()
  @IsString()
  @MaxLength(500)
  subject?: string;

  @ApiPropertyOptional({
    enum: FORM_REPLY_CHANNELS,
    description: 'Default: "email" when an email is given, else "status_page"',
  })
  @Transform(trimToUndefined)
  @IsOptional()
  @IsIn(FORM_REPLY_CHANNELS)
  replyChannel?: FormReplyChannel;

  @ApiPropertyOptional({ description: 'Honeypot: leave empty (bots fill it in)' })
  @Transform(trimToUndefined)
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  website?: string;
}

export interface FormAcceptedDto {
  /** The conversation's reference, e.g. "R-1042". */
  reference: string;
  /** The customer's status page (`…/status/<token>`). */
  statusUrl: string;
}
