import { describe, expect, it } from '@jest/globals';
import { extractRating, ratingFromElements, ratingFromText, toFiveStars } from './rating.js';

describe('ratingFromText', () => {
  it.each([
    ['★★☆☆☆ Refund still not processed', 2],
    ['★★★★★', 5],
    ['☆☆☆☆☆ nothing good', 0],
    ['★★★☆☆☆☆☆☆☆ ten-star scale', 1.5],
    ['⭐⭐⭐⭐ good', 4],
    ['Rated 2 out of 5', 2],
    ['rated 4.5 out of 5 by a customer', 4.5],
    ['Rated 8/10', 4],
    ['3 out of 5 stars', 3],
    ['2/5 stars. Late again', 2],
    ['Rating: 4/5', 4],
    ['2 von 5 Sternen', 2],
    ['Bewertung: 4,5 von 5', 4.5],
    ['3 von 5 Punkten', 3],
    ['1 Stern, nie wieder', 1],
    ['5 stars, would buy again', 5],
    ['a 4-star experience', 4],
  ])('%s → %s', (text, rating) => {
    expect(ratingFromText(text)).toBe(rating);
  });

  it.each([
    'Delivered in 2 days',
    'Order 12345 of 67890',
    'Rated 7 out of 5', // out of range
    '9 stars', // more than five stars without a scale
    'I give it 2/3 of a chance',
    '',
  ])('finds no rating in %p', (text) => {
    expect(ratingFromText(text)).toBeNull();
  });
});

describe('ratingFromElements', () => {
  it('reads App Store im:rating, RVW percentages, rev:rating with its maximum and Google overall', () => {
    expect(ratingFromElements({ 'im:rating': ['4'] })).toEqual({ rating: 4, source: 'im:rating' });
    expect(ratingFromElements({ 'rvw:rating': ['60'] })).toEqual({ rating: 3, source: 'rvw:rating' });
    expect(ratingFromElements({ 'rev:rating': ['8'], 'rev:maxRating': ['10'] })?.rating).toBe(4);
    expect(ratingFromElements({ ratings: [{ overall: [{ _: '9', $: { min: '1', max: '10' } }] }] })).toEqual({
      rating: 4.5,
      source: 'ratings.overall',
    });
    expect(ratingFromElements({ rating: [{ $: { value: '3', best: '5' } }] })?.rating).toBe(3);
    expect(ratingFromElements({ stars: ['4 out of 5'] })?.rating).toBe(4);
  });

  it('ignores values that are not ratings', () => {
    expect(ratingFromElements({ 'im:rating': ['lots'] })).toBeNull();
    expect(ratingFromElements({ 'im:rating': ['7'] })).toBeNull();
    expect(ratingFromElements({ rating: [{ _: '-1' }] })).toBeNull();
    expect(ratingFromElements({})).toBeNull();
  });
});

describe('extractRating', () => {
  it('prefers elements, then the title, then the text', () => {
    expect(
      extractRating({ elements: { 'im:rating': ['1'] }, title: '★★★★★', text: '3 von 5 Sternen' }),
    ).toEqual({
      rating: 1,
      source: 'im:rating',
    });
    expect(extractRating({ elements: {}, title: '★★★★★', text: '3 von 5 Sternen' })).toEqual({
      rating: 5,
      source: 'title',
    });
    expect(extractRating({ elements: {}, title: 'Okay', text: '3 von 5 Sternen' })).toEqual({
      rating: 3,
      source: 'text',
    });
    expect(extractRating({ elements: {}, title: null, text: null })).toBeNull();
  });
});

describe('toFiveStars', () => {
  it('scales to five stars with one decimal and rejects impossible scales', () => {
    expect(toFiveStars(7, 10)).toBe(3.5);
    expect(toFiveStars(2, 3)).toBe(3.3);
    expect(toFiveStars(1, 0)).toBeNull();
    expect(toFiveStars(Number.NaN)).toBeNull();
  });
});
