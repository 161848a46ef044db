import { describe, expect, it } from '@jest/globals';
import { AppError } from '../errors/app-error.js';
import { MAX_BODY_DEPTH, wellFormed } from './well-formed-input.pipe.js';

describe('wellFormed', () => {
  it('replaces lone surrogates everywhere, keeping real pairs (emoji) and the rest', () => {
    const body = { name: 'a\ud800b', list: ['ok 😀', { deep: '\udc00\udc00' }], n: 3, none: null };
    expect(wellFormed(body)).toEqual({
      name: 'a\ufffdb',
      list: ['ok 😀', { deep: '\ufffd\ufffd' }],
      n: 3,
      none: null,
    });
    expect(wellFormed('x\ud83d')).toBe('x\ufffd');
  });

  it(`accepts ${MAX_BODY_DEPTH} levels and refuses more, however deep, without overflowing the stack`, () => {
    const nest = (levels: number) => {
      let value: unknown = 'leaf';
      for (let i = 0; i < levels; i++) value = [value];
      return value;
    };
    expect(() => wellFormed(nest(MAX_BODY_DEPTH))).not.toThrow();
    expect(() => wellFormed(nest(MAX_BODY_DEPTH + 1))).toThrow(AppError);
    expect(() => wellFormed(nest(200_000))).toThrow(/nested deeper/);
  });
});
