import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../common/config/app-config.js';
import { JOB_QUEUE, type JobQueue } from '../../common/queue/job-queue.js';
import type { ConnectorEntity } from './connector.entity.js';
import { enqueueConnectorSync } from './connector-jobs.js';
import { ConnectorRuntimes } from './connector-runtimes.js';
import { describeError } from './describe-error.js';

/** How long to wait before trying again to start a watch that failed (server down, bad login). */
const RETRY_AFTER_MS = 60_000;

/**
 * Live connections of adapters that can watch (IMAP IDLE): one per enabled connector, started
 * only where schedulers run, restarted when the connector changes, stopped on delete, disable
 * and shutdown. Activity enqueues a sync; the sync itself takes the lock as usual.
 */
@Injectable()
export class ConnectorWatchers {
  private readonly logger = new Logger(ConnectorWatchers.name);
  private readonly stops = new Map<string, Promise<(() => Promise<void>) | null>>();
  private readonly failedAt = new Map<string, number>();
  private closed = false;

  constructor(
    private readonly config: AppConfig,
    private readonly runtimes: ConnectorRuntimes,
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
  ) {}

  private get active(): boolean {
    return this.config.env.SCHEDULER_ENABLED && !this.closed;
  }

  /** Starts watches for these connectors where one should run and none does (retrying failures). */
  async ensure(connectors: ConnectorEntity[], now = Date.now()): Promise<void> {
    for (const connector of connectors) {
      if (this.stops.has(connector.id)) continue;
      if (now - (this.failedAt.get(connector.id) ?? 0) < RETRY_AFTER_MS) continue;
      await this.start(connector);
    }
  }

  /** After a create or update: stop the old watch and start one with the new settings. */
  async refresh(connector: ConnectorEntity): Promise<void> {
    await this.stop(connector.id);
    this.failedAt.delete(connector.id);
    await this.start(connector);
  }

  async stop(connectorId: string): Promise<void> {
    const pending = this.stops.get(connectorId);
    if (!pending) return;
    this.stops.delete(connectorId);
    const stop = await pending;
    await stop?.().catch((error: unknown) =>
      this.logger.warn(`Stopping the watch of connector ${connectorId} failed: ${describeError(error)}`),
    );
  }

  async stopAll(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.stops.keys()].map((id) => this.stop(id)));
  }

  private async start(connector: ConnectorEntity): Promise<void> {
    if (!this.active || !connector.enabled) return;
    const adapter = this.runtimes.adapterOf(connector.kind);
    if (!adapter?.watch) return;
    const starting = this.open(connector);
    this.stops.set(connector.id, starting);
    if ((await starting) === null && this.stops.get(connector.id) === starting)
      this.stops.delete(connector.id);
  }

  private async open(connector: ConnectorEntity): Promise<(() => Promise<void>) | null> {
    try {
      const { adapter, settings } = this.runtimes.of(connector);
      const onActivity = () => {
        enqueueConnectorSync(this.queue, connector.id).catch((error: unknown) =>
          this.logger.warn(`Could not enqueue a sync of connector ${connector.id}: ${describeError(error)}`),
        );
      };
      return await adapter.watch!(connector, settings, onActivity);
    } catch (error) {
      this.logger.warn(`Watching connector ${connector.id} failed, polling only: ${describeError(error)}`);
      this.failedAt.set(connector.id, Date.now());
      return null;
    }
  }
}
