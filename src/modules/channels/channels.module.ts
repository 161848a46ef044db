import { Global, Module } from '@nestjs/common';
import { ChannelRegistry } from './channel-registry.js';

/** The registry every channel module registers into (global so channel folders stay independent). */
@Global()
@Module({ providers: [ChannelRegistry], exports: [ChannelRegistry] })
export class ChannelsModule {}
