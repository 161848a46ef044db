import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, QueryRunner } from 'typeorm';

/** A FIFO lock: one holder at a time, the rest wait their turn. */
class Mutex {
  private tail: Promise<void> = Promise.resolve();

  async acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const previous = this.tail;
    this.tail = previous.then(() => next);
    await previous;
    return release;
  }
}

/**
 * TypeORM's SQLite driver has a single connection shared by every request. Two transactions
 * started by concurrent requests would interleave on it ("cannot start a transaction within a
 * transaction", or one request's savepoint committed by another). This makes them take turns:
 * `DataSource.transaction` and the implicit transactions of `save`/`remove` wait for a lock,
 * while transactions nested inside the holder's own work (recognised through AsyncLocalStorage,
 * or by the connection's depth for implicit ones) go straight through as savepoints.
 */
export function serializeSqliteTransactions(dataSource: DataSource): void {
  const mutex = new Mutex();
  const holder = new AsyncLocalStorage<true>();
  const manager = dataSource.manager;
  const transaction = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;

  (manager as { transaction: unknown }).transaction = async (...args: unknown[]) => {
    if (holder.getStore()) return transaction(...args);
    const release = await mutex.acquire();
    try {
      return await holder.run(true, () => transaction(...args));
    } finally {
      release();
    }
  };

  const runner = dataSource.createQueryRunner() as QueryRunner & { transactionDepth: number };
  const start = runner.startTransaction.bind(runner);
  const commit = runner.commitTransaction.bind(runner);
  const rollback = runner.rollbackTransaction.bind(runner);
  let implicitRelease: (() => void) | null = null;

  // Implicit transactions (repository.save outside DataSource.transaction) take the same lock for
  // as long as they are open.
  runner.startTransaction = async (isolation) => {
    if (!holder.getStore()) {
      implicitRelease = await mutex.acquire();
    }
    return start(isolation);
  };
  const finish = (end: () => Promise<void>) => async () => {
    try {
      await end();
    } finally {
      if (runner.transactionDepth === 0 && implicitRelease) {
        const release = implicitRelease;
        implicitRelease = null;
        release();
      }
    }
  };
  runner.commitTransaction = finish(commit);
  runner.rollbackTransaction = finish(rollback);
}
