import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { Trimmed, TrimmedText } from '../../../common/http/trimmed.js';
import { ROLES, type Role } from '../user.entity.js';
import { Optional } from '../../../common/http/optional.js';

export class CreateUserDto {
  @ApiProperty({ example: 'anna@example.com' })
  @Trimmed()
  @IsEmail()
  @MaxLength(320)
  email: string;

  @ApiProperty({ example: 'Anna Berger' })
  @TrimmedText(200)
  name: string;

  @ApiProperty({ minLength: 8 })
  @IsString()
  @MinLength(8)
  @MaxLength(200)
  password: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({ type: [String] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  departmentIds?: string[];
}

export class UpdateUserDto {
  @ApiPropertyOptional()
  @Optional()
  @Trimmed()
  @IsEmail()
  @MaxLength(320)
  email?: string;

  @ApiPropertyOptional()
  @Optional()
  @TrimmedText(200)
  name?: string;

  @ApiPropertyOptional({ minLength: 8 })
  @Optional()
  @IsString()
  @MinLength(8)
  @MaxLength(200)
  password?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @Optional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional()
  @Optional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ type: [String] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  departmentIds?: string[];
}

export interface UserDto {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  departmentIds: string[];
  createdAt: string;
}
