// `npm run classify:eval -- --data F.jsonl [--train T.jsonl | --cv 5] [--use-rating]`
// Prints one JSON object with accuracy and macro-F1 for every label field of F.
import { existsSync } from 'node:fs';
import { buildLexicon } from '../modules/classification/nlp/lexicon.js';
import {
  DEFAULT_MODEL_PATH,
  loadCorpus,
  readJsonl,
  toExamples,
} from '../modules/classification/model/corpus.js';
import {
  crossValidate,
  fieldsPresent,
  LABEL_FIELDS,
  predictRows,
  report,
  TRAINABLE_FIELDS,
} from '../modules/classification/model/evaluate.js';
import { TextClassifier } from '../modules/classification/model/text-classifier.js';
import { train, TRAINING_DEFAULTS, type TrainOptions } from '../modules/classification/model/train.js';
import { numberArg, parseArgs } from './cli-args.js';

/** A JSON-lines file, or with the name "corpus" the default training corpus. */
function readRows(path: string): Record<string, unknown>[] {
  if (path !== 'corpus') return readJsonl(path);
  return loadCorpus().map((e) => ({ text: e.text, ...e.labels }) as Record<string, unknown>);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const dataPath = args.get('data');
  // `--data corpus` stands for the default training corpus (for --cv estimates of the shipped model).
  if (!dataPath || (dataPath !== 'corpus' && !existsSync(dataPath))) {
    throw new Error('--data FILE.jsonl (or "corpus") is required and must exist');
  }
  const rows = readRows(dataPath);
  const fields = fieldsPresent(rows, LABEL_FIELDS);
  const useRating = args.has('use-rating');
  const started = Date.now();

  // Flags to explore settings by cross-validation (never on a test split).
  const l2 = numberArg(args, 'l2');
  const balance = numberArg(args, 'balance');
  const options: Omit<TrainOptions, 'heads'> = {
    ...TRAINING_DEFAULTS,
    lexicon: await buildLexicon(),
    // A given L2 is used as it is instead of being chosen by inner cross-validation.
    ...(l2 !== undefined ? { l2, l2Candidates: [] } : {}),
    ...(balance !== undefined ? { balance } : {}),
    features: {
      ...TRAINING_DEFAULTS.features,
      ...(args.has('char-min') ? { charMin: numberArg(args, 'char-min') } : {}),
      ...(args.has('char-max') ? { charMax: numberArg(args, 'char-max') } : {}),
      ...(args.has('char-weight') ? { charWeight: numberArg(args, 'char-weight') } : {}),
      ...(args.has('hash-bits') ? { hashBits: numberArg(args, 'hash-bits') } : {}),
    },
    ...(args.has('min-df') ? { minDf: numberArg(args, 'min-df') } : {}),
    ...(args.has('supervised') ? { supervisedWeight: numberArg(args, 'supervised') } : {}),
  };

  let predicted: string[][];
  let mode: string;
  const cv = numberArg(args, 'cv');
  if (cv !== undefined) {
    if (cv < 2) throw new Error('--cv needs at least 2 folds');
    predicted = crossValidate(rows, cv, fields, options, useRating);
    mode = `${cv}-fold cross-validation on ${dataPath}`;
  } else if (args.get('train')) {
    const trainPath = args.get('train')!;
    const trainRows = readRows(trainPath);
    const heads = fieldsPresent(trainRows, TRAINABLE_FIELDS);
    const model = new TextClassifier(train(toExamples(trainRows, heads), { ...options, heads }));
    predicted = predictRows(model, rows, fields, useRating);
    mode = `trained on ${trainPath} (${trainRows.length} rows)`;
  } else {
    predicted = predictRows(TextClassifier.load(DEFAULT_MODEL_PATH), rows, fields, useRating);
    mode = 'default model';
  }
  const result = report(rows, fields, predicted);
  console.log(JSON.stringify({ ...result, mode, seconds: (Date.now() - started) / 1000 }));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
