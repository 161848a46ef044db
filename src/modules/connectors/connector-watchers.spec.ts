import { describe, expect, it, jest } from '@jest/globals';
import type { AppConfig } from '../../common/config/app-config.js';
import type { JobQueue } from '../../common/queue/job-queue.js';
import type { ConnectorAdapter } from '../channels/channel-adapter.js';
import type { ConnectorEntity } from './connector.entity.js';
import { CONNECTOR_SYNC_JOB } from './connector-jobs.js';
import type { ConnectorRuntimes } from './connector-runtimes.js';
import { ConnectorWatchers } from './connector-watchers.js';

/** A watching adapter (like IMAP IDLE) whose live connections the test can see and poke. */
function setup(schedulerEnabled = true) {
  const live = new Map<string, () => void>();
  const stopped: string[] = [];
  let failNext = false;
  const adapter = {
    kind: 'email',
    secretFields: [],
    watch: jest.fn(async (connector: ConnectorEntity, _settings: unknown, onActivity: () => void) => {
      if (failNext) {
        failNext = false;
        throw new Error('IMAP server down');
      }
      live.set(connector.id, onActivity);
      return async () => {
        live.delete(connector.id);
        stopped.push(connector.id);
      };
    }),
  } as unknown as ConnectorAdapter<unknown>;
  const runtimes = {
    adapterOf: () => adapter,
    of: (connector: ConnectorEntity) => ({ connector, adapter, settings: {} }),
  } as unknown as ConnectorRuntimes;
  const enqueued: unknown[][] = [];
  const queue = {
    enqueue: async (...args: unknown[]) => {
      enqueued.push(args);
    },
  } as unknown as JobQueue;
  const config = { env: { SCHEDULER_ENABLED: schedulerEnabled } } as AppConfig;
  const watchers = new ConnectorWatchers(config, runtimes, queue);
  return { watchers, live, stopped, enqueued, adapter, failOnce: () => (failNext = true) };
}

const connector = (id: string, enabled = true) => ({ id, kind: 'email', enabled }) as ConnectorEntity;

describe('ConnectorWatchers', () => {
  it('starts a watch per enabled connector whose activity enqueues a collapsing sync job', async () => {
    const { watchers, live, enqueued } = setup();
    await watchers.ensure([connector('a'), connector('b', false)]);
    expect([...live.keys()]).toEqual(['a']);
    live.get('a')!();
    await Promise.resolve();
    expect(enqueued).toEqual([[CONNECTOR_SYNC_JOB, { connectorId: 'a' }, { jobId: 'a' }]]);
  });

  it('restarts on change, stops on disable, delete and shutdown', async () => {
    const { watchers, live, stopped, adapter } = setup();
    await watchers.ensure([connector('a'), connector('b')]);
    await watchers.refresh(connector('a'));
    expect(stopped).toEqual(['a']);
    expect(adapter.watch).toHaveBeenCalledTimes(3);
    await watchers.refresh(connector('a', false));
    expect(stopped).toEqual(['a', 'a']);
    expect(live.has('a')).toBe(false);
    await watchers.stop('b');
    await watchers.stopAll();
    expect(live.size).toBe(0);
    await watchers.ensure([connector('c')]);
    expect(live.size).toBe(0);
  });

  it('does not watch where schedulers are off', async () => {
    const { watchers, live } = setup(false);
    await watchers.ensure([connector('a')]);
    expect(live.size).toBe(0);
  });

  it('waits a minute before trying a failed watch again', async () => {
    const { watchers, live, failOnce } = setup();
    failOnce();
    const now = Date.now();
    await watchers.ensure([connector('a')], now);
    expect(live.size).toBe(0);
    await watchers.ensure([connector('a')], now + 1000);
    expect(live.size).toBe(0);
    await watchers.ensure([connector('a')], now + 61_000);
    expect(live.has('a')).toBe(true);
  });
});
