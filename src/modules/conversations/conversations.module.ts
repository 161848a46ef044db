import { Module } from '@nestjs/common';
import { AttachmentsModule } from '../attachments/attachments.module.js';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClassificationModule } from '../classification/classification.module.js';
import { ContactsModule } from '../contacts/contacts.module.js';
import { DepartmentsModule } from '../departments/departments.module.js';
import { UsersModule } from '../users/users.module.js';
import { ConversationEventEntity } from './conversation-event.entity.js';
import { ConversationEntity } from './conversation.entity.js';
import { ConversationsController } from './conversations.controller.js';
import { ConversationsRepository } from './conversations.repository.js';
import { ConversationsService } from './conversations.service.js';
import { MessageEntity } from './message.entity.js';
import { PromiseEntity } from './promise.entity.js';
import { PromisesService } from './promises.service.js';
import { RepliesService } from './replies.service.js';
import { ReplyDeliveryService } from './reply-delivery.service.js';

/** The inbox: conversations, their messages, promises and history. */
@Module({
  imports: [
    TypeOrmModule.forFeature([ConversationEntity, MessageEntity, PromiseEntity, ConversationEventEntity]),
    AttachmentsModule,
    ClassificationModule,
    ContactsModule,
    DepartmentsModule,
    UsersModule,
  ],
  controllers: [ConversationsController],
  providers: [
    ConversationsRepository,
    ConversationsService,
    RepliesService,
    ReplyDeliveryService,
    PromisesService,
  ],
  exports: [ConversationsService, RepliesService, PromisesService],
})
export class ConversationsModule {}
