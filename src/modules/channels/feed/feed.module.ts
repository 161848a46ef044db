import { Module, type OnModuleInit } from '@nestjs/common';
import { ConnectorsModule } from '../../connectors/connectors.module.js';
import { ChannelRegistry } from '../channel-registry.js';
import { FeedAdapter } from './feed.adapter.js';
import { FeedHttp } from './feed-fetcher.js';
import { FeedReplySender } from './feed-reply.sender.js';

/** The `feed` channel: review feeds in, replies out through a signed webhook (or by hand). */
@Module({
  imports: [ConnectorsModule],
  providers: [FeedHttp, FeedAdapter, FeedReplySender],
})
export class FeedModule implements OnModuleInit {
  constructor(
    private readonly registry: ChannelRegistry,
    private readonly adapter: FeedAdapter,
    private readonly sender: FeedReplySender,
  ) {}

  onModuleInit(): void {
    this.registry.registerAdapter(this.adapter);
    this.registry.registerSender(this.sender);
  }
}
