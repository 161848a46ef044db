import { type MiddlewareConsumer, Module, type NestModule, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConnectorsModule } from '../../connectors/connectors.module.js';
import { ContactEntity } from '../../contacts/contact.entity.js';
import { ConversationEntity } from '../../conversations/conversation.entity.js';
import { MessageEntity } from '../../conversations/message.entity.js';
import { DepartmentsModule } from '../../departments/departments.module.js';
import { IngestionModule } from '../../ingestion/ingestion.module.js';
import { ChannelRegistry } from '../channel-registry.js';
import { EmailModule } from '../email/email.module.js';
import { AcknowledgementService } from './acknowledgement.service.js';
import { PublicFormController } from './public-form.controller.js';
import { StatusPageController } from './status-page.controller.js';
import { StatusPageRepository } from './status-page.repository.js';
import { StatusPageSender } from './status-page.sender.js';
import { StatusPageService } from './status-page.service.js';
import { WebformAdapter } from './webform.adapter.js';
import { WebformCorsMiddleware } from './webform-cors.middleware.js';
import { WebformReferences } from './webform-references.js';
import { WebformService } from './webform.service.js';

/**
 * The web form channel: the `webform` connector kind, its public endpoint, the customer's status
 * page and the `status_page` reply channel. Email answers go through the email channel's sender.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([ConversationEntity, MessageEntity, ContactEntity]),
    ConnectorsModule,
    IngestionModule,
    DepartmentsModule,
    EmailModule,
  ],
  controllers: [PublicFormController, StatusPageController],
  providers: [
    WebformAdapter,
    WebformReferences,
    WebformService,
    StatusPageRepository,
    StatusPageService,
    StatusPageSender,
    AcknowledgementService,
  ],
})
export class WebformModule implements OnModuleInit, NestModule {
  constructor(
    private readonly registry: ChannelRegistry,
    private readonly adapter: WebformAdapter,
    private readonly sender: StatusPageSender,
  ) {}

  onModuleInit(): void {
    this.registry.registerAdapter(this.adapter);
    this.registry.registerSender(this.sender);
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(WebformCorsMiddleware).forRoutes(PublicFormController);
  }
}
