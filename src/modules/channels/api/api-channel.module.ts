import { Module, type OnModuleInit } from '@nestjs/common';
import { ChannelRegistry } from '../channel-registry.js';
import { ApiReplySender } from './api-reply.sender.js';

/** The "api" channel: remarks come in through the import endpoint; replies are manual. */
@Module({})
export class ApiChannelModule implements OnModuleInit {
  constructor(private readonly registry: ChannelRegistry) {}

  onModuleInit(): void {
    this.registry.registerSender(new ApiReplySender());
  }
}
