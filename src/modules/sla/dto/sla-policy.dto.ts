import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Max, Min, ValidateIf } from 'class-validator';
import { TrimmedText } from '../../../common/http/trimmed.js';
import { type Channel, CHANNELS, PRIORITIES, type Priority } from '../../../../config/defaults.js';
import { Optional } from '../../../common/http/optional.js';

/** A year: longer targets are typos, and keep the due-time arithmetic far from overflow. */
const MAX_SECONDS = 366 * 86_400;

export class CreateSlaPolicyDto {
  @ApiPropertyOptional({
    example: 'Email, urgent',
    description: 'Default: named after its channel and priority',
  })
  @Optional()
  @TrimmedText(200)
  name?: string;

  @ApiPropertyOptional({ enum: CHANNELS, nullable: true, description: 'Unset = every channel' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsIn(CHANNELS)
  channel?: Channel | null;

  @ApiPropertyOptional({ enum: PRIORITIES, nullable: true, description: 'Unset = every priority' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsIn(PRIORITIES)
  priority?: Priority | null;

  @ApiProperty({ example: 3600, minimum: 1, maximum: MAX_SECONDS })
  @IsInt()
  @Min(1)
  @Max(MAX_SECONDS)
  firstResponseSeconds: number;

  @ApiPropertyOptional({ example: 86400, minimum: 1, maximum: MAX_SECONDS, nullable: true })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsInt()
  @Min(1)
  @Max(MAX_SECONDS)
  resolutionSeconds?: number | null;
}

export class UpdateSlaPolicyDto {
  @ApiPropertyOptional()
  @Optional()
  @TrimmedText(200)
  name?: string;

  @ApiPropertyOptional({ enum: CHANNELS, nullable: true })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsIn(CHANNELS)
  channel?: Channel | null;

  @ApiPropertyOptional({ enum: PRIORITIES, nullable: true })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsIn(PRIORITIES)
  priority?: Priority | null;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_SECONDS })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(MAX_SECONDS)
  firstResponseSeconds?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_SECONDS, nullable: true })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsInt()
  @Min(1)
  @Max(MAX_SECONDS)
  resolutionSeconds?: number | null;
}

export interface SlaPolicyDto {
  id: string;
  name: string;
  channel: Channel | null;
  priority: Priority | null;
  firstResponseSeconds: number;
  resolutionSeconds: number | null;
  createdAt: string;
  updatedAt: string;
}
