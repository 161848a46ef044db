import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEntryEntity } from '../audit/audit-entry.entity.js';
import { IngestionModule } from '../ingestion/ingestion.module.js';
import { ConnectorEntity } from './connector.entity.js';
import { ConnectorRuntimes } from './connector-runtimes.js';
import { ConnectorScheduler } from './connector-scheduler.js';
import { ConnectorSecrets } from './connector-secrets.js';
import { ConnectorSyncService } from './connector-sync.service.js';
import { ConnectorWatchers } from './connector-watchers.js';
import { ConnectorsController } from './connectors.controller.js';
import { ConnectorsRepository } from './connectors.repository.js';
import { ConnectorsService } from './connectors.service.js';

/**
 * Connectors of every kind: configuration, secrets, the sync lock and the scheduler. Channel
 * modules import it for ConnectorsService (their connector's opened settings) and
 * ConnectorSyncService; the kinds themselves live in src/modules/channels/<kind>/.
 */
@Module({
  imports: [TypeOrmModule.forFeature([ConnectorEntity, AuditEntryEntity]), IngestionModule],
  controllers: [ConnectorsController],
  providers: [
    ConnectorsRepository,
    ConnectorSecrets,
    ConnectorRuntimes,
    ConnectorWatchers,
    ConnectorsService,
    ConnectorSyncService,
    ConnectorScheduler,
  ],
  exports: [ConnectorsService, ConnectorSyncService, ConnectorSecrets],
})
export class ConnectorsModule {}
