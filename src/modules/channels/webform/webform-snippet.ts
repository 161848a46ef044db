import {
  CUSTOMER_TEXTS,
  type CustomerLanguage,
  germanValidationMessages,
  type SnippetTexts,
} from './customer-texts.js';
import { escapeHtml } from './html.js';

/** Largest message in characters; the server also caps it at 64 KB of UTF-8. */
export const MESSAGE_MAX_CHARS = 65_536;

/**
 * Picks the visitor's language (German when the browser prefers German over English, else
 * English), puts its texts into the form, then posts in the background when the browser can
 * (JSON, shows the reference), and falls back to the classic form post when it cannot or the
 * request fails (e.g. the site's origin is not in allowedOrigins): the form works with and
 * without JavaScript. TEXTS holds both languages and the German validation messages.
 */
const BACKGROUND_POST = `(function () {
  var form = document.getElementById(FORM_ID);
  if (!form) return;
  var all = TEXTS;
  var lang = 'en';
  var prefs = (navigator.languages && navigator.languages.length) ? navigator.languages : [navigator.language];
  for (var i = 0; i < prefs.length; i++) {
    var primary = String(prefs[i] || '').toLowerCase().split('-')[0];
    if (primary === 'de' || primary === 'en') { lang = primary; break; }
  }
  var t = all[lang];
  form.setAttribute('lang', lang);
  Array.prototype.forEach.call(form.querySelectorAll('[data-resonanz-text]'), function (el) {
    var text = t[el.getAttribute('data-resonanz-text')];
    if (text) el.textContent = text;
  });
  var translate = function (m) { return (lang === 'de' && all.errors[m]) || m; };
  if (!window.fetch || !window.JSON) return;
  var out = form.querySelector('[data-resonanz-result]');
  var button = form.querySelector('button[type=submit]');
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var data = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || ((el.type === 'radio' || el.type === 'checkbox') && !el.checked)) return;
      if (el.value !== '') data[el.name] = el.value;
    });
    button.disabled = true;
    out.textContent = t.sending;
    fetch(form.action, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(data)
    }).then(function (res) {
      return res.json().then(function (body) { return { ok: res.ok, body: body }; });
    }).then(function (result) {
      button.disabled = false;
      if (!result.ok) {
        var m = result.body && result.body.message;
        out.textContent = Array.isArray(m) ? m.map(translate).join(lang === 'de' ? ' ' : '. ') : (m ? translate(String(m)) : t.failed);
        return;
      }
      form.reset();
      out.textContent = t.thanks + result.body.reference + '. ';
      var link = document.createElement('a');
      link.href = result.body.statusUrl;
      link.textContent = t.followLink;
      out.appendChild(link);
    }).catch(function () { form.submit(); });
  });
})();`;

/**
 * Without JavaScript the form shows both languages (German / English) where they differ; the
 * script replaces them with the visitor's language.
 */
function bilingual(key: keyof SnippetTexts): string {
  const [de, en] = [CUSTOMER_TEXTS.de.snippet[key], CUSTOMER_TEXTS.en.snippet[key]];
  return escapeHtml(de === en ? en : `${de} / ${en}`);
}

/** An element's text, marked so that the script can swap in the visitor's language. */
function text(key: keyof SnippetTexts): string {
  return `data-resonanz-text="${key}">${bilingual(key)}`;
}

/** Both languages' texts for the script; `<` escaped so nothing can close the script element. */
function scriptTexts(): string {
  const texts: Record<CustomerLanguage, SnippetTexts> & { errors: Record<string, string> } = {
    de: CUSTOMER_TEXTS.de.snippet,
    en: CUSTOMER_TEXTS.en.snippet,
    errors: germanValidationMessages(),
  };
  return JSON.stringify(texts).replace(/</g, '\\u003c');
}

/** Visually and for assistive technology out of the way; only bots fill it in. */
const OFF_SCREEN = 'position:absolute;left:-10000px;top:auto;width:1px;height:1px;overflow:hidden';

/** The script with its texts and the form's id filled in (replacer functions: no `$` patterns). */
function script(formId: string): string {
  return BACKGROUND_POST.replace('TEXTS', () => scriptTexts()).replace('FORM_ID', () =>
    JSON.stringify(formId),
  );
}

function field(id: string, label: keyof SnippetTexts, input: string): string {
  return `  <p>\n    <label for="${id}" ${text(label)}</label><br>\n    ${input}\n  </p>\n`;
}

/** The HTML an admin pastes into a site: an accessible form that posts to `actionUrl`. */
export function renderSnippet(publicKey: string, actionUrl: string): string {
  const key = escapeHtml(publicKey);
  const id = (name: string) => `resonanz-${key}-${name}`;
  const formId = `resonanz-form-${key}`;
  return (
    `<form id="${formId}" class="resonanz-form" action="${escapeHtml(actionUrl)}" method="post" accept-charset="utf-8">\n` +
    field(
      id('name'),
      'name',
      `<input id="${id('name')}" name="name" type="text" autocomplete="name" maxlength="200">`,
    ) +
    field(
      id('email'),
      'email',
      `<input id="${id('email')}" name="email" type="email" autocomplete="email" maxlength="320">`,
    ) +
    field(
      id('subject'),
      'subject',
      `<input id="${id('subject')}" name="subject" type="text" maxlength="500">`,
    ) +
    field(
      id('message'),
      'message',
      `<textarea id="${id('message')}" name="message" rows="6" cols="40" required aria-required="true" maxlength="${MESSAGE_MAX_CHARS}"></textarea>`,
    ) +
    `  <fieldset>\n    <legend ${text('replyLegend')}</legend>\n` +
    `    <input id="${id('reply-email')}" type="radio" name="replyChannel" value="email">` +
    ` <label for="${id('reply-email')}" ${text('replyEmail')}</label><br>\n` +
    `    <input id="${id('reply-status')}" type="radio" name="replyChannel" value="status_page">` +
    ` <label for="${id('reply-status')}" ${text('replyStatus')}</label>\n  </fieldset>\n` +
    `  <div aria-hidden="true" style="${OFF_SCREEN}">\n` +
    `    <label for="${id('website')}" ${text('honeypot')}</label>\n` +
    `    <input id="${id('website')}" name="website" type="text" tabindex="-1" autocomplete="off" aria-hidden="true">\n` +
    '  </div>\n' +
    `  <p><button type="submit" ${text('send')}</button></p>\n` +
    '  <p role="status" aria-live="polite" data-resonanz-result></p>\n' +
    '</form>\n' +
    `<script>\n${script(formId)}\n</script>\n`
  );
}
