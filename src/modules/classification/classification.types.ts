import type { SentimentLabel } from '../../../config/defaults.js';

/** What the classifier says about one remark; the shape the rest of the app codes against. */
export interface ClassificationResult {
  /** 'de', 'en', or 'other'. */
  language: string;
  sentiment: { label: SentimentLabel; score: number };
  /** Best first; confidences are probabilities in [0, 1]. */
  topics: { id: string; confidence: number }[];
  /** Set when there was nothing to classify (empty or whitespace-only text). */
  empty?: boolean;
}

export interface ClassifyHints {
  /** Star rating 1–5 when the channel has one (review feeds). */
  rating?: number | null;
}

/** An agent's correction of what the classifier said about a remark. */
export interface CorrectionInput {
  text: string;
  language?: string | null;
  topic?: string | null;
  sentiment?: string | null;
  conversationId?: string | null;
  userId?: string | null;
}
