import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { AppConfig } from '../../common/config/app-config.js';
import { JOB_QUEUE, type JobQueue } from '../../common/queue/job-queue.js';
import { enqueueConnectorSync } from './connector-jobs.js';
import { ConnectorRuntimes } from './connector-runtimes.js';
import { ConnectorWatchers } from './connector-watchers.js';
import { ConnectorsRepository } from './connectors.repository.js';
import { describeError } from './describe-error.js';

/**
 * Where SCHEDULER_ENABLED: every tick enqueues one `connector.sync` job per due connector (the
 * job id is the connector id, so a connector waiting or running is not queued twice, even
 * across instances sharing Redis) and keeps the watches of watching adapters running.
 */
@Injectable()
export class ConnectorScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ConnectorScheduler.name);
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<void> | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly connectors: ConnectorsRepository,
    private readonly runtimes: ConnectorRuntimes,
    private readonly watchers: ConnectorWatchers,
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.env.SCHEDULER_ENABLED) return;
    this.timer = setInterval(() => void this.tick(), this.config.env.CONNECTOR_SCHEDULER_TICK_MS);
    this.timer.unref();
    void this.tick();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.ticking;
    await this.watchers.stopAll();
  }

  /** One round: skipped while the previous one still runs (a slow database). */
  tick(now = Date.now()): Promise<void> {
    if (this.ticking) return this.ticking;
    this.ticking = this.round(now)
      .catch((error: unknown) =>
        this.logger.error(`Connector scheduler round failed: ${describeError(error)}`),
      )
      .finally(() => {
        this.ticking = null;
      });
    return this.ticking;
  }

  private async round(now: number): Promise<void> {
    for (const connector of await this.connectors.findDue(now)) {
      if (!this.runtimes.adapterOf(connector.kind)?.pull) continue;
      await enqueueConnectorSync(this.queue, connector.id);
    }
    await this.watchers.ensure(await this.connectors.listEnabled(), now);
  }
}
