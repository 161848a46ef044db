import { Injectable } from '@nestjs/common';
import { badRequest, notFound } from '../../common/errors/app-error.js';
import { iso } from '../../common/http/id-param.js';
import { newId } from '../../database/columns.js';
import { DepartmentsRepository } from '../departments/departments.repository.js';
import { UsersRepository } from '../users/users.repository.js';
import type {
  CreateRoutingRuleDto,
  RoutingActionsDto,
  RoutingConditionsDto,
  RoutingRuleDto,
  UpdateRoutingRuleDto,
} from './dto/routing-rule.dto.js';
import { RoutingRuleEntity } from './routing-rule.entity.js';
import { RoutingRulesRepository } from './routing-rules.repository.js';
import { RoutingService } from './routing.service.js';

export function toRoutingRuleDto(rule: RoutingRuleEntity): RoutingRuleDto {
  return {
    id: rule.id,
    name: rule.name,
    position: rule.position,
    enabled: rule.enabled,
    conditions: rule.conditions,
    actions: rule.actions,
    createdAt: iso(rule.createdAt)!,
    updatedAt: iso(rule.updatedAt)!,
  };
}

/** Keeps only the keys that were set, so stored JSON says exactly what the rule checks. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as T;
}

/** Routing rules CRUD (managers); every change reaches routing at once. */
@Injectable()
export class RoutingRulesService {
  constructor(
    private readonly rules: RoutingRulesRepository,
    private readonly routing: RoutingService,
    private readonly departments: DepartmentsRepository,
    private readonly users: UsersRepository,
  ) {}

  async list(): Promise<RoutingRuleDto[]> {
    return (await this.rules.list()).map(toRoutingRuleDto);
  }

  async get(id: string): Promise<RoutingRuleDto> {
    return toRoutingRuleDto(await this.find(id));
  }

  async create(input: CreateRoutingRuleDto): Promise<RoutingRuleDto> {
    await this.checkActions(input.actions);
    const now = Date.now();
    const rule = Object.assign(new RoutingRuleEntity(), {
      id: newId(),
      name: input.name,
      position: input.position ?? (await this.rules.maxPosition()) + 10,
      enabled: input.enabled ?? true,
      conditions: compact<RoutingConditionsDto>(input.conditions),
      actions: compact<RoutingActionsDto>(input.actions),
      createdAt: now,
      updatedAt: now,
    });
    await this.rules.save(rule);
    this.routing.invalidate();
    return toRoutingRuleDto(rule);
  }

  async update(id: string, input: UpdateRoutingRuleDto): Promise<RoutingRuleDto> {
    const rule = await this.find(id);
    if (input.actions) await this.checkActions(input.actions);
    if (input.name !== undefined) rule.name = input.name;
    if (input.position !== undefined) rule.position = input.position;
    if (input.enabled !== undefined) rule.enabled = input.enabled;
    if (input.conditions) rule.conditions = compact<RoutingConditionsDto>(input.conditions);
    if (input.actions) rule.actions = compact<RoutingActionsDto>(input.actions);
    rule.updatedAt = Date.now();
    await this.rules.save(rule);
    this.routing.invalidate();
    return toRoutingRuleDto(rule);
  }

  async delete(id: string): Promise<void> {
    if (!(await this.rules.delete(id))) throw notFound('Routing rule');
    this.routing.invalidate();
  }

  private async find(id: string): Promise<RoutingRuleEntity> {
    const rule = await this.rules.findById(id);
    if (!rule) throw notFound('Routing rule');
    return rule;
  }

  private async checkActions(actions: RoutingActionsDto): Promise<void> {
    const problems: string[] = [];
    if (actions.departmentId && !(await this.departments.findById(actions.departmentId)))
      problems.push('actions.departmentId: unknown department');
    if (actions.assigneeId) {
      const user = await this.users.findById(actions.assigneeId);
      if (!user || !user.active) problems.push('actions.assigneeId: unknown or inactive user');
    }
    if (problems.length) throw badRequest(problems);
  }
}
