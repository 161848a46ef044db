import { join } from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { PROJECT_ROOT } from '../../../common/paths.js';
import { DEFAULT_MODEL_PATH, HELD_OUT_DIRS, heldOutOverlap, loadCorpus, readJsonl } from './corpus.js';
import { predictRows } from './evaluate.js';
import { score } from './metrics.js';
import { TextClassifier } from './text-classifier.js';

// Blind sets: remarks and reviews written apart from the corpus, never trained on
// (`classify:train` refuses corpus lines that appear here). The floors are the figures the
// default model must reach on other people's writing; a corpus or feature change that drops
// below them fails here rather than in production.
const BLIND_DIR = join(PROJECT_ROOT, 'test/fixtures/classification');

let model: TextClassifier;
beforeAll(() => {
  model = TextClassifier.load(DEFAULT_MODEL_PATH);
});

function macroF1(file: string, field: 'sentiment' | 'topic', useRating = false): number {
  const rows = readJsonl(join(BLIND_DIR, file));
  const predicted = predictRows(model, rows, [field], useRating).map((p) => p[0]);
  return score(
    rows.map((r) => String(r[field])),
    predicted,
  ).macroF1;
}

describe('the default model on blind test sets', () => {
  it.each(['blind-de.jsonl', 'blind-en.jsonl', 'blind-de-2.jsonl', 'blind-en-2.jsonl'])(
    'reads sentiment and topic of remarks in %s',
    (file) => {
      expect(macroF1(file, 'sentiment')).toBeGreaterThanOrEqual(0.85);
      expect(macroF1(file, 'topic')).toBeGreaterThanOrEqual(0.75);
    },
  );

  it.each(['blind-reviews-de.jsonl', 'blind-reviews-de-2.jsonl'])(
    'reads the sentiment of German product reviews in %s from their text, and better with their stars',
    (file) => {
      const textOnly = macroF1(file, 'sentiment');
      expect(textOnly).toBeGreaterThanOrEqual(0.65);
      expect(macroF1(file, 'sentiment', true)).toBeGreaterThan(textOnly + 0.1);
    },
  );
});

describe('the training corpus', () => {
  it('holds no line of a blind set or of the evaluation files, up to case and spacing', () => {
    const blind = String(readJsonl(join(BLIND_DIR, 'blind-de.jsonl'))[0].text);
    const disguised = `  ${blind.replace(/[a-z]/g, (c) => c.toUpperCase()).replace(/ /g, '\n ')} `;
    expect(heldOutOverlap([disguised, 'Eine ganz neue Zeile.'], HELD_OUT_DIRS)).toEqual([disguised]);
    expect(
      heldOutOverlap(
        loadCorpus().map((e) => e.text),
        HELD_OUT_DIRS,
      ),
    ).toEqual([]);
  });
});
