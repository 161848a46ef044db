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
// multiplied into the text model's probabilities.
const RATING_LIKELIHOOD: Record<number, [number, number, number]> = {
  1: [0.88, 0.09, 0.03],
  2: [0.72, 0.2, 0.08],
  3: [0.3, 0.45, 0.25],
  4: [0.08, 0.25, 0.67],
  5: [0.04, 0.12, 0.84],
};

// The text model is right about 70 % of the time on other people's reviews (0.67 on German hotel
// sentences, 0.70 on airline tweets), yet often 99 % sure of itself. Before the rating's prior is
// multiplied in, its probabilities are mixed with a uniform guess in that proportion, so a
// confident misreading cannot outvote the customer's own stars: with 1 star almost every text
// reads negative and with 5 almost every text positive; 2 and 4 stars set the direction, though a clearly
// neutral text stays neutral; with 3 stars the text decides.
const TEXT_RELIABILITY = 0.7;
const trusted = (p: number) => TEXT_RELIABILITY * p + (1 - TEXT_RELIABILITY) / 3;

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
    [neg, neu, pos] = [trusted(neg) * prior[0], trusted(neu) * prior[1], trusted(pos) * prior[2]];
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
