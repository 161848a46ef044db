import type { DeliveryOutcome, OutboundReply, ReplySender } from '../channel-adapter.js';

/**
 * Remarks imported through POST /api/remarks came from another system; we cannot reach the
 * customer there, so replies are kept for that system to pick up ("manual").
 */
export class ApiReplySender implements ReplySender {
  readonly replyChannel = 'api' as const;

  send(_reply: OutboundReply): Promise<DeliveryOutcome> {
    return Promise.resolve({ status: 'manual', detail: 'Answer in the system the remark was imported from' });
  }
}
