import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsOptional,
  IsUUID,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { TrimmedText } from '../../../common/http/trimmed.js';
import { Optional } from '../../../common/http/optional.js';

export class CreateDepartmentDto {
  @ApiProperty({ example: 'Logistics' })
  @TrimmedText(120)
  name: string;

  @ApiPropertyOptional({ example: 'logistics@example.com' })
  @Optional()
  @IsEmail()
  @MaxLength(320)
  email?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsUUID()
  leadUserId?: string;

  @ApiPropertyOptional({ type: [String] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  memberIds?: string[];

  @ApiPropertyOptional({ description: 'Assign new conversations to members in turn' })
  @Optional()
  @IsBoolean()
  autoAssign?: boolean;
}

export class UpdateDepartmentDto {
  @ApiPropertyOptional()
  @Optional()
  @TrimmedText(120)
  name?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsEmail()
  @MaxLength(320)
  email?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsUUID()
  leadUserId?: string | null;

  @ApiPropertyOptional({ type: [String] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  memberIds?: string[];

  @ApiPropertyOptional()
  @Optional()
  @IsBoolean()
  autoAssign?: boolean;
}

export interface DepartmentDto {
  id: string;
  name: string;
  email: string | null;
  leadUserId: string | null;
  memberIds: string[];
  autoAssign: boolean;
  createdAt: string;
}
