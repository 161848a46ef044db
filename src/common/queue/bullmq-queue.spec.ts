import { afterEach, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { BullMqQueue } from './bullmq-queue.js';

/** Runs against the Redis on this machine (127.0.0.1:6379, or TEST_REDIS_URL). */
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('BullMqQueue on Redis', () => {
  const queues: BullMqQueue[] = [];
  const make = (prefix = `test-${randomBytes(4).toString('hex')}`) => {
    const queue = new BullMqQueue(REDIS_URL, prefix);
    queues.push(queue);
    return queue;
  };
  afterEach(async () => {
    await Promise.all(queues.splice(0).map((q) => q.close()));
  });

  it('runs a job with its payload and retries a failing one with backoff', async () => {
    const queue = make();
    const seen: { n: number; attempt: number }[] = [];
    queue.register<{ n: number }>('work', async (payload, attempt) => {
      seen.push({ n: payload.n, attempt });
      if (attempt < 3) throw new Error('not yet');
    });
    await queue.enqueue('work', { n: 7 }, { attempts: 3, backoffMs: 10 });
    await queue.drain();
    expect(seen).toEqual([
      { n: 7, attempt: 1 },
      { n: 7, attempt: 2 },
      { n: 7, attempt: 3 },
    ]);
  }, 20_000);

  it('collapses jobs enqueued with the same id while the first waits', async () => {
    const prefix = `test-${randomBytes(4).toString('hex')}`;
    const producer = make(prefix);
    let runs = 0;
    producer.register('sync', async () => {
      runs++;
      await new Promise((r) => setTimeout(r, 100));
    });
    await Promise.all([1, 2, 3].map(() => producer.enqueue('sync', {}, { jobId: 'connector:1' })));
    await producer.drain();
    expect(runs).toBe(1);
  }, 20_000);

  it('shares work between two instances on one prefix', async () => {
    const prefix = `test-${randomBytes(4).toString('hex')}`;
    const done: string[] = [];
    const a = make(prefix);
    const b = make(prefix);
    a.register<{ id: number }>('job', async (p) => void done.push(`a${p.id}`));
    b.register<{ id: number }>('job', async (p) => void done.push(`b${p.id}`));
    for (let id = 0; id < 20; id++) await a.enqueue('job', { id }, { jobId: `job-${id}` });
    await a.drain();
    expect(done).toHaveLength(20);
    expect(new Set(done.map((d) => d.slice(1))).size).toBe(20);
  }, 20_000);
});
