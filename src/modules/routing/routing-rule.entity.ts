import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Priority } from '../../../config/defaults.js';
import { EpochColumn, JsonColumn } from '../../database/columns.js';

export interface RoutingConditions {
  channel?: string;
  connectorId?: string;
  topic?: string;
  sentiment?: string;
  language?: string;
  keywords?: string[];
  maxRating?: number;
}

export interface RoutingActions {
  departmentId?: string;
  priority?: Priority;
  assigneeId?: string;
}

@Entity('routing_rules')
export class RoutingRuleEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @JsonColumn()
  conditions: RoutingConditions;

  @JsonColumn()
  actions: RoutingActions;

  @EpochColumn()
  createdAt: number;

  @EpochColumn()
  updatedAt: number;
}
