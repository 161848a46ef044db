import { describe, expect, it } from '@jest/globals';
import { classifyWith } from './classify.js';
import { TextClassifier } from './text-classifier.js';
import { type LabeledExample, train, trainInBackground, type TrainOptions } from './train.js';

const lexicon = { de: [['gut', 0.4] as [string, number]], en: [['great', 0.8] as [string, number]] };
const options: TrainOptions = {
  heads: ['sentiment', 'topic'],
  lexicon,
  l2: 1e-3,
  maxIterations: 60,
  minDf: 1,
};

const examples: LabeledExample[] = [
  ['The parcel never arrived, tracking is stuck', 'negative', 'delivery'],
  ['Delivery was late again, courier lost my package', 'negative', 'delivery'],
  ['Fast delivery, the parcel came a day early', 'positive', 'delivery'],
  ['Where is my parcel? Tracking number please', 'neutral', 'delivery'],
  ['I was charged twice on my invoice', 'negative', 'billing'],
  ['Wrong amount on the invoice, please correct the bill', 'negative', 'billing'],
  ['Thanks, the invoice is correct and paid', 'positive', 'billing'],
  ['Can I pay the invoice by bank transfer?', 'neutral', 'billing'],
  ['Das Paket kam nie an, die Sendungsverfolgung hängt', 'negative', 'delivery'],
  ['Lieferung super schnell, Paket war am nächsten Tag da', 'positive', 'delivery'],
  ['Die Rechnung ist doppelt abgebucht worden', 'negative', 'billing'],
  ['Kann ich die Rechnung per Überweisung zahlen?', 'neutral', 'billing'],
].map(([text, sentiment, topic]) => ({ text, labels: { sentiment, topic } }));

describe('training', () => {
  it('is deterministic: same examples in any order give the same model, byte for byte', () => {
    const a = JSON.stringify(train(examples, options));
    const b = JSON.stringify(train([...examples].reverse(), options));
    expect(b).toBe(a);
  });

  it('gives the same model in the background as in one go', async () => {
    const direct = JSON.stringify(train(examples, options));
    const background = JSON.stringify(await trainInBackground(examples, options, { sliceMs: 1 }));
    expect(background).toBe(direct);
  });

  it('learns labels of any name per head and skips examples without one', () => {
    const mixed = [
      ...examples,
      { text: 'only a topic here about the invoice', labels: { topic: 'billing' } },
      { text: 'Room was lovely', labels: { sentiment: 'positive', topic: 'ZIMMER' } },
    ];
    const data = train(mixed, options);
    expect(data.heads.topic.classes).toEqual(['ZIMMER', 'billing', 'delivery']);
    expect(data.trainedOn.perHead.sentiment.positive).toBe(4);
    const model = new TextClassifier(data);
    expect(model.classes('sentiment')).toEqual(['negative', 'neutral', 'positive']);
  });

  it('produces a model that fits its training data', () => {
    const model = new TextClassifier(train(examples, options));
    const result = classifyWith(model, 'The parcel never arrived');
    expect(result.topics[0].id).toBe('delivery');
    expect(result.sentiment.label).toBe('negative');
    expect(classifyWith(model, 'Die Rechnung ist doppelt abgebucht').topics[0].id).toBe('billing');
  });

  it('picks its L2 by inner cross-validation: weak for clean labels, strong for noise', () => {
    // Every text names its topic with one of a few words: held-out texts are predictable.
    const words = { delivery: ['parcel', 'courier', 'tracking'], billing: ['invoice', 'charged', 'payment'] };
    const fillers = ['today', 'again', 'please check', 'my order', 'last week', 'still open'];
    const clean: LabeledExample[] = Object.entries(words).flatMap(([topic, list]) =>
      list.flatMap((word) => fillers.map((filler) => ({ text: `${word} ${filler}`, labels: { topic } }))),
    );
    const tuned = { ...options, heads: ['topic'], l2Candidates: [1e-4, 1e-2, 1], innerFolds: 3 };
    const model = train(clean, tuned);
    expect(model.heads.topic.l2).toBe(1e-4);
    // The same texts with topics that follow nothing in them: nothing generalises, so the
    // held-out loss is lowest with the weights pressed towards zero.
    const noisy = clean.map((e, i) => ({ ...e, labels: { topic: i % 7 < 3 ? 'billing' : 'delivery' } }));
    expect(train(noisy, tuned).heads.topic.l2).toBe(1);
    expect(JSON.stringify(train([...clean].reverse(), tuned))).toBe(JSON.stringify(model));
  });

  it('stops with an error when aborted (app shutdown)', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      trainInBackground(examples, options, { sliceMs: 0, signal: controller.signal }),
    ).rejects.toThrow();
  });
});
