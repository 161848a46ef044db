import { Module } from '@nestjs/common';
import { ClassificationModule } from '../classification/classification.module.js';
import { ContactsModule } from '../contacts/contacts.module.js';
import { RoutingModule } from '../routing/routing.module.js';
import { SlaPolicyResolverModule } from '../sla/sla-policy-resolver.js';
import { BatchWriter } from './batch-writer.js';
import { ConversationOpener } from './conversation-opener.js';
import { IngestionAnnouncer } from './ingestion-announcer.js';
import { IngestionRepository } from './ingestion.repository.js';
import { IngestionService } from './ingestion.service.js';
import { RemarksController } from './remarks.controller.js';
import { RemarksImportService } from './remarks-import.service.js';
import { RemarkClassifier } from './remark-classifier.js';

/** The ingestion pipeline; channels import this module and call IngestionService.ingest. */
@Module({
  imports: [ClassificationModule, ContactsModule, RoutingModule, SlaPolicyResolverModule],
  controllers: [RemarksController],
  providers: [
    IngestionRepository,
    RemarkClassifier,
    ConversationOpener,
    IngestionAnnouncer,
    BatchWriter,
    IngestionService,
    RemarksImportService,
  ],
  exports: [IngestionService],
})
export class IngestionModule {}
