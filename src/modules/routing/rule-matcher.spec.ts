import { describe, expect, it } from '@jest/globals';
import { type RoutingFacts, ruleMatches } from './rule-matcher.js';

const facts: RoutingFacts = {
  channel: 'feed',
  connectorId: 'c1',
  topic: 'delivery',
  sentiment: 'negative',
  language: 'de',
  text: 'Das Paket kam nie an. ANWALT eingeschaltet.',
  rating: 2,
};

describe('ruleMatches', () => {
  it('matches when every set condition holds', () => {
    expect(ruleMatches({}, facts)).toBe(true);
    expect(
      ruleMatches({ channel: 'feed', topic: 'delivery', sentiment: 'negative', language: 'de' }, facts),
    ).toBe(true);
    expect(ruleMatches({ channel: 'email' }, facts)).toBe(false);
    expect(ruleMatches({ connectorId: 'c2' }, facts)).toBe(false);
  });

  it('matches any keyword, ignoring case', () => {
    expect(ruleMatches({ keywords: ['anwalt', 'klage'] }, facts)).toBe(true);
    expect(ruleMatches({ keywords: ['klage'] }, facts)).toBe(false);
  });

  it('needs a rating at or below maxRating', () => {
    expect(ruleMatches({ maxRating: 2 }, facts)).toBe(true);
    expect(ruleMatches({ maxRating: 1 }, facts)).toBe(false);
    expect(ruleMatches({ maxRating: 5 }, { ...facts, rating: null })).toBe(false);
  });
});
