import { AttachmentsModule } from './modules/attachments/attachments.module.js';
import { AuditModule } from './modules/audit/audit.module.js';
import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { AppConfig } from './common/config/app-config.js';
import { AppConfigModule } from './common/config/config.module.js';
import { MetricsModule } from './common/metrics/metrics.module.js';
import { QueueModule } from './common/queue/queue.module.js';
import { DatabaseModule } from './database/database.module.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { ApiChannelModule } from './modules/channels/api/api-channel.module.js';
import { ChannelsModule } from './modules/channels/channels.module.js';
import { EmailModule } from './modules/channels/email/email.module.js';
import { ClassificationModule } from './modules/classification/classification.module.js';
import { ConversationsModule } from './modules/conversations/conversations.module.js';
import { DemoModule } from './modules/demo/demo.module.js';
import { DepartmentsModule } from './modules/departments/departments.module.js';
import { EventsModule } from './modules/events/events.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { IngestionModule } from './modules/ingestion/ingestion.module.js';
import { RoutingModule } from './modules/routing/routing.module.js';
import { UsersModule } from './modules/users/users.module.js';
import { WebformModule } from './modules/channels/webform/webform.module.js';
import { ConnectorsModule } from './modules/connectors/connectors.module.js';
import { FeedModule } from './modules/channels/feed/feed.module.js';
import { NotificationsModule } from './modules/notifications/notifications.module.js';
import { SlaModule } from './modules/sla/sla.module.js';
import { AnalyticsModule } from './modules/analytics/analytics.module.js';

/** Feature modules, in the order data flows through them. */
const FEATURE_MODULES = [
  UsersModule,
  DepartmentsModule,
  AuthModule,
  HealthModule,
  EventsModule,
  RoutingModule,
  ClassificationModule,
  IngestionModule,
  ConversationsModule,
  ApiChannelModule,
  DemoModule,
  ConnectorsModule,
  EmailModule,
  WebformModule,
  FeedModule,
  NotificationsModule,
  SlaModule,
  AnalyticsModule,
  AuditModule,
  AttachmentsModule,
];

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.env.LOG_LEVEL,
            transport:
              config.env.NODE_ENV === 'development'
                ? { target: 'pino-pretty', options: { singleLine: true } }
                : undefined,
            genReqId: (req: IncomingMessage) =>
              (req.headers['x-request-id'] as string | undefined) ?? randomUUID(),
            redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
            autoLogging: {
              ignore: (req: IncomingMessage) => req.url === '/health' || req.url === '/metrics',
            },
          },
        }),
        MetricsModule,
        QueueModule,
        ChannelsModule,
        DatabaseModule,
        ...FEATURE_MODULES,
      ],
    };
  }
}
