import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { RoutingRuleEntity } from './routing-rule.entity.js';

@Injectable()
export class RoutingRulesRepository {
  constructor(@InjectRepository(RoutingRuleEntity) private readonly repo: Repository<RoutingRuleEntity>) {}

  /** In the order they are tried: by position, ties by creation. */
  list(): Promise<RoutingRuleEntity[]> {
    return this.repo.find({ order: { position: 'ASC', createdAt: 'ASC', id: 'ASC' } });
  }

  findById(id: string): Promise<RoutingRuleEntity | null> {
    return this.repo.findOneBy({ id });
  }

  async maxPosition(): Promise<number> {
    const row = await this.repo
      .createQueryBuilder('r')
      .select('MAX(r.position)', 'max')
      .getRawOne<{ max: number | string | null }>();
    return row?.max === null || row?.max === undefined ? 0 : Number(row.max);
  }

  save(rule: RoutingRuleEntity): Promise<RoutingRuleEntity> {
    return this.repo.save(rule);
  }

  async delete(id: string): Promise<boolean> {
    return ((await this.repo.delete({ id })).affected ?? 0) > 0;
  }
}
