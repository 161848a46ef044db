import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.js';
import { translate, type Translate } from '../i18n/index.js';
import { describeError } from './errors.js';

describe('describeError', () => {
  const t: Translate = (key, vars) => translate('en', key, vars);

  it("says a plain 404 once, without repeating the server's bare 'Not found'", () => {
    for (const message of ['Not Found', 'Not found', ''])
      expect(describeError(new ApiError(404, message), t)).toBe(t('error.notFound'));
    expect(describeError(new ApiError(404, 'Attachment not found'), t)).toBe(
      t('error.notFoundDetail', { detail: 'Attachment not found' }),
    );
  });
});
