import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SENTIMENTS, TOPICS } from '../../../config/defaults.js';
import { badRequest } from '../../common/errors/app-error.js';
import { newId } from '../../database/columns.js';
import type { ClassificationResult, ClassifyHints, CorrectionInput } from './classification.types.js';
import { classifyWith } from './model/classify.js';
import { correctionExamples, DEFAULT_MODEL_PATH, loadCorpus } from './model/corpus.js';
import { TextClassifier } from './model/text-classifier.js';
import { trainInBackground, CORPUS_TRAINING } from './model/train.js';
import { MAX_CHARS } from './nlp/normalize.js';
import { TrainingExampleEntity } from './training-example.entity.js';
import { TrainingExamplesRepository } from './training-examples.repository.js';

/** Retrain after this many new corrections: often enough to learn, rarely enough to be cheap. */
export const RETRAIN_EVERY = 20;

// The shipped model is immutable and read-only: every app instance in a process shares one copy.
let shippedModel: TextClassifier | undefined;
function loadShippedModel(): TextClassifier {
  shippedModel ??= TextClassifier.load(DEFAULT_MODEL_PATH);
  return shippedModel;
}

@Injectable()
export class ClassificationService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ClassificationService.name);
  /** Replaced as a whole when a retrained model is ready: a request sees the old or the new one. */
  private model: TextClassifier;
  private correctionsSinceTraining = 0;
  private retraining: Promise<void> | null = null;
  private retrainQueued = false;
  private readonly shutdown = new AbortController();

  constructor(private readonly examples: TrainingExamplesRepository) {
    this.model = loadShippedModel();
  }

  /** Corrections stored before this start are learned again (in the background, not awaited). */
  async onApplicationBootstrap(): Promise<void> {
    if ((await this.examples.count()) > 0) void this.retrain();
  }

  onApplicationShutdown(): void {
    this.shutdown.abort();
  }

  /** Synchronous and fast (tens of microseconds): the ingestion pipeline calls it per remark. */
  classify(text: string, hints?: ClassifyHints): ClassificationResult {
    return classifyWith(this.model, text, hints);
  }

  /** Stores an agent's correction as a labeled example; every RETRAIN_EVERY of them retrain the model. */
  async recordCorrection(input: CorrectionInput): Promise<void> {
    const text = typeof input.text === 'string' ? input.text.slice(0, MAX_CHARS) : '';
    if (!text.trim()) throw badRequest('A correction needs the text of the remark');
    const topic = input.topic ?? null;
    const sentiment = input.sentiment ?? null;
    if (topic === null && sentiment === null) throw badRequest('A correction needs a topic or a sentiment');
    if (topic !== null && !(TOPICS as readonly string[]).includes(topic)) {
      throw badRequest(`topic must be one of ${TOPICS.join(', ')}`);
    }
    if (sentiment !== null && !(SENTIMENTS as readonly string[]).includes(sentiment)) {
      throw badRequest(`sentiment must be one of ${SENTIMENTS.join(', ')}`);
    }
    const language = input.language ?? this.classify(text).language;
    await this.examples.save(
      Object.assign(new TrainingExampleEntity(), {
        id: newId(),
        text,
        language: language.slice(0, 8),
        topic,
        sentiment,
        source: 'agent_correction',
        conversationId: input.conversationId ?? null,
        createdById: input.userId ?? null,
        createdAt: Date.now(),
      }),
    );
    if (++this.correctionsSinceTraining >= RETRAIN_EVERY) void this.retrain();
  }

  /**
   * Retrains from the default corpus plus all corrections and swaps the new model in. One run at
   * a time; a request for another while one runs is remembered and runs after it. Resolves when
   * the model in use includes everything stored before the call.
   */
  retrain(): Promise<void> {
    if (this.retraining) {
      this.retrainQueued = true;
      return this.retraining.then(() => this.retraining ?? undefined);
    }
    this.correctionsSinceTraining = 0;
    this.retraining = this.trainOnce()
      .catch((err: unknown) => {
        if (!this.shutdown.signal.aborted) this.logger.error(`Retraining failed: ${String(err)}`);
      })
      .finally(() => {
        this.retraining = null;
        if (this.retrainQueued && !this.shutdown.signal.aborted) {
          this.retrainQueued = false;
          void this.retrain();
        }
      });
    return this.retraining;
  }

  /** Resolves when no retraining runs or waits (tests, orderly shutdown). */
  async whenIdle(): Promise<void> {
    while (this.retraining) await this.retraining;
  }

  private async trainOnce(): Promise<void> {
    const started = Date.now();
    const corrections = correctionExamples(await this.examples.listAll());
    const corpus = loadCorpus();
    if (!corpus.length) {
      this.logger.warn('No training corpus found: keeping the shipped model');
      return;
    }
    const data = await trainInBackground(
      [...corpus, ...corrections],
      {
        ...CORPUS_TRAINING,
        heads: ['sentiment', 'topic'],
        lexicon: this.model.lexicon,
        features: this.model.features,
      },
      { signal: this.shutdown.signal },
    );
    this.model = new TextClassifier(data);
    this.logger.log(
      `Retrained on ${corpus.length} corpus lines and ${corrections.length} corrections in ${Date.now() - started} ms`,
    );
  }
}
