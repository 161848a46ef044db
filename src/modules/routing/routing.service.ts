import { Injectable } from '@nestjs/common';
import { DepartmentsRepository } from '../departments/departments.repository.js';
import { UsersRepository } from '../users/users.repository.js';
import { RoundRobinRepository } from './round-robin.repository.js';
import type { RoutingRuleEntity } from './routing-rule.entity.js';
import { RoutingRulesRepository } from './routing-rules.repository.js';
import { Router } from './router.js';

/** Another instance may have changed the rules; re-read them at least this often. */
const RULES_TTL_MS = 30_000;

/** Builds routers over the current rules and departments, and hands out round-robin turns. */
@Injectable()
export class RoutingService {
  private rules: { list: RoutingRuleEntity[]; loadedAt: number } | null = null;

  constructor(
    private readonly rulesRepository: RoutingRulesRepository,
    private readonly departments: DepartmentsRepository,
    private readonly users: UsersRepository,
    private readonly roundRobin: RoundRobinRepository,
  ) {}

  /** Call after changing rules. */
  invalidate(): void {
    this.rules = null;
  }

  async router(): Promise<Router> {
    const [rules, departments] = await Promise.all([this.currentRules(), this.departments.list()]);
    const autoAssign = departments.filter((d) => d.autoAssign).map((d) => d.id);
    const members = new Map<string, string[]>();
    if (autoAssign.length) {
      const byDepartment = await this.departments.memberIdsByDepartment(autoAssign);
      const allIds = [...new Set([...byDepartment.values()].flat())];
      const active = new Set((await this.users.findByIds(allIds)).filter((u) => u.active).map((u) => u.id));
      for (const [departmentId, ids] of byDepartment) {
        const eligible = ids.filter((id) => active.has(id)).sort();
        if (eligible.length) members.set(departmentId, eligible);
      }
    }
    return new Router(rules, departments, members);
  }

  /** The next `count` assignees of each auto-assigning department, in turn. */
  async takeTurns(router: Router, counts: ReadonlyMap<string, number>): Promise<Map<string, string[]>> {
    const turns = new Map<string, string[]>();
    for (const [departmentId, count] of counts) {
      const members = router.autoAssignMembers.get(departmentId);
      if (!members?.length || count <= 0) continue;
      const start = await this.roundRobin.reserve(departmentId, count);
      turns.set(
        departmentId,
        Array.from({ length: count }, (_, i) => members[(start + i) % members.length]),
      );
    }
    return turns;
  }

  private async currentRules(): Promise<RoutingRuleEntity[]> {
    if (this.rules && Date.now() - this.rules.loadedAt < RULES_TTL_MS) return this.rules.list;
    const list = await this.rulesRepository.list();
    this.rules = { list, loadedAt: Date.now() };
    return list;
  }
}
