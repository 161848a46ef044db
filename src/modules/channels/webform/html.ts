import type { CustomerLanguage } from './customer-texts.js';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text and attribute values for HTML: everything a customer or admin typed goes through here. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const PAGE_STYLE =
  'body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}' +
  'label{display:block;font-weight:600;margin-top:.75rem}textarea{width:100%;box-sizing:border-box}' +
  'button{margin-top:.75rem;padding:.4rem 1rem}.msg{border-left:4px solid #888;padding:.25rem .75rem;margin:1rem 0}' +
  '.msg.outbound{border-color:#2a6f3b;background:#f1f8f3}.msg .meta{font-size:.85rem;color:#555}' +
  '.msg p{white-space:pre-wrap;margin:.25rem 0}';

/**
 * A small self-contained page (customers' browsers: thank-you, status page, errors). No external
 * assets and no scripts: a strict Content-Security-Policy goes with it (see PAGE_CSP).
 * `body` must already be escaped HTML.
 */
export function htmlPage(title: string, body: string, lang: CustomerLanguage): string {
  return (
    `<!doctype html>\n<html lang="${lang}"><head><meta charset="utf-8">` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    '<meta name="robots" content="noindex">' +
    `<title>${escapeHtml(title)}</title><style>${PAGE_STYLE}</style></head>` +
    `<body><main>${body}</main></body></html>\n`
  );
}

/** Inline styles only; forms may post back to us; nothing else loads, nothing runs. */
export const PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/** "2025-03-01 14:05 UTC": unambiguous without the customer's time zone or a script. */
export function utcTime(time: number | string): string {
  return `${new Date(time).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
