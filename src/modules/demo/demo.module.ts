import { Module } from '@nestjs/common';
import { ConversationsModule } from '../conversations/conversations.module.js';
import { DepartmentsModule } from '../departments/departments.module.js';
import { IngestionModule } from '../ingestion/ingestion.module.js';
import { UsersModule } from '../users/users.module.js';
import { DemoService } from './demo.service.js';

/** Loads the demo inbox when DEMO_DATA is on and there are no conversations yet. */
@Module({
  imports: [IngestionModule, ConversationsModule, UsersModule, DepartmentsModule],
  providers: [DemoService],
})
export class DemoModule {}
