import { DEFAULT_TOPIC_DEPARTMENT, type Priority, type Topic } from '../../../config/defaults.js';
import type { DepartmentEntity } from '../departments/department.entity.js';
import type { RoutingRuleEntity } from './routing-rule.entity.js';
import { type RoutingFacts, ruleMatches } from './rule-matcher.js';

export interface RouteDecision {
  departmentId: string | null;
  priority: Priority | null;
  assigneeId: string | null;
  ruleId: string | null;
}

/**
 * Routing over one snapshot of rules and departments, synchronous so a whole batch is routed
 * without further queries: the first enabled rule that matches wins; department from the rule,
 * else from the default topic→department map (departments looked up by name).
 */
export class Router {
  private readonly byName: Map<string, string>;
  private readonly ids: Set<string>;

  constructor(
    private readonly rules: readonly RoutingRuleEntity[],
    departments: readonly DepartmentEntity[],
    /** Active members of departments that hand out conversations in turn. */
    readonly autoAssignMembers: ReadonlyMap<string, readonly string[]>,
  ) {
    this.byName = new Map(departments.map((d) => [d.name.toLowerCase(), d.id]));
    this.ids = new Set(departments.map((d) => d.id));
  }

  route(facts: RoutingFacts): RouteDecision {
    const lowerText = facts.text.toLowerCase();
    const rule = this.rules.find((r) => r.enabled && ruleMatches(r.conditions, facts, lowerText));
    const ruleDepartment = rule?.actions.departmentId;
    return {
      departmentId:
        ruleDepartment && this.ids.has(ruleDepartment) ? ruleDepartment : this.defaultDepartment(facts.topic),
      priority: rule?.actions.priority ?? null,
      assigneeId: rule?.actions.assigneeId ?? null,
      ruleId: rule?.id ?? null,
    };
  }

  hasDepartment(id: string): boolean {
    return this.ids.has(id);
  }

  defaultDepartment(topic: string): string | null {
    const name = DEFAULT_TOPIC_DEPARTMENT[topic as Topic] ?? DEFAULT_TOPIC_DEPARTMENT.other;
    return this.byName.get(name.toLowerCase()) ?? null;
  }
}
