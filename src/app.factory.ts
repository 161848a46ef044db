import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import { AppConfig } from './common/config/app-config.js';
import { AppError } from './common/errors/app-error.js';
import { GlobalExceptionFilter } from './common/errors/exception.filter.js';
import { MetricsService } from './common/metrics/metrics.service.js';
import { serveWebUi } from './common/http/web-ui.js';
import { flattenValidationErrors } from './common/http/validation-errors.js';
import { WellFormedInputPipe } from './common/http/well-formed-input.pipe.js';
import { usePublicFormBodyLimit } from './modules/channels/webform/form-body-limit.js';

/** The request body limit; bigger bodies get 413. Web forms cap lower on their own route. */
const BODY_LIMIT = '5mb';

/** Builds the whole application (used by main.ts, tests and benchmarks alike); not yet listening. */
export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.use(app.get(MetricsService).middleware());
  usePublicFormBodyLimit(app);
  app.useBodyParser('json', { limit: BODY_LIMIT });
  app.useBodyParser('urlencoded', { limit: BODY_LIMIT, extended: false });
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  app.useGlobalFilters(new GlobalExceptionFilter());
  app.useGlobalPipes(
    new WellFormedInputPipe(),
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      stopAtFirstError: false,
      exceptionFactory: (errors) => new AppError('bad_request', flattenValidationErrors(errors)),
    }),
  );
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Resonanz API')
      .setDescription('Customer remarks from every channel in one inbox: the HTTP contract.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  serveWebUi(app);
  app.enableShutdownHooks();
  return app;
}
