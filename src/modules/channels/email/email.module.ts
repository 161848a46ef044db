import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConnectorsModule } from '../../connectors/connectors.module.js';
import { MessageEntity } from '../../conversations/message.entity.js';
import { ChannelRegistry } from '../channel-registry.js';
import { BounceRepository } from './bounce.repository.js';
import { EmailConnectorAdapter } from './email-connector.adapter.js';
import { EmailReplySender } from './email-reply.sender.js';
import { EmailTransportService } from './email-transport.service.js';

/**
 * The `email` channel: IMAP connectors in, SMTP replies out. Exports EmailTransportService so
 * other channels (web form acknowledgements) send mail the same way.
 */
@Module({
  imports: [ConnectorsModule, TypeOrmModule.forFeature([MessageEntity])],
  providers: [EmailTransportService, EmailConnectorAdapter, EmailReplySender, BounceRepository],
  exports: [EmailTransportService],
})
export class EmailModule implements OnModuleInit {
  constructor(
    private readonly registry: ChannelRegistry,
    private readonly adapter: EmailConnectorAdapter,
    private readonly sender: EmailReplySender,
  ) {}

  onModuleInit(): void {
    this.registry.registerAdapter(this.adapter);
    this.registry.registerSender(this.sender);
  }
}
