import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClassificationController } from './classification.controller.js';
import { ClassificationService } from './classification.service.js';
import { TrainingExampleEntity } from './training-example.entity.js';
import { TrainingExamplesRepository } from './training-examples.repository.js';

@Module({
  imports: [TypeOrmModule.forFeature([TrainingExampleEntity])],
  controllers: [ClassificationController],
  providers: [TrainingExamplesRepository, ClassificationService],
  exports: [ClassificationService],
})
export class ClassificationModule {}
