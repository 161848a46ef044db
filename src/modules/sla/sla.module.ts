import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConversationsModule } from '../conversations/conversations.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { SlaCheckRepository } from './sla-check.repository.js';
import { SlaPoliciesController } from './sla-policies.controller.js';
import { SlaPoliciesRepository } from './sla-policies.repository.js';
import { SlaPoliciesService } from './sla-policies.service.js';
import { SlaPolicyResolverModule } from './sla-policy-resolver.js';
import { SlaPolicyEntity } from './sla-policy.entity.js';
import { SlaService } from './sla.service.js';

/** SLA policies (admin CRUD) and the periodic check that escalates overdue conversations. */
@Module({
  imports: [
    TypeOrmModule.forFeature([SlaPolicyEntity]),
    SlaPolicyResolverModule,
    NotificationsModule,
    ConversationsModule,
  ],
  controllers: [SlaPoliciesController],
  providers: [SlaPoliciesRepository, SlaPoliciesService, SlaCheckRepository, SlaService],
  exports: [SlaService],
})
export class SlaModule {}
