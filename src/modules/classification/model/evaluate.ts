import { sentimentOf } from './classify.js';
import { toExamples } from './corpus.js';
import { score, type Scores } from './metrics.js';
import { TextClassifier } from './text-classifier.js';
import { train, type TrainOptions } from './train.js';

/** Label fields an evaluation file may carry; language is scored against the detector. */
export const LABEL_FIELDS = ['sentiment', 'topic', 'language'] as const;
export const TRAINABLE_FIELDS = ['sentiment', 'topic'];

type Row = Record<string, unknown>;

export interface EvalReport {
  n: number;
  [field: string]: unknown;
  perClass: Record<string, Scores['perClass']>;
}

export function fieldsPresent(rows: Row[], candidates: readonly string[]): string[] {
  return candidates.filter((f) => rows.some((r) => typeof r[f] === 'string' && r[f] !== ''));
}

/** The model's answer for each field of each row (argmax of the head; rating blended if asked). */
export function predictRows(
  model: TextClassifier,
  rows: Row[],
  fields: string[],
  useRating = false,
): string[][] {
  return rows.map((row) => {
    const text = typeof row.text === 'string' ? row.text : '';
    const prediction = model.predict(text);
    return fields.map((field) => {
      if (field === 'language') return prediction.language;
      if (field === 'sentiment' && useRating) {
        return sentimentOf(prediction, model, typeof row.rating === 'number' ? row.rating : null).label;
      }
      const probs = prediction.probs[field];
      if (!probs) return '';
      let best = 0;
      for (let i = 1; i < probs.length; i++) if (probs[i] > probs[best]) best = i;
      return model.classes(field)[best];
    });
  });
}

export function report(rows: Row[], fields: string[], predicted: string[][]): EvalReport {
  const out = { n: rows.length } as EvalReport;
  const perClass: EvalReport['perClass'] = {};
  fields.forEach((field, f) => {
    const gold: string[] = [];
    const guess: string[] = [];
    rows.forEach((row, i) => {
      if (typeof row[field] === 'string' && row[field] !== '' && predicted[i][f] !== '') {
        gold.push(row[field]);
        guess.push(predicted[i][f]);
      }
    });
    if (!gold.length) return;
    const s = score(gold, guess);
    out[field] = { accuracy: s.accuracy, macroF1: s.macroF1, n: gold.length };
    perClass[field] = s.perClass;
  });
  out.perClass = perClass;
  return out;
}

/** Deterministic shuffle (mulberry32) so folds do not follow the file's order. */
export function foldOf(n: number, k: number, seed = 20240601): Int32Array {
  let state = seed >>> 0;
  const rand = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const folds = new Int32Array(n);
  order.forEach((row, i) => (folds[row] = i % k));
  return folds;
}

/** k-fold cross-validation on one file: every row is predicted by a model that never saw it. */
export function crossValidate(
  rows: Row[],
  k: number,
  fields: string[],
  options: Omit<TrainOptions, 'heads'>,
  useRating = false,
): string[][] {
  const heads = fieldsPresent(rows, TRAINABLE_FIELDS);
  const folds = foldOf(rows.length, k);
  const predicted: string[][] = new Array<string[]>(rows.length);
  for (let fold = 0; fold < k; fold++) {
    const trainRows = rows.filter((_, i) => folds[i] !== fold);
    const testIdx = rows.map((_, i) => i).filter((i) => folds[i] === fold);
    const model = new TextClassifier(train(toExamples(trainRows, heads), { ...options, heads }));
    const out = predictRows(
      model,
      testIdx.map((i) => rows[i]),
      fields,
      useRating,
    );
    testIdx.forEach((row, j) => (predicted[row] = out[j]));
  }
  return predicted;
}
