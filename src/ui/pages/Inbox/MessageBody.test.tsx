import { describe, expect, it } from 'vitest';
import { htmlDocument } from './MessageBody.js';

describe('htmlDocument', () => {
  it('lets the mail load images only from our attachments, nothing else from anywhere', () => {
    const doc = htmlDocument('<p>Foto</p>', false, 'https://resonanz.example/api/attachments/');
    const policy = /Content-Security-Policy" content="([^"]+)"/.exec(doc)![1];
    expect(policy.split('; ')).toEqual([
      "default-src 'none'",
      'img-src data: https://resonanz.example/api/attachments/',
      "style-src 'unsafe-inline'",
    ]);
    expect(doc).toContain('<body><p>Foto</p></body>');
  });
});
