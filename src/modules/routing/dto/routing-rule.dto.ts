import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { TrimmedText } from '../../../common/http/trimmed.js';
import { CHANNELS, PRIORITIES, SENTIMENTS, TOPICS, type Priority } from '../../../../config/defaults.js';
import { Optional } from '../../../common/http/optional.js';

export class RoutingConditionsDto {
  @ApiPropertyOptional({ enum: CHANNELS })
  @Optional()
  @IsIn(CHANNELS)
  channel?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsUUID()
  connectorId?: string;

  @ApiPropertyOptional({ enum: TOPICS })
  @Optional()
  @IsIn(TOPICS)
  topic?: string;

  @ApiPropertyOptional({ enum: SENTIMENTS })
  @Optional()
  @IsIn(SENTIMENTS)
  sentiment?: string;

  @ApiPropertyOptional({ example: 'de' })
  @Optional()
  @IsString()
  @MinLength(2)
  @MaxLength(8)
  language?: string;

  @ApiPropertyOptional({ type: [String], description: 'Matches when any keyword appears (case-insensitive)' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(200, { each: true })
  keywords?: string[];

  @ApiPropertyOptional({ description: 'Matches ratings at or below this' })
  @Optional()
  @IsNumber()
  @Min(0)
  @Max(100)
  maxRating?: number;
}

export class RoutingActionsDto {
  @ApiPropertyOptional()
  @Optional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ enum: PRIORITIES })
  @Optional()
  @IsIn(PRIORITIES)
  priority?: Priority;

  @ApiPropertyOptional()
  @Optional()
  @IsUUID()
  assigneeId?: string;
}

export class CreateRoutingRuleDto {
  @ApiProperty({ example: 'Lawyers to Customer Service leads' })
  @TrimmedText(200)
  name: string;

  @ApiPropertyOptional({ description: 'Rules are tried by ascending position; default: after the last' })
  @Optional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  position?: number;

  @ApiPropertyOptional({ default: true })
  @Optional()
  @IsBoolean()
  enabled?: boolean;

  @ApiProperty({ type: RoutingConditionsDto })
  @IsObject()
  @ValidateNested()
  @Type(() => RoutingConditionsDto)
  conditions: RoutingConditionsDto;

  @ApiProperty({ type: RoutingActionsDto })
  @IsObject()
  @ValidateNested()
  @Type(() => RoutingActionsDto)
  actions: RoutingActionsDto;
}

export class UpdateRoutingRuleDto {
  @ApiPropertyOptional()
  @Optional()
  @TrimmedText(200)
  name?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  position?: number;

  @ApiPropertyOptional()
  @Optional()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({ type: RoutingConditionsDto })
  @Optional()
  @IsObject()
  @ValidateNested()
  @Type(() => RoutingConditionsDto)
  conditions?: RoutingConditionsDto;

  @ApiPropertyOptional({ type: RoutingActionsDto })
  @Optional()
  @IsObject()
  @ValidateNested()
  @Type(() => RoutingActionsDto)
  actions?: RoutingActionsDto;
}

export interface RoutingRuleDto {
  id: string;
  name: string;
  position: number;
  enabled: boolean;
  conditions: RoutingConditionsDto;
  actions: RoutingActionsDto;
  createdAt: string;
  updatedAt: string;
}
