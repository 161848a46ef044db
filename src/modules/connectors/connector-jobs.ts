import type { JobQueue } from '../../common/queue/job-queue.js';

/** One "sync connector X" job; its id is the connector id, so enqueueing again collapses. */
export const CONNECTOR_SYNC_JOB = 'connector.sync';

export interface ConnectorSyncJob {
  connectorId: string;
}

export function enqueueConnectorSync(queue: JobQueue, connectorId: string): Promise<void> {
  return queue.enqueue<ConnectorSyncJob>(CONNECTOR_SYNC_JOB, { connectorId }, { jobId: connectorId });
}
