// `npm run classify:train [-- --out FILE]`: rebuilds the default model from the corpus.
// Deterministic: the corpus is read in sorted order and training has no randomness, so the same
// corpus gives the same file byte for byte.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  DEFAULT_MODEL_PATH,
  HELD_OUT_DIRS,
  heldOutOverlap,
  loadCorpus,
} from '../modules/classification/model/corpus.js';
import { train, CORPUS_TRAINING } from '../modules/classification/model/train.js';
import { buildLexicon } from '../modules/classification/nlp/lexicon.js';
import { parseArgs } from './cli-args.js';

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const out = resolve(args.get('out') ?? DEFAULT_MODEL_PATH);
  const started = Date.now();
  const corpus = loadCorpus();
  if (!corpus.length) throw new Error('The training corpus is empty');
  const overlap = heldOutOverlap(
    corpus.map((e) => e.text),
    HELD_OUT_DIRS,
  );
  if (overlap.length) {
    throw new Error(
      `${overlap.length} corpus lines are evaluation or blind test data, e.g. "${overlap[0].slice(0, 80)}"`,
    );
  }
  const data = train(corpus, {
    ...CORPUS_TRAINING,
    heads: ['sentiment', 'topic'],
    lexicon: await buildLexicon(),
  });
  const json = JSON.stringify(data);
  writeFileSync(out, json + '\n');
  console.log(
    JSON.stringify({
      out,
      examples: data.trainedOn.examples,
      digest: data.trainedOn.digest,
      perHead: data.trainedOn.perHead,
      megabytes: Math.round(json.length / 10_000) / 100,
      seconds: (Date.now() - started) / 1000,
    }),
  );
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
