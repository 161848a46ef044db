import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import { type AuditInput, writeAudit } from '../audit/audit-log.js';
import { ConversationEntity } from '../conversations/conversation.entity.js';
import { DepartmentEntity, DepartmentMemberEntity } from './department.entity.js';

@Injectable()
export class DepartmentsRepository {
  constructor(
    @InjectRepository(DepartmentEntity) private readonly repo: Repository<DepartmentEntity>,
    @InjectRepository(DepartmentMemberEntity) private readonly members: Repository<DepartmentMemberEntity>,
    private readonly dataSource: DataSource,
  ) {}

  findById(id: string): Promise<DepartmentEntity | null> {
    return this.repo.findOneBy({ id });
  }

  /** Names are unique regardless of case: "logistics" next to "Logistics" would split routing. */
  findByName(name: string): Promise<DepartmentEntity | null> {
    return this.repo.createQueryBuilder('d').where('LOWER(d.name) = LOWER(:name)', { name }).getOne();
  }

  /** Conversations that name this department as theirs (open or long resolved). */
  conversationCount(id: string): Promise<number> {
    return this.dataSource.getRepository(ConversationEntity).countBy({ departmentId: id });
  }

  list(): Promise<DepartmentEntity[]> {
    return this.repo.find({ order: { name: 'ASC' } });
  }

  count(): Promise<number> {
    return this.repo.count();
  }

  async memberIdsByDepartment(departmentIds: string[]): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>(departmentIds.map((id) => [id, []]));
    if (!departmentIds.length) return result;
    const rows = await this.members.find({
      where: { departmentId: In(departmentIds) },
      order: { userId: 'ASC' },
    });
    for (const row of rows) result.get(row.departmentId)?.push(row.userId);
    return result;
  }

  /** Saves the department and, when given, replaces its members and writes the audit entry, in one transaction. */
  save(department: DepartmentEntity, memberIds?: string[], audit?: AuditInput): Promise<DepartmentEntity> {
    return this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(DepartmentEntity, department);
      if (audit) await writeAudit(manager, audit);
      if (memberIds) {
        await manager.delete(DepartmentMemberEntity, { departmentId: department.id });
        if (memberIds.length) {
          await manager.insert(
            DepartmentMemberEntity,
            [...new Set(memberIds)].map((userId) => ({ departmentId: department.id, userId })),
          );
        }
      }
      return saved;
    });
  }

  delete(id: string, audit: AuditInput): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const result = await manager.delete(DepartmentEntity, { id });
      await writeAudit(manager, audit);
      return (result.affected ?? 0) > 0;
    });
  }
}
