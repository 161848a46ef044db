import { Injectable } from '@nestjs/common';
import { conflict, notFound } from '../../common/errors/app-error.js';
import { iso } from '../../common/http/id-param.js';
import { newId } from '../../database/columns.js';
import type { CreateSlaPolicyDto, SlaPolicyDto, UpdateSlaPolicyDto } from './dto/sla-policy.dto.js';
import { SlaPoliciesRepository } from './sla-policies.repository.js';
import { SlaPolicyResolver } from './sla-policy-resolver.js';
import { SlaPolicyEntity } from './sla-policy.entity.js';

export function toSlaPolicyDto(p: SlaPolicyEntity): SlaPolicyDto {
  return {
    id: p.id,
    name: p.name,
    channel: p.channel,
    priority: p.priority,
    firstResponseSeconds: p.firstResponseSeconds,
    resolutionSeconds: p.resolutionSeconds,
    createdAt: iso(p.createdAt)!,
    updatedAt: iso(p.updatedAt)!,
  };
}

/**
 * Response-time targets per channel and priority. A change applies to conversations created from
 * then on (their due times are set at creation); the resolver's cache is dropped on every change.
 */
@Injectable()
export class SlaPoliciesService {
  constructor(
    private readonly policies: SlaPoliciesRepository,
    private readonly resolver: SlaPolicyResolver,
  ) {}

  async list(): Promise<SlaPolicyDto[]> {
    return (await this.policies.list()).map(toSlaPolicyDto);
  }

  async get(id: string): Promise<SlaPolicyDto> {
    return toSlaPolicyDto(await this.find(id));
  }

  async create(input: CreateSlaPolicyDto): Promise<SlaPolicyDto> {
    const now = Date.now();
    const policy = Object.assign(new SlaPolicyEntity(), {
      id: newId(),
      name: input.name ?? `${input.channel ?? 'Any channel'}, ${input.priority ?? 'any priority'}`,
      channel: input.channel ?? null,
      priority: input.priority ?? null,
      firstResponseSeconds: input.firstResponseSeconds,
      resolutionSeconds: input.resolutionSeconds ?? null,
      createdAt: now,
      updatedAt: now,
    });
    await this.checkScopeFree(policy);
    return this.persist(policy);
  }

  async update(id: string, input: UpdateSlaPolicyDto): Promise<SlaPolicyDto> {
    const policy = await this.find(id);
    if (input.name !== undefined) policy.name = input.name;
    if (input.channel !== undefined) policy.channel = input.channel;
    if (input.priority !== undefined) policy.priority = input.priority;
    if (input.firstResponseSeconds !== undefined) policy.firstResponseSeconds = input.firstResponseSeconds;
    if (input.resolutionSeconds !== undefined) policy.resolutionSeconds = input.resolutionSeconds;
    policy.updatedAt = Date.now();
    await this.checkScopeFree(policy);
    return this.persist(policy);
  }

  async delete(id: string): Promise<void> {
    if (!(await this.policies.delete(id))) throw notFound('SLA policy');
    this.resolver.invalidate();
  }

  private async find(id: string): Promise<SlaPolicyEntity> {
    const policy = await this.policies.findById(id);
    if (!policy) throw notFound('SLA policy');
    return policy;
  }

  /** Two policies for the same channel and priority would make "the most specific" ambiguous. */
  private async checkScopeFree(policy: SlaPolicyEntity): Promise<void> {
    const other = await this.policies.findByScope(policy.channel, policy.priority);
    if (other && other.id !== policy.id) {
      const scope = `channel ${policy.channel ?? 'any'}, priority ${policy.priority ?? 'any'}`;
      throw conflict(`The policy "${other.name}" covers ${scope} already`);
    }
  }

  private async persist(policy: SlaPolicyEntity): Promise<SlaPolicyDto> {
    await this.policies.save(policy);
    this.resolver.invalidate();
    return toSlaPolicyDto(policy);
  }
}
