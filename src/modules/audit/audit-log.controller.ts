import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { MinRole } from '../../common/auth/auth.decorators.js';
import { AuditLogService } from './audit-log.service.js';
import { type AuditEntryDto, AuditLogQueryDto } from './dto/audit-log.dto.js';

@ApiTags('audit')
@ApiBearerAuth()
@MinRole('admin')
@Controller('api/audit-log')
export class AuditLogController {
  constructor(private readonly auditLog: AuditLogService) {}

  /** Who changed connectors and exported or erased a contact's data, newest first. */
  @Get()
  list(@Query() query: AuditLogQueryDto): Promise<AuditEntryDto[]> {
    return this.auditLog.list(query);
  }
}
