import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import type { Channel, Priority } from '../../../config/defaults.js';
import { SlaPolicyEntity } from './sla-policy.entity.js';

@Injectable()
export class SlaPoliciesRepository {
  constructor(@InjectRepository(SlaPolicyEntity) private readonly repo: Repository<SlaPolicyEntity>) {}

  /** Oldest first, the order the resolver breaks ties in. */
  list(): Promise<SlaPolicyEntity[]> {
    return this.repo.find({ order: { createdAt: 'ASC', id: 'ASC' } });
  }

  findById(id: string): Promise<SlaPolicyEntity | null> {
    return this.repo.findOneBy({ id });
  }

  /** The policy for exactly this scope (null = any channel / any priority). */
  findByScope(channel: Channel | null, priority: Priority | null): Promise<SlaPolicyEntity | null> {
    return this.repo.findOneBy({ channel: channel ?? IsNull(), priority: priority ?? IsNull() });
  }

  save(policy: SlaPolicyEntity): Promise<SlaPolicyEntity> {
    return this.repo.save(policy);
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.repo.delete({ id });
    return (result.affected ?? 0) > 0;
  }
}
