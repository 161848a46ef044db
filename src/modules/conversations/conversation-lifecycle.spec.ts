import { describe, expect, it } from '@jest/globals';
import { ConversationEntity } from './conversation.entity.js';
import {
  markPickedUp,
  markResolved,
  raisePriority,
  recordFirstResponse,
  reopenOnInbound,
} from './conversation-lifecycle.js';

const conversation = (patch: Partial<ConversationEntity> = {}) =>
  Object.assign(new ConversationEntity(), {
    status: 'new',
    createdAt: 1_000_000,
    firstResponseAt: null,
    resolvedAt: null,
    resolutionSeconds: null,
    resolvedWithoutReply: false,
    ...patch,
  });

describe('conversation lifecycle', () => {
  it('raises priority one step, capped at urgent', () => {
    expect(raisePriority('low')).toBe('normal');
    expect(raisePriority('normal')).toBe('high');
    expect(raisePriority('urgent')).toBe('urgent');
  });

  it('records the first response once, in seconds from the first inbound message', () => {
    const c = conversation();
    expect(recordFirstResponse(c, 1_090_400)).toBe(true);
    expect(c.firstResponseSeconds).toBe(90);
    expect(recordFirstResponse(c, 2_000_000)).toBe(false);
    expect(c.firstResponseAt).toBe(1_090_400);
  });

  it('marks resolving without any reply', () => {
    const c = conversation();
    markResolved(c, 1_010_000);
    expect(c).toMatchObject({ status: 'resolved', resolutionSeconds: 10, resolvedWithoutReply: true });
    const answered = conversation({ firstResponseAt: 1_001_000 });
    markResolved(answered, 1_010_000);
    expect(answered.resolvedWithoutReply).toBe(false);
  });

  it('reopens pending and resolved conversations on a new inbound message only', () => {
    const resolved = conversation({ status: 'resolved', resolvedAt: 5, resolutionSeconds: 4 });
    expect(reopenOnInbound(resolved)).toBe('resolved');
    expect(resolved).toMatchObject({ status: 'open', resolvedAt: null, resolutionSeconds: null });
    expect(reopenOnInbound(conversation({ status: 'open' }))).toBeNull();
    expect(reopenOnInbound(conversation({ status: 'new' }))).toBeNull();
  });

  it('moves new to open when picked up', () => {
    const c = conversation();
    expect(markPickedUp(c)).toBe(true);
    expect(c.status).toBe('open');
    expect(markPickedUp(c)).toBe(false);
  });
});
