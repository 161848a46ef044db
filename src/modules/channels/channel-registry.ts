import { Injectable } from '@nestjs/common';
import { badRequest } from '../../common/errors/app-error.js';
import type { ConnectorKind } from '../connectors/connector.entity.js';
import type { ReplyChannel } from '../conversations/conversation.entity.js';
import type { ConnectorAdapter, ReplySender } from './channel-adapter.js';

/**
 * Where channel modules register their connector adapters and reply senders at start-up.
 * Adding a channel means adding its folder and module; nothing here changes.
 */
@Injectable()
export class ChannelRegistry {
  private readonly adapters = new Map<ConnectorKind, ConnectorAdapter<unknown>>();
  private readonly senders = new Map<ReplyChannel, ReplySender>();

  registerAdapter<S>(adapter: ConnectorAdapter<S>): void {
    if (this.adapters.has(adapter.kind)) throw new Error(`Connector kind ${adapter.kind} registered twice`);
    this.adapters.set(adapter.kind, adapter as ConnectorAdapter<unknown>);
  }

  registerSender(sender: ReplySender): void {
    if (this.senders.has(sender.replyChannel))
      throw new Error(`Reply channel ${sender.replyChannel} registered twice`);
    this.senders.set(sender.replyChannel, sender);
  }

  adapter(kind: string): ConnectorAdapter<unknown> {
    const adapter = this.adapters.get(kind as ConnectorKind);
    if (!adapter) throw badRequest(`kind must be one of: ${[...this.adapters.keys()].join(', ')}`);
    return adapter;
  }

  kinds(): ConnectorKind[] {
    return [...this.adapters.keys()];
  }

  sender(replyChannel: ReplyChannel): ReplySender | undefined {
    return this.senders.get(replyChannel);
  }
}
