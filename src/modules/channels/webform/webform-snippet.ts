import { escapeHtml } from './html.js';

/** Largest message in characters; the server also caps it at 64 KB of UTF-8. */
export const MESSAGE_MAX_CHARS = 65_536;

/**
 * Posts in the background when the browser can (JSON, shows the reference), and falls back to the
 * classic form post when it cannot or the request fails (e.g. the site's origin is not in
 * allowedOrigins): the form works with and without JavaScript.
 */
const BACKGROUND_POST = `(function () {
  var form = document.getElementById(FORM_ID);
  if (!form || !window.fetch || !window.JSON) return;
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
    out.textContent = 'Sending...';
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
        out.textContent = Array.isArray(m) ? m.join('. ') : String(m || 'Sending failed, please try again.');
        return;
      }
      form.reset();
      out.textContent = 'Thank you! Your reference: ' + result.body.reference + '. ';
      var link = document.createElement('a');
      link.href = result.body.statusUrl;
      link.textContent = 'Follow your request and read our answer here';
      out.appendChild(link);
    }).catch(function () { form.submit(); });
  });
})();`;

/** Visually and for assistive technology out of the way; only bots fill it in. */
const OFF_SCREEN = 'position:absolute;left:-10000px;top:auto;width:1px;height:1px;overflow:hidden';

function field(id: string, label: string, input: string): string {
  return `  <p>\n    <label for="${id}">${label}</label><br>\n    ${input}\n  </p>\n`;
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
      'Name',
      `<input id="${id('name')}" name="name" type="text" autocomplete="name" maxlength="200">`,
    ) +
    field(
      id('email'),
      'Email',
      `<input id="${id('email')}" name="email" type="email" autocomplete="email" maxlength="320">`,
    ) +
    field(
      id('subject'),
      'Subject',
      `<input id="${id('subject')}" name="subject" type="text" maxlength="500">`,
    ) +
    field(
      id('message'),
      'Your message (required)',
      `<textarea id="${id('message')}" name="message" rows="6" cols="40" required aria-required="true" maxlength="${MESSAGE_MAX_CHARS}"></textarea>`,
    ) +
    '  <fieldset>\n    <legend>How would you like our answer?</legend>\n' +
    `    <input id="${id('reply-email')}" type="radio" name="replyChannel" value="email">` +
    ` <label for="${id('reply-email')}">By email (please fill in your email address)</label><br>\n` +
    `    <input id="${id('reply-status')}" type="radio" name="replyChannel" value="status_page">` +
    ` <label for="${id('reply-status')}">On a status page (you get its link)</label>\n  </fieldset>\n` +
    `  <div aria-hidden="true" style="${OFF_SCREEN}">\n` +
    `    <label for="${id('website')}">Leave this field empty</label>\n` +
    `    <input id="${id('website')}" name="website" type="text" tabindex="-1" autocomplete="off" aria-hidden="true">\n` +
    '  </div>\n' +
    '  <p><button type="submit">Send</button></p>\n' +
    '  <p role="status" aria-live="polite" data-resonanz-result></p>\n' +
    '</form>\n' +
    `<script>\n${BACKGROUND_POST.replace('FORM_ID', JSON.stringify(formId))}\n</script>\n`
  );
}
