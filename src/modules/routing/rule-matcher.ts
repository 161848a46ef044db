import type { RoutingConditions } from './routing-rule.entity.js';

/** What routing may look at for one remark. */
export interface RoutingFacts {
  channel: string;
  connectorId: string | null;
  topic: string;
  sentiment: string;
  language: string;
  /** Subject and text; keywords are matched case-insensitively. */
  text: string;
  rating: number | null;
}

/** True when every condition the rule sets holds (keywords: any one of them appears). */
export function ruleMatches(conditions: RoutingConditions, facts: RoutingFacts, lowerText?: string): boolean {
  if (conditions.channel && conditions.channel !== facts.channel) return false;
  if (conditions.connectorId && conditions.connectorId !== facts.connectorId) return false;
  if (conditions.topic && conditions.topic !== facts.topic) return false;
  if (conditions.sentiment && conditions.sentiment !== facts.sentiment) return false;
  if (conditions.language && conditions.language !== facts.language) return false;
  if (conditions.maxRating !== undefined && conditions.maxRating !== null) {
    if (facts.rating === null || facts.rating > conditions.maxRating) return false;
  }
  if (conditions.keywords?.length) {
    const text = lowerText ?? facts.text.toLowerCase();
    if (!conditions.keywords.some((k) => k && text.includes(k.toLowerCase()))) return false;
  }
  return true;
}
