import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { InProcessQueue } from './in-process-queue.js';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('InProcessQueue', () => {
  let queue: InProcessQueue;

  beforeEach(() => {
    queue = new InProcessQueue();
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(async () => {
    jest.useRealTimers();
    jest.restoreAllMocks();
    await queue.close();
  });

  it('runs a job with its payload and the try number; drain waits for it', async () => {
    const seen: [unknown, number][] = [];
    queue.register<{ n: number }>('work', async (payload, attempt) => {
      await tick();
      seen.push([payload, attempt]);
    });
    await queue.enqueue('work', { n: 1 });
    await queue.drain();
    expect(seen).toEqual([[{ n: 1 }, 1]]);
  });

  it('refuses unknown job names and a second handler for one name', async () => {
    await expect(queue.enqueue('nope', {})).rejects.toThrow(/No handler/);
    queue.register('once', async () => undefined);
    expect(() => queue.register('once', async () => undefined)).toThrow(/has a handler/);
  });

  it('retries a failing job with exponential backoff until it succeeds', async () => {
    jest.useFakeTimers({ now: 0 });
    const tries: number[] = [];
    queue.register('flaky', async (_payload, attempt) => {
      tries.push(Date.now());
      if (attempt < 3) throw new Error('not yet');
    });
    await queue.enqueue('flaky', {}, { attempts: 5, backoffMs: 100 });
    let drained = false;
    void queue.drain().then(() => (drained = true));
    await jest.advanceTimersByTimeAsync(99);
    expect(tries).toEqual([0]);
    await jest.advanceTimersByTimeAsync(1);
    expect(tries).toEqual([0, 100]);
    await jest.advanceTimersByTimeAsync(199);
    expect(tries).toHaveLength(2);
    await jest.advanceTimersByTimeAsync(1);
    expect(tries).toEqual([0, 100, 300]);
    await jest.advanceTimersByTimeAsync(0);
    expect(drained).toBe(true);
  });

  it('gives up after the last attempt, logs it, and frees the job id', async () => {
    let runs = 0;
    queue.register('broken', async () => {
      runs++;
      throw new Error('always');
    });
    await queue.enqueue('broken', {}, { jobId: 'x', attempts: 3, backoffMs: 1 });
    await queue.drain();
    expect(runs).toBe(3);
    expect(Logger.prototype.error).toHaveBeenCalledWith(
      expect.stringMatching(/failed for good after 3 tries/),
    );
    await queue.enqueue('broken', {}, { jobId: 'x' });
    await queue.drain();
    expect(runs).toBe(4);
  });

  it('collapses a job id enqueued again while it waits or runs, not after it finished', async () => {
    const payloads: unknown[] = [];
    let release!: () => void;
    queue.register<number>('sync', async (payload) => {
      payloads.push(payload);
      if (payload === 1) await new Promise<void>((resolve) => (release = resolve));
    });
    await queue.enqueue('sync', 1, { jobId: 'connector-1' });
    await queue.enqueue('sync', 2, { jobId: 'connector-1' });
    await tick();
    await queue.enqueue('sync', 3, { jobId: 'connector-1' });
    await queue.enqueue('sync', 4, { jobId: 'connector-2' });
    release();
    await queue.drain();
    expect(payloads).toEqual([1, 4]);
    await queue.enqueue('sync', 5, { jobId: 'connector-1' });
    await queue.drain();
    expect(payloads).toEqual([1, 4, 5]);
  });

  it('keeps to the concurrency of each job', async () => {
    let running = 0;
    let most = 0;
    const handler = async () => {
      most = Math.max(most, ++running);
      await tick();
      running--;
    };
    queue.register('serial', handler);
    for (let i = 0; i < 5; i++) await queue.enqueue('serial', i);
    await queue.drain();
    expect(most).toBe(1);
    most = 0;
    queue.register('parallel', handler, { concurrency: 3 });
    for (let i = 0; i < 6; i++) await queue.enqueue('parallel', i);
    await queue.drain();
    expect(most).toBe(3);
  });

  it('drains only when delayed jobs and jobs enqueued by jobs are done too', async () => {
    const done: string[] = [];
    queue.register('child', async () => {
      done.push('child');
    });
    queue.register('parent', async () => {
      done.push('parent');
      await queue.enqueue('child', {}, { delayMs: 20 });
    });
    await queue.enqueue('parent', {});
    await queue.drain();
    expect(done).toEqual(['parent', 'child']);
  });

  it('drain resolves at once when nothing is queued', async () => {
    await expect(queue.drain()).resolves.toBeUndefined();
  });

  it('on close waits for running jobs, drops waiting retries and ignores new work', async () => {
    let runs = 0;
    let release!: () => void;
    queue.register('slow', async () => {
      runs++;
      await new Promise<void>((resolve) => (release = resolve));
      throw new Error('fails, would retry');
    });
    queue.register('later', async () => {
      runs += 100;
    });
    await queue.enqueue('slow', {}, { attempts: 5, backoffMs: 10_000 });
    await queue.enqueue('later', {}, { delayMs: 10_000 });
    await tick();
    let closed = false;
    const closing = queue.close().then(() => (closed = true));
    await tick();
    expect(closed).toBe(false);
    release();
    await closing;
    expect(runs).toBe(1);
    await queue.enqueue('later', {});
    await queue.drain();
    expect(runs).toBe(1);
  });
});
