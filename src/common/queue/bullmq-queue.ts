import { Logger } from '@nestjs/common';
import { type ConnectionOptions, Queue, Worker } from 'bullmq';
import type { JobHandler, JobOptions, JobQueue } from './job-queue.js';

/** BullMQ forbids ':' in queue names and job ids. */
const safe = (value: string) => value.replace(/:/g, '_');

export function redisConnection(redisUrl: string): ConnectionOptions {
  const url = new URL(redisUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username || undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    tls: url.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
  };
}

/**
 * JobQueue on Redis with BullMQ, used when REDIS_URL is set: every instance runs workers on the
 * same queues, so work is shared, and a job id enqueued by two instances runs once. One queue per
 * job name keeps each job's concurrency separate.
 */
export class BullMqQueue implements JobQueue {
  private readonly logger = new Logger('Queue');
  private readonly connection: ConnectionOptions;
  private readonly queues = new Map<string, Queue>();
  private readonly workers: Worker[] = [];

  constructor(
    redisUrl: string,
    private readonly prefix = 'resonanz',
  ) {
    this.connection = redisConnection(redisUrl);
  }

  register<T>(name: string, handler: JobHandler<T>, options: { concurrency?: number } = {}): void {
    if (this.queues.has(name)) throw new Error(`Job ${name} has a handler already`);
    const queueName = `jobs-${safe(name)}`;
    const shared = { connection: this.connection, prefix: this.prefix };
    this.queues.set(name, new Queue(queueName, shared));
    const worker = new Worker(queueName, async (job) => handler(job.data as T, job.attemptsMade + 1), {
      ...shared,
      concurrency: options.concurrency ?? 1,
    });
    worker.on('failed', (job, error) =>
      this.logger.warn(`Job ${name} failed (try ${job?.attemptsMade ?? '?'}): ${error.message}`),
    );
    this.workers.push(worker);
  }

  async enqueue<T>(name: string, payload: T, options: JobOptions = {}): Promise<void> {
    const queue = this.queues.get(name);
    if (!queue) throw new Error(`No handler for job ${name}`);
    await queue.add(name, payload, {
      jobId: options.jobId ? safe(options.jobId) : undefined,
      attempts: options.attempts ?? 1,
      backoff: { type: 'exponential', delay: options.backoffMs ?? 1000 },
      delay: options.delayMs,
      removeOnComplete: true,
      removeOnFail: 1000,
    });
  }

  async drain(): Promise<void> {
    for (;;) {
      let busy = 0;
      for (const queue of this.queues.values()) {
        const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
        busy += Object.values(counts).reduce((a, b) => a + b, 0);
      }
      if (busy === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.close()));
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
  }
}
