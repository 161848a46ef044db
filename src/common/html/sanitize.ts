import sanitize from 'sanitize-html';

/**
 * Inbound HTML (mails, feeds, forms) is hostile until proven otherwise: only formatting tags
 * survive, no scripts, styles, frames, forms or images (tracking pixels), no event handlers, and
 * links only to http(s)/mailto. Links open in a new tab without handing over our window.
 */
const SAFE_HTML: sanitize.IOptions = {
  allowedTags: sanitize.defaults.allowedTags,
  allowedAttributes: {
    a: ['href', 'name', 'title', 'target', 'rel'],
    td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    a: sanitize.simpleTransform('a', { target: '_blank', rel: 'noopener noreferrer nofollow' }),
  },
};

/** HTML that is safe to show in the UI. */
export function sanitizeHtml(html: string): string {
  return sanitize(html, SAFE_HTML);
}

const TEXT_ONLY: sanitize.IOptions = {
  allowedTags: [],
  allowedAttributes: {},
  nonTextTags: ['style', 'script', 'textarea', 'option', 'noscript', 'head', 'title'],
};

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1].toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** The readable text of an HTML document (block ends become line breaks), for classification and previews. */
export function htmlToText(html: string): string {
  const withBreaks = html.replace(/<br\s*\/?>|<\/(p|div|li|tr|h[1-6]|blockquote)>/gi, '\n');
  return decodeEntities(sanitize(withBreaks, TEXT_ONLY))
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
