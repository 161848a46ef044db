import type { SentimentLabel } from '../../../../config/defaults.js';
import type { ClassificationResult, ClassifyHints } from '../classification.types.js';
import type { Prediction, TextClassifier } from './text-classifier.js';

/** Nothing to classify: an explicit answer rather than a guess from an empty feature vector. */
export function emptyResult(): ClassificationResult {
  return {
    language: 'other',
    sentiment: { label: 'neutral', score: 0 },
    topics: [{ id: 'other', confidence: 0 }],
    empty: true,
  };
}

const TOPICS_RETURNED = 3;

// How likely each sentiment (negative, neutral, positive) is given a star rating, as a prior
// multiplied into the text model's probabilities: 1–2 stars are rarely praise, yet a 4-star
// review can still complain about delivery, so the text keeps a say.
const RATING_LIKELIHOOD: Record<number, [number, number, number]> = {
  1: [0.88, 0.09, 0.03],
  2: [0.72, 0.2, 0.08],
  3: [0.3, 0.45, 0.25],
  4: [0.08, 0.25, 0.67],
  5: [0.04, 0.12, 0.84],
};

const round = (v: number) => Math.round(v * 1000) / 1000;

export function sentimentOf(
  prediction: Prediction,
  model: TextClassifier,
  rating?: number | null,
): ClassificationResult['sentiment'] {
  const probs = prediction.probs.sentiment;
  if (!probs) return { label: 'neutral', score: 0 };
  const classes = model.classes('sentiment');
  let neg = probs[classes.indexOf('negative')] ?? 0;
  let neu = probs[classes.indexOf('neutral')] ?? 0;
  let pos = probs[classes.indexOf('positive')] ?? 0;
  const stars = typeof rating === 'number' && Number.isFinite(rating) ? Math.round(rating) : undefined;
  const prior = stars !== undefined ? RATING_LIKELIHOOD[Math.min(5, Math.max(1, stars))] : undefined;
  if (prior) {
    [neg, neu, pos] = [neg * prior[0], neu * prior[1], pos * prior[2]];
    const sum = neg + neu + pos || 1;
    [neg, neu, pos] = [neg / sum, neu / sum, pos / sum];
  }
  const label: SentimentLabel = neg >= neu && neg >= pos ? 'negative' : pos > neu ? 'positive' : 'neutral';
  return { label, score: round(pos - neg) };
}

/** The full answer for one text: language, sentiment (blended with a rating), best topics. */
export function classifyWith(
  model: TextClassifier,
  text: string,
  hints?: ClassifyHints,
): ClassificationResult {
  if (typeof text !== 'string' || !text.trim()) return emptyResult();
  const prediction = model.predict(text);
  const topicProbs = prediction.probs.topic;
  const topicClasses = model.classes('topic');
  const topics = topicProbs
    ? Array.from(topicProbs, (p, i) => ({ id: topicClasses[i], confidence: p }))
        .sort((a, b) => b.confidence - a.confidence)
        .slice(0, TOPICS_RETURNED)
        .map((t) => ({ id: t.id, confidence: round(t.confidence) }))
    : [{ id: 'other', confidence: 0 }];
  return {
    language: prediction.language,
    sentiment: sentimentOf(prediction, model, hints?.rating),
    topics,
  };
}
