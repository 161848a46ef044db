import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { badRequest, conflict, notFound } from '../../common/errors/app-error.js';
import { MetricsService } from '../../common/metrics/metrics.service.js';
import { JOB_QUEUE, type JobQueue } from '../../common/queue/job-queue.js';
import type { SyncResult } from '../channels/channel-adapter.js';
import { IngestionService } from '../ingestion/ingestion.service.js';
import type { IngestResult, RawRemark } from '../ingestion/raw-remark.js';
import type { ConnectorEntity } from './connector.entity.js';
import { CONNECTOR_SYNC_JOB, type ConnectorSyncJob } from './connector-jobs.js';
import { ConnectorRuntimes } from './connector-runtimes.js';
import { ConnectorsRepository } from './connectors.repository.js';
import { describeError } from './describe-error.js';
import type { ConnectorSyncResultDto } from './dto/connector.dto.js';

/** A lock outlives a crashed holder by at most this long; a live holder keeps extending it. */
const LOCK_TTL_MS = 2 * 60_000;
const LOCK_HEARTBEAT_MS = LOCK_TTL_MS / 4;

type RunOutcome = ConnectorSyncResultDto | 'busy';

/**
 * Runs one pull of a connector: takes the connector's lock in the database (so two instances
 * never sync one connector at once), hands the adapter a run whose `ingest` is the ingestion
 * pipeline and whose `saveCursor` persists the cursor, then records the outcome in the
 * connector's status. A failing pull never escapes: it becomes state "error" with lastError.
 */
@Injectable()
export class ConnectorSyncService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ConnectorSyncService.name);
  /** Who holds a lock: unique per app instance, readable in the database when debugging. */
  readonly instanceId = `${hostname().slice(0, 40)}:${process.pid}:${randomBytes(4).toString('hex')}`;
  private readonly running = new Map<string, { abort: AbortController; done: Promise<RunOutcome> }>();
  private readonly syncs;

  constructor(
    private readonly connectors: ConnectorsRepository,
    private readonly runtimes: ConnectorRuntimes,
    private readonly ingestion: IngestionService,
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
    metrics: MetricsService,
  ) {
    this.syncs = metrics.counter('resonanz_connector_syncs_total', 'Connector pulls by kind and outcome', [
      'kind',
      'outcome',
    ]);
  }

  onModuleInit(): void {
    this.queue.register<ConnectorSyncJob>(CONNECTOR_SYNC_JOB, (job) => this.runJob(job), { concurrency: 4 });
  }

  /** Shutdown: ask running pulls to stop and wait for them, so no run writes after the database closes. */
  async onModuleDestroy(): Promise<void> {
    const runs = [...this.running.values()];
    for (const run of runs) run.abort.abort(new Error('The application is shutting down'));
    await Promise.allSettled(runs.map((run) => run.done));
  }

  /**
   * POST /api/connectors/:id/sync: one pull now, awaited. A connector that another run is
   * syncing answers 409 (the caller may retry); a failed pull answers 200 with `error` set.
   */
  async syncNow(id: string): Promise<ConnectorSyncResultDto> {
    const connector = await this.connectors.findById(id);
    if (!connector) throw notFound('Connector');
    const adapter = this.runtimes.adapterOf(connector.kind);
    if (!adapter) throw badRequest(`No channel adapter for connector kind ${connector.kind} is loaded`);
    if (!adapter.pull)
      throw badRequest(
        `A ${connector.kind} connector cannot be synced: it has nothing to pull (remarks arrive as they are sent)`,
      );
    if (!connector.enabled) throw badRequest('The connector is disabled; enable it before syncing');
    const outcome = await this.run(connector);
    if (outcome === 'busy')
      throw conflict('This connector is being synced right now; try again when that run has finished');
    return outcome;
  }

  /** The `connector.sync` job: quietly skips connectors that are gone, disabled, unpollable or busy. */
  async runJob(job: ConnectorSyncJob): Promise<void> {
    const connector = await this.connectors.findById(job.connectorId);
    if (!connector?.enabled || !this.runtimes.adapterOf(connector.kind)?.pull) return;
    const outcome = await this.run(connector);
    if (outcome === 'busy') this.logger.debug(`Connector ${connector.id} is being synced elsewhere; skipped`);
  }

  private async run(connector: ConnectorEntity): Promise<RunOutcome> {
    const now = Date.now();
    if (!(await this.connectors.tryLock(connector.id, this.instanceId, now, now + LOCK_TTL_MS)))
      return 'busy';
    const abort = new AbortController();
    const heartbeat = setInterval(() => void this.extendLock(connector.id, abort), LOCK_HEARTBEAT_MS);
    heartbeat.unref();
    const done = this.pullAndRecord(connector, abort.signal);
    this.running.set(connector.id, { abort, done });
    try {
      return await done;
    } finally {
      clearInterval(heartbeat);
      this.running.delete(connector.id);
      await this.connectors
        .unlock(connector.id, this.instanceId)
        .catch((error: unknown) =>
          this.logger.warn(`Unlocking connector ${connector.id}: ${describeError(error)}`),
        );
    }
  }

  private async pullAndRecord(
    connector: ConnectorEntity,
    signal: AbortSignal,
  ): Promise<ConnectorSyncResultDto> {
    const tally = { ingested: 0, duplicates: 0, failed: 0 };
    const ingest = async (remarks: RawRemark[]): Promise<IngestResult> => {
      const result = await this.ingestion.ingest(remarks);
      tally.ingested += result.ingested;
      tally.duplicates += result.duplicates;
      tally.failed += result.failed.length;
      return result;
    };
    try {
      const { adapter, settings } = this.runtimes.of(connector);
      const result: SyncResult = await adapter.pull!({
        connector,
        settings,
        ingest,
        saveCursor: (cursor) => this.connectors.saveCursor(connector.id, cursor),
        signal,
      });
      await this.connectors.recordSyncSuccess(
        connector.id,
        tally.ingested,
        Date.now(),
        this.runtimes.nextSyncAt(connector),
      );
      this.syncs.inc({ kind: connector.kind, outcome: 'ok' });
      return {
        fetched: result.fetched,
        ingested: result.ingested,
        duplicates: result.duplicates,
        failed: result.failed,
      };
    } catch (error) {
      const message = describeError(error);
      this.logger.warn(`Sync of connector ${connector.id} (${connector.kind}) failed: ${message}`);
      this.syncs.inc({ kind: connector.kind, outcome: 'error' });
      await this.connectors
        .recordSyncFailure(
          connector.id,
          message,
          tally.ingested,
          Date.now(),
          this.runtimes.nextSyncAt(connector),
        )
        .catch((e: unknown) =>
          this.logger.error(`Recording the failed sync of ${connector.id}: ${describeError(e)}`),
        );
      return { fetched: 0, ...tally, error: message };
    }
  }

  private async extendLock(connectorId: string, abort: AbortController): Promise<void> {
    const held = await this.connectors
      .extendLock(connectorId, this.instanceId, Date.now() + LOCK_TTL_MS)
      .catch(() => true);
    // Someone else took the lock (ours expired): stop rather than sync alongside them.
    if (!held) abort.abort(new Error('The sync lock was lost'));
  }
}
