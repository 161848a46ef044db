import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { BullMqQueue } from './bullmq-queue.js';
import { InProcessQueue } from './in-process-queue.js';
import { JOB_QUEUE, type JobQueue } from './job-queue.js';

/** The JobQueue: BullMQ on Redis when REDIS_URL is set (work shared by instances), else in-process. */
@Global()
@Module({
  providers: [
    {
      provide: JOB_QUEUE,
      inject: [AppConfig],
      useFactory: (config: AppConfig): JobQueue =>
        config.env.REDIS_URL ? new BullMqQueue(config.env.REDIS_URL) : new InProcessQueue(),
    },
  ],
  exports: [JOB_QUEUE],
})
export class QueueModule implements OnApplicationShutdown {
  constructor(@Inject(JOB_QUEUE) private readonly queue: JobQueue) {}

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
