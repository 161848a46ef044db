import { describe, expect, it } from '@jest/globals';
import { htmlToText, sanitizeHtml } from './sanitize.js';

describe('sanitizeHtml', () => {
  it('removes scripts, event handlers and javascript: links but keeps formatting', () => {
    const out = sanitizeHtml(
      '<p onclick="steal()">Hallo <b>Welt</b><script>alert(1)</script>' +
        '<a href="javascript:alert(1)">x</a><a href="https://example.com">ok</a>' +
        '<img src=x onerror=alert(1)><iframe src="https://evil"></iframe></p>',
    );
    expect(out).not.toMatch(/script|onclick|onerror|javascript:|iframe|<img/i);
    expect(out).toContain('<b>Welt</b>');
    expect(out).toContain('href="https://example.com"');
    expect(out).toContain('rel="noopener noreferrer nofollow"');
  });

  it('keeps only the images the resolver knows, pointing at our URL, and nothing else of them', () => {
    const ours = (src: string) => (src === 'cid:logo@mail' ? '/api/attachments/1' : undefined);
    const out = sanitizeHtml(
      '<p>Foto: <img src="cid:logo@mail" alt="Schaden" onerror="steal()" style="x">' +
        '<img src="https://tracker.example/p.gif"><img src="cid:unknown@mail"><img src="/api/attachments/2"></p>',
      ours,
    );
    expect(out).toBe('<p>Foto: <img src="/api/attachments/1" alt="Schaden" /></p>');
  });

  it('drops style blocks and unknown attributes', () => {
    expect(sanitizeHtml('<style>p{}</style><p style="color:red" class="x">t</p>')).toBe('<p>t</p>');
  });
});

describe('htmlToText', () => {
  it('turns block ends into line breaks and decodes entities', () => {
    expect(
      htmlToText('<p>Gr&uuml;&szlig;e &amp; <b>mehr</b></p><p>Zeile&nbsp;2 &#x263A;</p><script>x()</script>'),
    ).toBe('Grüße & mehr\nZeile 2 ☺');
  });
});
