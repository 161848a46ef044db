import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { FindOptionsWhere, Repository } from 'typeorm';
import { iso } from '../../common/http/id-param.js';
import { AuditEntryEntity } from './audit-entry.entity.js';
import type { AuditEntryDto, AuditLogQueryDto } from './dto/audit-log.dto.js';

/** Reading the audit log (admins): newest first, by entity if asked. */
@Injectable()
export class AuditLogService {
  constructor(@InjectRepository(AuditEntryEntity) private readonly entries: Repository<AuditEntryEntity>) {}

  async list(query: AuditLogQueryDto): Promise<AuditEntryDto[]> {
    const where: FindOptionsWhere<AuditEntryEntity> = {};
    if (query.entityType) where.entityType = query.entityType;
    if (query.entityId) where.entityId = query.entityId;
    const rows = await this.entries.find({
      where,
      order: { createdAt: 'DESC', id: 'DESC' },
      take: query.limit ?? 50,
    });
    return rows.map((e) => ({ ...e, createdAt: iso(e.createdAt)! }));
  }
}
