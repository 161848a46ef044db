import { Injectable } from '@nestjs/common';
import type { DeliveryOutcome, ReplySender } from '../channel-adapter.js';

/**
 * Replies for customers who chose the status page: nothing to transmit, the reply is visible on
 * their page as soon as it is stored, so it counts as sent at once.
 */
@Injectable()
export class StatusPageSender implements ReplySender {
  readonly replyChannel = 'status_page' as const;

  send(): Promise<DeliveryOutcome> {
    return Promise.resolve({ status: 'sent' });
  }
}
