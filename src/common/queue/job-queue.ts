/**
 * Background work as named jobs: ingestion batches, outbound replies, connector syncs, SLA checks,
 * retraining. In-process by default; BullMQ on Redis when REDIS_URL is set, so several instances
 * share the work. Handlers must be idempotent: a job may run again after a crash.
 */
export interface JobOptions {
  /** Deterministic id: enqueueing again while one with this id waits or runs collapses into it. */
  jobId?: string;
  /** Total tries including the first (default 1). */
  attempts?: number;
  /** Base delay for exponential backoff between tries (default 1000 ms). */
  backoffMs?: number;
  delayMs?: number;
}

export type JobHandler<T> = (payload: T, attempt: number) => Promise<void>;

export interface JobQueue {
  /** Registers the one handler of a job name; call at module init. */
  register<T>(name: string, handler: JobHandler<T>, options?: { concurrency?: number }): void;
  enqueue<T>(name: string, payload: T, options?: JobOptions): Promise<void>;
  /** Resolves when no job is waiting or running (tests, shutdown). */
  drain(): Promise<void>;
  close(): Promise<void>;
}

export const JOB_QUEUE = Symbol('JOB_QUEUE');
