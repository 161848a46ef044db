import { Injectable } from '@nestjs/common';
import type { Counter } from 'prom-client';
import { DataSource } from 'typeorm';
import { MetricsService } from '../../common/metrics/metrics.service.js';
import type { ClassificationResult } from '../classification/classification.types.js';
import { BatchWriter } from './batch-writer.js';
import { type NormalizedRemark, normalizeRemark } from './normalize.js';
import type { IngestResult, RawRemark, RemarkOutcome } from './raw-remark.js';
import { IngestionRepository } from './ingestion.repository.js';
import { RemarkClassifier } from './remark-classifier.js';
import { Semaphore } from './semaphore.js';

/** Remarks per transaction: big enough for few round trips, small enough to keep locks short. */
export const INGEST_BATCH_SIZE = 1000;
/**
 * Remarks classified between yields to the event loop. Classifying a whole batch in one go would
 * hold back the transaction in flight (its next query waits for the loop) and leave the database
 * idle; in slices, the two work side by side on two cores.
 */
const CLASSIFY_SLICE = 50;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A batch normalised and classified, waiting for its transaction. */
interface PreparedBatch {
  now: number;
  offset: number;
  failed: RemarkOutcome[];
  valid: NormalizedRemark[];
  classified: Map<number, ClassificationResult>;
  channels: string[];
}

/**
 * The one way a remark enters the database: normalise → dedupe → contact → thread → classify →
 * route → due time → persist (one transaction per batch) → events. Idempotent on
 * (connector or "api", external id); a remark that cannot be stored fails alone, with a reason.
 */
@Injectable()
export class IngestionService {
  private readonly counter: Counter<string>;
  /**
   * Batch transactions at once, and batches prepared ahead. PostgreSQL: two, so one batch's
   * queries run while this thread plans and serialises the other (100k remarks: 4,416 → 6,560/s;
   * contacts are inserted in key order so the two never deadlock). SQLite has one connection, its
   * transactions take turns anyway: a second batch only waits (8,193 → 7,615/s).
   */
  private readonly concurrentBatches: number;
  private readonly writers: Semaphore;

  constructor(
    private readonly writer: BatchWriter,
    private readonly classifier: RemarkClassifier,
    private readonly repository: IngestionRepository,
    dataSource: DataSource,
    metrics: MetricsService,
  ) {
    this.concurrentBatches = dataSource.options.type === 'postgres' ? 2 : 1;
    this.writers = new Semaphore(this.concurrentBatches);
    this.counter = metrics.counter('resonanz_remarks_total', 'Remarks through the ingestion pipeline', [
      'channel',
      'outcome',
    ]);
  }

  /**
   * Resolves after the remarks are committed, so a connector may then advance its cursor. The
   * next batch is normalised and classified (CPU) while earlier ones are being written.
   */
  async ingest(remarks: RawRemark[]): Promise<IngestResult> {
    const outcomes: RemarkOutcome[] = [];
    const inFlight: Promise<RemarkOutcome[]>[] = [];
    for (let start = 0; start < remarks.length; start += INGEST_BATCH_SIZE) {
      const prepared = await this.prepare(remarks.slice(start, start + INGEST_BATCH_SIZE), start);
      inFlight.push(this.writers.run(() => this.commitPrepared(prepared)));
      if (inFlight.length > this.concurrentBatches) outcomes.push(...(await inFlight.shift()!));
    }
    for (const batch of inFlight) outcomes.push(...(await batch));
    outcomes.sort((a, b) => a.index - b.index);
    return {
      ingested: outcomes.filter((o) => o.status === 'ingested').length,
      duplicates: outcomes.filter((o) => o.status === 'duplicate').length,
      failed: outcomes.flatMap((o) =>
        o.status === 'failed' ? [{ index: o.index, message: o.message }] : [],
      ),
      outcomes,
    };
  }

  /**
   * A reference taken from the sequence and never used: a decoy for bots (honeypot) that looks
   * like the real ones around it. It leaves a gap, as a rolled-back batch does.
   */
  async reserveUnusedReference(): Promise<string> {
    return `R-${await this.repository.reserveReferenceNumbers(1)}`;
  }

  /** Normalises and classifies a batch (classification may be wasted on duplicates; it is cheap). */
  private async prepare(raws: RawRemark[], offset: number): Promise<PreparedBatch> {
    const now = Date.now();
    const failed: RemarkOutcome[] = [];
    const valid: NormalizedRemark[] = [];
    const classified = new Map<number, ClassificationResult>();
    for (let i = 0; i < raws.length; i++) {
      if (i > 0 && i % CLASSIFY_SLICE === 0) await yieldToEventLoop();
      const result = normalizeRemark(raws[i], offset + i, now);
      if (!result.ok) {
        failed.push({ index: offset + i, status: 'failed', message: result.message });
        continue;
      }
      valid.push(result.remark);
      if (!result.remark.suppress) this.classifier.classify(result.remark, classified);
    }
    const channels = raws.map((raw) => (typeof raw?.channel === 'string' ? raw.channel : 'unknown'));
    return { now, offset, failed, valid, classified, channels };
  }

  private async commitPrepared(batch: PreparedBatch): Promise<RemarkOutcome[]> {
    const outcomes = [...batch.failed];
    if (batch.valid.length)
      outcomes.push(...(await this.writer.commit(batch.valid, batch.now, batch.classified)));
    for (const outcome of outcomes) {
      this.counter.inc({
        channel: batch.channels[outcome.index - batch.offset] ?? 'unknown',
        outcome: outcome.status,
      });
    }
    return outcomes;
  }
}
