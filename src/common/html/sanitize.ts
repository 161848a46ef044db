import sanitize from 'sanitize-html';

/**
 * Inbound HTML (mails, feeds, forms) is hostile until proven otherwise: only formatting tags
 * survive, no scripts, styles, frames, forms or images from elsewhere (tracking pixels), no event
 * handlers, and links only to http(s)/mailto. Links open in a new tab without handing over our
 * window. The one kind of image kept is a mail's own inline image, served by us.
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

/**
 * HTML that is safe to show in the UI. `inlineImage` gives our own URL for an image's `src` when
 * it is one we keep (a mail's `cid:` image); every other image goes.
 */
export function sanitizeHtml(html: string, inlineImage?: (src: string) => string | undefined): string {
  if (!inlineImage) return sanitize(html, SAFE_HTML);
  return sanitize(html, {
    ...SAFE_HTML,
    allowedTags: [...(SAFE_HTML.allowedTags as string[]), 'img'],
    allowedAttributes: { ...SAFE_HTML.allowedAttributes, img: ['src', 'alt', 'width', 'height'] },
    transformTags: {
      ...SAFE_HTML.transformTags,
      img: (tagName, attribs) => {
        const src = attribs.src ? inlineImage(attribs.src) : undefined;
        return { tagName, attribs: src ? { ...attribs, src } : {} };
      },
    },
    exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
  });
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
