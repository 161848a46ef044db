import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsISO8601,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { CHANNELS, type Channel } from '../../../../config/defaults.js';

export const MAX_REMARKS_PER_CALL = 1000;

/** One remark to import; checked item by item, so one bad item fails alone. */
export class ImportRemarkDto {
  @ApiProperty({ description: 'Unique per connector (or per "api" import scope)', example: 'crm-4711' })
  @IsString()
  @MinLength(1)
  @MaxLength(998)
  externalId: string;

  @ApiProperty({ example: 'Meine Bestellung ist seit zwei Wochen nicht angekommen.' })
  @IsString()
  text: string;

  @ApiPropertyOptional({ enum: CHANNELS, default: 'api' })
  @IsOptional()
  @IsIn(CHANNELS)
  channel?: Channel;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  connectorId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  subject?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  authorName?: string;

  @ApiPropertyOptional({ description: 'Invalid addresses are dropped and the conversation flagged' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  authorEmail?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 100 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  rating?: number;

  @ApiPropertyOptional({ description: 'ISO-8601; a time in the future is clamped to now and flagged' })
  @IsOptional()
  // strict: 2026-02-30 is refused instead of read as 2 March.
  @IsISO8601({ strict: true })
  createdAt?: string;

  @ApiPropertyOptional({ description: 'HTML version of the text; sanitised before it is stored' })
  @IsOptional()
  @IsString()
  html?: string;

  @ApiPropertyOptional({ description: 'Where the remark can be seen (http/https)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  url?: string;
}

export class ImportRemarksDto {
  @ApiProperty({ type: [ImportRemarkDto], maxItems: MAX_REMARKS_PER_CALL })
  @IsArray()
  @ArrayMaxSize(MAX_REMARKS_PER_CALL, { message: `remarks must contain at most 1,000 items per call` })
  remarks: unknown[];
}

export interface ImportResultDto {
  ingested: number;
  duplicates: number;
  failed: { index: number; message: string }[];
  /** Per remark, in order: what happened and which conversation it is in. */
  outcomes: object[];
}
