import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import { type AuditInput, writeAudit } from '../audit/audit-log.js';
import { DepartmentEntity, DepartmentMemberEntity } from '../departments/department.entity.js';
import { UserEntity } from './user.entity.js';

@Injectable()
export class UsersRepository {
  constructor(
    @InjectRepository(UserEntity) private readonly repo: Repository<UserEntity>,
    private readonly dataSource: DataSource,
  ) {}

  findById(id: string): Promise<UserEntity | null> {
    return this.repo.findOneBy({ id });
  }

  countActiveAdmins(): Promise<number> {
    return this.repo.countBy({ role: 'admin', active: true });
  }

  async endSessions(userId: string, now: number): Promise<void> {
    await this.repo.update({ id: userId }, { sessionsValidAfter: now });
  }

  findByIds(ids: string[]): Promise<UserEntity[]> {
    return ids.length ? this.repo.findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.repo.findOneBy({ email: email.toLowerCase() });
  }

  list(): Promise<UserEntity[]> {
    return this.repo.find({ order: { name: 'ASC' } });
  }

  count(): Promise<number> {
    return this.repo.count();
  }

  /** Department ids per user, for the listed users. */
  async departmentIdsByUser(userIds: string[]): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>(userIds.map((id) => [id, []]));
    if (!userIds.length) return result;
    const rows = await this.dataSource.getRepository(DepartmentMemberEntity).findBy({ userId: In(userIds) });
    for (const row of rows) result.get(row.userId)?.push(row.departmentId);
    return result;
  }

  async existingDepartmentIds(ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    const rows = await this.dataSource.getRepository(DepartmentEntity).findBy({ id: In(ids) });
    return rows.map((row) => row.id);
  }

  /**
   * Saves the user and, when given, replaces their department memberships and writes the audit
   * entry, in one transaction.
   */
  async save(user: UserEntity, departmentIds?: string[], audit?: AuditInput): Promise<UserEntity> {
    return this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(UserEntity, user);
      if (audit) await writeAudit(manager, audit);
      if (departmentIds) {
        await manager.delete(DepartmentMemberEntity, { userId: user.id });
        if (departmentIds.length) {
          await manager.insert(
            DepartmentMemberEntity,
            [...new Set(departmentIds)].map((departmentId) => ({ departmentId, userId: user.id })),
          );
        }
      }
      return saved;
    });
  }
}
