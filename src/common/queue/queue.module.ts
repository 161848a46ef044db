import { Global, Module, type OnApplicationShutdown, Inject } from '@nestjs/common';
import { InProcessQueue } from './in-process-queue.js';
import { JOB_QUEUE, type JobQueue } from './job-queue.js';

/** Provides the JobQueue (in-process for now; BullMQ on Redis with REDIS_URL comes later). */
@Global()
@Module({
  providers: [{ provide: JOB_QUEUE, useFactory: () => new InProcessQueue() }],
  exports: [JOB_QUEUE],
})
export class QueueModule implements OnApplicationShutdown {
  constructor(@Inject(JOB_QUEUE) private readonly queue: JobQueue) {}

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
