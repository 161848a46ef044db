import { Logger } from '@nestjs/common';
import type { JobHandler, JobOptions, JobQueue } from './job-queue.js';

interface Registered {
  handler: JobHandler<unknown>;
  concurrency: number;
  running: number;
  waiting: { payload: unknown; options: JobOptions; attempt: number }[];
}

/** The default queue: jobs run in this process, with retries, backoff and collapsing job ids. */
export class InProcessQueue implements JobQueue {
  private readonly logger = new Logger('Queue');
  private readonly jobs = new Map<string, Registered>();
  private readonly activeIds = new Set<string>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private pending = 0;
  private idleWaiters: (() => void)[] = [];
  private closed = false;

  register<T>(name: string, handler: JobHandler<T>, options: { concurrency?: number } = {}): void {
    if (this.jobs.has(name)) throw new Error(`Job ${name} has a handler already`);
    this.jobs.set(name, {
      handler: handler as JobHandler<unknown>,
      concurrency: options.concurrency ?? 1,
      running: 0,
      waiting: [],
    });
  }

  async enqueue<T>(name: string, payload: T, options: JobOptions = {}): Promise<void> {
    const job = this.jobs.get(name);
    if (!job) throw new Error(`No handler for job ${name}`);
    if (this.closed) return;
    const key = options.jobId ? `${name}:${options.jobId}` : undefined;
    if (key) {
      if (this.activeIds.has(key)) return;
      this.activeIds.add(key);
    }
    this.pending++;
    this.schedule(name, job, { payload, options, attempt: 1 }, options.delayMs ?? 0);
  }

  drain(): Promise<void> {
    return this.pending === 0 ? Promise.resolve() : new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    const running = [...this.jobs.values()].reduce((n, j) => n + j.running, 0);
    this.pending = running;
    if (running === 0) this.settle();
    await this.drain();
  }

  private schedule(
    name: string,
    job: Registered,
    entry: Registered['waiting'][number],
    delayMs: number,
  ): void {
    if (delayMs <= 0) {
      job.waiting.push(entry);
      this.pump(name, job);
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      job.waiting.push(entry);
      this.pump(name, job);
    }, delayMs);
    this.timers.add(timer);
  }

  private pump(name: string, job: Registered): void {
    while (!this.closed && job.running < job.concurrency && job.waiting.length > 0) {
      const entry = job.waiting.shift()!;
      job.running++;
      void this.run(name, job, entry);
    }
  }

  private async run(name: string, job: Registered, entry: Registered['waiting'][number]): Promise<void> {
    const { options, attempt } = entry;
    let retryIn: number | null = null;
    try {
      await job.handler(entry.payload, attempt);
    } catch (error) {
      const attempts = options.attempts ?? 1;
      if (attempt < attempts && !this.closed) {
        retryIn = (options.backoffMs ?? 1000) * 2 ** (attempt - 1);
        this.logger.warn(
          `Job ${name} failed (try ${attempt} of ${attempts}), retrying in ${retryIn} ms: ${String(error)}`,
        );
      } else {
        this.logger.error(`Job ${name} failed for good after ${attempt} tries: ${String(error)}`);
      }
    } finally {
      job.running--;
    }
    if (retryIn !== null) {
      this.schedule(name, job, { ...entry, attempt: attempt + 1 }, retryIn);
    } else {
      if (options.jobId) this.activeIds.delete(`${name}:${options.jobId}`);
      this.pending--;
      if (this.pending <= 0) this.settle();
    }
    this.pump(name, job);
  }

  private settle(): void {
    this.pending = Math.max(0, this.pending);
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
