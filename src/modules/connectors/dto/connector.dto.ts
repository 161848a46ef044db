import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsObject, IsString } from 'class-validator';
import { TrimmedText } from '../../../common/http/trimmed.js';
import { CONNECTOR_KINDS, type ConnectorKind, type ConnectorState } from '../connector.entity.js';
import { Optional } from '../../../common/http/optional.js';

export class CreateConnectorDto {
  /** Checked against the registered channel adapters (unknown kind → 400 naming the known ones). */
  @ApiProperty({ enum: CONNECTOR_KINDS })
  @IsString()
  kind: string;

  @ApiProperty({ example: 'App Store reviews' })
  @TrimmedText(200)
  name: string;

  @ApiPropertyOptional({ default: true })
  @Optional()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({
    description: 'Kind-specific settings (see API.md); validated by the kind’s adapter',
    type: 'object',
    additionalProperties: true,
  })
  @Optional()
  @IsObject()
  settings?: Record<string, unknown>;
}

export class UpdateConnectorDto {
  @ApiPropertyOptional()
  @Optional()
  @TrimmedText(200)
  name?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({
    description:
      'Merged into the stored settings (JSON Merge Patch: null removes a key). A secret sent as "********" or left out keeps the stored one.',
    type: 'object',
    additionalProperties: true,
  })
  @Optional()
  @IsObject()
  settings?: Record<string, unknown>;
}

export interface ConnectorStatusDto {
  state: ConnectorState;
  lastSyncAt: string | null;
  lastError: string | null;
  ingestedTotal: number;
  nextSyncAt: string | null;
}

export interface ConnectorDto {
  id: string;
  kind: ConnectorKind;
  name: string;
  enabled: boolean;
  settings: Record<string, unknown>;
  status: ConnectorStatusDto;
  createdAt: string;
  updatedAt: string;
  /** Extra fields of the kind (a web form's publicKey and snippet). */
  [extra: string]: unknown;
}

export interface ConnectorTestResultDto {
  ok: boolean;
  detail: string;
}

export interface ConnectorSyncResultDto {
  fetched: number;
  ingested: number;
  duplicates: number;
  failed: number;
  /** Set when the pull failed; the connector's status says the same. */
  error?: string;
}
