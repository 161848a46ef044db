import { describe, expect, it } from '@jest/globals';
import { DEFAULT_FIRST_RESPONSE_SECONDS, URGENT_FIRST_RESPONSE_SECONDS } from '../../../config/defaults.js';
import type { SlaPolicyEntity } from './sla-policy.entity.js';
import { targetsFor } from './sla-policy-resolver.js';

const policy = (id: string, channel: string | null, priority: string | null, seconds: number) =>
  ({ id, channel, priority, firstResponseSeconds: seconds, resolutionSeconds: null }) as SlaPolicyEntity;

describe('targetsFor', () => {
  const policies = [
    policy('any', null, null, 1),
    policy('urgent', null, 'urgent', 2),
    policy('email', 'email', null, 3),
    policy('email-urgent', 'email', 'urgent', 4),
  ];

  it('prefers channel+priority, then channel, then priority, then the catch-all', () => {
    expect(targetsFor(policies, 'email', 'urgent').policyId).toBe('email-urgent');
    expect(targetsFor(policies, 'email', 'normal').policyId).toBe('email');
    expect(targetsFor(policies, 'feed', 'urgent').policyId).toBe('urgent');
    expect(targetsFor(policies, 'feed', 'low').firstResponseSeconds).toBe(1);
  });

  it('falls back to the configured defaults without policies', () => {
    expect(targetsFor([], 'feed', 'normal')).toEqual({
      firstResponseSeconds: DEFAULT_FIRST_RESPONSE_SECONDS.feed,
      resolutionSeconds: null,
      policyId: null,
    });
    expect(targetsFor([], 'email', 'urgent').firstResponseSeconds).toBe(URGENT_FIRST_RESPONSE_SECONDS);
  });
});
