import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DEFAULT_DEPARTMENTS } from '../../../config/defaults.js';
import { badRequest, conflict, notFound } from '../../common/errors/app-error.js';
import { iso } from '../../common/http/id-param.js';
import { newId } from '../../database/columns.js';
import { UsersRepository } from '../users/users.repository.js';
import { DepartmentEntity } from './department.entity.js';
import { DepartmentsRepository } from './departments.repository.js';
import type { CreateDepartmentDto, DepartmentDto, UpdateDepartmentDto } from './dto/department.dto.js';

export function toDepartmentDto(department: DepartmentEntity, memberIds: string[]): DepartmentDto {
  return {
    id: department.id,
    name: department.name,
    email: department.email,
    leadUserId: department.leadUserId,
    memberIds,
    autoAssign: department.autoAssign,
    createdAt: iso(department.createdAt)!,
  };
}

const departmentAudit = (action: string, department: DepartmentEntity, actorUserId: string | null) => ({
  actorUserId,
  action,
  entityType: 'department',
  entityId: department.id,
});

@Injectable()
export class DepartmentsService implements OnApplicationBootstrap {
  constructor(
    private readonly departments: DepartmentsRepository,
    private readonly users: UsersRepository,
  ) {}

  /** An empty database gets the six default departments. */
  async onApplicationBootstrap(): Promise<void> {
    if ((await this.departments.count()) > 0) return;
    for (const name of DEFAULT_DEPARTMENTS) await this.create({ name });
  }

  async list(): Promise<DepartmentDto[]> {
    const departments = await this.departments.list();
    const members = await this.departments.memberIdsByDepartment(departments.map((d) => d.id));
    return departments.map((d) => toDepartmentDto(d, members.get(d.id) ?? []));
  }

  async get(id: string): Promise<DepartmentDto> {
    const department = await this.departments.findById(id);
    if (!department) throw notFound('Department');
    const members = await this.departments.memberIdsByDepartment([id]);
    return toDepartmentDto(department, members.get(id) ?? []);
  }

  async create(input: CreateDepartmentDto, actorUserId: string | null = null): Promise<DepartmentDto> {
    if (await this.departments.findByName(input.name))
      throw conflict(`A department named ${input.name} exists already`);
    await this.checkUsers([...(input.memberIds ?? []), ...(input.leadUserId ? [input.leadUserId] : [])]);
    const now = Date.now();
    const department = Object.assign(new DepartmentEntity(), {
      id: newId(),
      name: input.name,
      email: input.email ?? null,
      leadUserId: input.leadUserId ?? null,
      autoAssign: input.autoAssign ?? false,
      roundRobinCursor: 0,
      createdAt: now,
      updatedAt: now,
    });
    await this.departments.save(department, input.memberIds ?? [], {
      ...departmentAudit('department.created', department, actorUserId),
      data: { name: department.name },
    });
    return toDepartmentDto(department, input.memberIds ?? []);
  }

  async update(
    id: string,
    input: UpdateDepartmentDto,
    actorUserId: string | null = null,
  ): Promise<DepartmentDto> {
    const department = await this.departments.findById(id);
    if (!department) throw notFound('Department');
    if (input.name !== undefined && input.name !== department.name) {
      const namesake = await this.departments.findByName(input.name);
      if (namesake && namesake.id !== id) throw conflict(`A department named ${input.name} exists already`);
      department.name = input.name;
    }
    await this.checkUsers([...(input.memberIds ?? []), ...(input.leadUserId ? [input.leadUserId] : [])]);
    if (input.email !== undefined) department.email = input.email;
    if (input.leadUserId !== undefined) department.leadUserId = input.leadUserId;
    if (input.autoAssign !== undefined) department.autoAssign = input.autoAssign;
    department.updatedAt = Date.now();
    await this.departments.save(department, input.memberIds, {
      ...departmentAudit('department.updated', department, actorUserId),
      data: {
        changed: Object.keys(input).filter((key) => input[key as keyof UpdateDepartmentDto] !== undefined),
      },
    });
    return this.get(id);
  }

  /**
   * Only a department no conversation belongs to can go: every conversation keeps exactly one
   * responsible department, and the figures per department stay whole. Rename it instead.
   */
  async delete(id: string, actorUserId: string | null = null): Promise<void> {
    const department = await this.departments.findById(id);
    if (!department) throw notFound('Department');
    const conversations = await this.departments.conversationCount(id);
    if (conversations > 0)
      throw conflict(
        `${conversations} conversation(s) belong to this department; transfer them or rename the department instead`,
      );
    await this.departments.delete(id, {
      ...departmentAudit('department.deleted', department, actorUserId),
      data: { name: department.name },
    });
  }

  private async checkUsers(ids: string[]): Promise<void> {
    if (!ids.length) return;
    const found = new Set((await this.users.findByIds([...new Set(ids)])).map((u) => u.id));
    const unknown = [...new Set(ids)].filter((id) => !found.has(id));
    if (unknown.length) throw badRequest(`Unknown user ids: ${unknown.join(', ')}`);
  }
}
