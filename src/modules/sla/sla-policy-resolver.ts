import { Injectable, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  type Channel,
  DEFAULT_FIRST_RESPONSE_SECONDS,
  type Priority,
  URGENT_FIRST_RESPONSE_SECONDS,
} from '../../../config/defaults.js';
import { SlaPolicyEntity } from './sla-policy.entity.js';

export interface SlaTargets {
  firstResponseSeconds: number;
  resolutionSeconds: number | null;
  /** The policy that matched; null when the defaults of config/defaults.ts apply. */
  policyId: string | null;
}

export type SlaLookup = (channel: Channel, priority: Priority) => SlaTargets;

/** Another instance may have changed the policies; re-read them at least this often. */
const CACHE_TTL_MS = 30_000;

/** The most specific policy: channel+priority, then channel only, then priority only, then neither. */
export function pickPolicy(
  policies: readonly SlaPolicyEntity[],
  channel: string,
  priority: string,
): SlaPolicyEntity | undefined {
  const ranked = [
    (p: SlaPolicyEntity) => p.channel === channel && p.priority === priority,
    (p: SlaPolicyEntity) => p.channel === channel && p.priority === null,
    (p: SlaPolicyEntity) => p.channel === null && p.priority === priority,
    (p: SlaPolicyEntity) => p.channel === null && p.priority === null,
  ];
  for (const matches of ranked) {
    const found = policies.find(matches);
    if (found) return found;
  }
  return undefined;
}

export function targetsFor(
  policies: readonly SlaPolicyEntity[],
  channel: Channel,
  priority: Priority,
): SlaTargets {
  const policy = pickPolicy(policies, channel, priority);
  if (policy) {
    return {
      firstResponseSeconds: policy.firstResponseSeconds,
      resolutionSeconds: policy.resolutionSeconds,
      policyId: policy.id,
    };
  }
  const firstResponseSeconds =
    priority === 'urgent'
      ? URGENT_FIRST_RESPONSE_SECONDS
      : (DEFAULT_FIRST_RESPONSE_SECONDS[channel] ?? DEFAULT_FIRST_RESPONSE_SECONDS.email);
  return { firstResponseSeconds, resolutionSeconds: null, policyId: null };
}

/**
 * Which response-time targets apply to a conversation. The policies are few and read on every
 * ingested batch, so they are cached in memory; whoever changes them calls `invalidate()`.
 */
@Injectable()
export class SlaPolicyResolver {
  private cache: { policies: SlaPolicyEntity[]; loadedAt: number } | null = null;

  constructor(private readonly dataSource: DataSource) {}

  async resolve(channel: Channel, priority: Priority): Promise<SlaTargets> {
    return (await this.lookup())(channel, priority);
  }

  /** A synchronous lookup over the current policies, for a whole batch. */
  async lookup(): Promise<SlaLookup> {
    const policies = await this.policies();
    return (channel, priority) => targetsFor(policies, channel, priority);
  }

  invalidate(): void {
    this.cache = null;
  }

  private async policies(): Promise<SlaPolicyEntity[]> {
    if (this.cache && Date.now() - this.cache.loadedAt < CACHE_TTL_MS) return this.cache.policies;
    // Ordered by creation so that, among equally specific policies, the oldest wins every time.
    const policies = await this.dataSource
      .getRepository(SlaPolicyEntity)
      .find({ order: { createdAt: 'ASC', id: 'ASC' } });
    this.cache = { policies, loadedAt: Date.now() };
    return policies;
  }
}

/** Import this module to share the one cached resolver (so `invalidate()` reaches every user). */
@Module({
  imports: [TypeOrmModule.forFeature([SlaPolicyEntity])],
  providers: [SlaPolicyResolver],
  exports: [SlaPolicyResolver],
})
export class SlaPolicyResolverModule {}
