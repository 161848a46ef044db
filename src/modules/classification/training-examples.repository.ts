import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { TrainingExampleEntity } from './training-example.entity.js';

@Injectable()
export class TrainingExamplesRepository {
  constructor(
    @InjectRepository(TrainingExampleEntity) private readonly repo: Repository<TrainingExampleEntity>,
  ) {}

  save(example: TrainingExampleEntity): Promise<TrainingExampleEntity> {
    return this.repo.save(example);
  }

  count(): Promise<number> {
    return this.repo.count();
  }

  /** Oldest first, so a later correction of the same remark overrides an earlier one. */
  listAll(): Promise<TrainingExampleEntity[]> {
    return this.repo.find({ order: { createdAt: 'ASC', id: 'ASC' } });
  }
}
