import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../common/config/app-config.js';
import { dataSourceOptions, initializeDataSource } from './data-source.js';

/** TypeORM on SQLite or PostgreSQL; migrations run before the app takes requests. */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => dataSourceOptions(config),
      dataSourceFactory: (options) => initializeDataSource(options!),
    }),
  ],
})
export class DatabaseModule {}
