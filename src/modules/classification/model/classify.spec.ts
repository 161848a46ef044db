import { beforeAll, describe, expect, it } from '@jest/globals';
import { TOPICS } from '../../../../config/defaults.js';
import { classifyWith } from './classify.js';
import { DEFAULT_MODEL_PATH } from './corpus.js';
import { TextClassifier } from './text-classifier.js';

let model: TextClassifier;
beforeAll(() => {
  model = TextClassifier.load(DEFAULT_MODEL_PATH);
});

function expectWellFormed(result: ReturnType<typeof classifyWith>) {
  expect(['de', 'en', 'other']).toContain(result.language);
  expect(['negative', 'neutral', 'positive']).toContain(result.sentiment.label);
  expect(result.sentiment.score).toBeGreaterThanOrEqual(-1);
  expect(result.sentiment.score).toBeLessThanOrEqual(1);
  expect(result.topics.length).toBeGreaterThan(0);
  for (const topic of result.topics) {
    expect(TOPICS).toContain(topic.id);
    expect(topic.confidence).toBeGreaterThanOrEqual(0);
    expect(topic.confidence).toBeLessThanOrEqual(1);
  }
}

describe('the default model', () => {
  it('answers empty and whitespace text with an explicit empty result', () => {
    for (const text of ['', '   ', '\n\t\r ']) {
      expect(classifyWith(model, text)).toEqual({
        language: 'other',
        sentiment: { label: 'neutral', score: 0 },
        topics: [{ id: 'other', confidence: 0 }],
        empty: true,
      });
    }
    expect(classifyWith(model, undefined as unknown as string).empty).toBe(true);
  });

  it('answers huge text quickly (only the first 20k characters are read)', () => {
    const huge = 'Die Rechnung ist falsch und die Lieferung kam zu spät. '.repeat(20_000);
    const started = Date.now();
    const result = classifyWith(model, huge);
    expect(Date.now() - started).toBeLessThan(1000);
    expectWellFormed(result);
    expect(result.language).toBe('de');
  });

  it('answers binary garbage, control characters, lone surrogates and emoji-only text', () => {
    const garbage = Array.from({ length: 30_000 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join(
      '',
    );
    for (const text of [
      garbage,
      '\u0000\u0001\u0002\ufffd',
      '\ud800\udc00\ud800',
      '🙂🙂🙂',
      '😡🤬',
      '!!!',
      '42',
    ]) {
      expectWellFormed(classifyWith(model, text));
    }
    expect(classifyWith(model, '😡😡😡🤬').sentiment.label).toBe('negative');
    expect(classifyWith(model, '😍😍👍').sentiment.label).toBe('positive');
  });

  it('answers mixed-language text', () => {
    expectWellFormed(classifyWith(model, 'Die Ware ist super, but the delivery was a disaster. Merci!'));
  });

  it('reads negation', () => {
    expect(classifyWith(model, 'Der Kundenservice war wirklich nicht gut.').sentiment.label).toBe('negative');
    expect(classifyWith(model, 'The support was great and very helpful.').sentiment.label).toBe('positive');
  });

  it('blends a star rating into the sentiment', () => {
    const text = 'Die Lieferung kam am Dienstag.';
    const low = classifyWith(model, text, { rating: 1 }).sentiment;
    const high = classifyWith(model, text, { rating: 5 }).sentiment;
    expect(low.label).toBe('negative');
    expect(high.label).toBe('positive');
    expect(classifyWith(model, text, { rating: null })).toEqual(classifyWith(model, text));
    expectWellFormed(classifyWith(model, text, { rating: Number.NaN }));
    expectWellFormed(classifyWith(model, text, { rating: 17 }));
  });

  it('lets 1 and 5 stars outvote a confident reading of the text, and 3 stars leave it to the text', () => {
    const praise = 'Super App, tolle Preise';
    const complaint = 'Leider kaputt angekommen.';
    expect(classifyWith(model, praise).sentiment.label).toBe('positive');
    expect(classifyWith(model, complaint).sentiment.label).toBe('negative');
    expect(classifyWith(model, praise, { rating: 1 }).sentiment.label).toBe('negative');
    expect(classifyWith(model, complaint, { rating: 5 }).sentiment.label).toBe('positive');
    expect(classifyWith(model, praise, { rating: 3 }).sentiment.label).toBe('positive');
    expect(classifyWith(model, complaint, { rating: 3 }).sentiment.label).toBe('negative');
  });

  it('ranks topics best first', () => {
    const { topics } = classifyWith(model, 'Bitte löschen Sie alle meine Daten gemäß DSGVO.');
    expect(topics[0].id).toBe('privacy');
    expect(topics.map((t) => t.confidence)).toEqual(
      [...topics.map((t) => t.confidence)].sort((a, b) => b - a),
    );
  });
});
