import { describe, expect, it } from '@jest/globals';
import { corsHeaders } from './webform-cors.js';

const ALLOWED = ['https://shop.example'];

describe('corsHeaders', () => {
  it('echoes an allowed origin, with methods and headers on a preflight', () => {
    expect(corsHeaders('https://shop.example', ALLOWED, true)).toEqual({
      Vary: 'Origin',
      'Access-Control-Allow-Origin': 'https://shop.example',
      'Access-Control-Allow-Methods': 'POST, OPTIONS',
      'Access-Control-Allow-Headers': 'Content-Type, Accept',
      'Access-Control-Max-Age': '600',
    });
    expect(corsHeaders('https://shop.example', ALLOWED, false)).toEqual({
      Vary: 'Origin',
      'Access-Control-Allow-Origin': 'https://shop.example',
    });
  });

  it('gives foreign, look-alike and missing origins no CORS header', () => {
    for (const origin of [
      'https://evil.example',
      'https://shop.example.evil.example',
      'http://shop.example',
      undefined,
    ])
      expect(corsHeaders(origin, ALLOWED, true)).toEqual({ Vary: 'Origin' });
  });

  it('lets any site post in the background while the form lists no origins', () => {
    expect(corsHeaders('https://any-shop.example', [], true)).toMatchObject({
      'Access-Control-Allow-Origin': 'https://any-shop.example',
      'Access-Control-Allow-Methods': 'POST, OPTIONS',
    });
    expect(corsHeaders(undefined, [], true)).toEqual({ Vary: 'Origin' });
  });
});
