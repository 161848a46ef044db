import { describe, expect, it, jest } from '@jest/globals';
import { JSDOM } from 'jsdom';
import { renderSnippet } from './webform-snippet.js';

const KEY = 'AbC_def-1234567890xyzQ';
const ACTION = `https://feedback.example/api/public/forms/${KEY}`;

function load(html = renderSnippet(KEY, ACTION), scripts = false, languages?: string[]) {
  const dom = new JSDOM(`<!doctype html><body>${html}</body>`, {
    url: 'https://shop.example/contact',
    runScripts: scripts ? 'dangerously' : undefined,
    beforeParse(window) {
      if (languages) Object.defineProperty(window.navigator, 'languages', { value: languages });
    },
  });
  return { dom, form: dom.window.document.querySelector('form')! };
}

describe('renderSnippet', () => {
  it('posts to the form’s public URL with a classic POST (works without JavaScript)', () => {
    const { form } = load();
    expect(form.getAttribute('action')).toBe(ACTION);
    expect(form.getAttribute('method')).toBe('post');
  });

  it('labels every visible field and marks the message as required', () => {
    const { dom, form } = load();
    const doc = dom.window.document;
    const fields = [...form.querySelectorAll('input, textarea')].filter(
      (el) => el.getAttribute('name') !== 'website',
    );
    expect(fields.map((el) => el.getAttribute('name')).sort()).toEqual(
      ['email', 'message', 'name', 'replyChannel', 'replyChannel', 'subject'].sort(),
    );
    for (const el of fields) {
      const label = doc.querySelector(`label[for="${el.id}"]`);
      expect(label?.textContent?.trim()).toBeTruthy();
    }
    const message = form.querySelector('textarea[name="message"]')!;
    expect(message.hasAttribute('required')).toBe(true);
    expect(form.querySelector('input[name="email"]')!.getAttribute('type')).toBe('email');
    expect(form.querySelector('fieldset legend')?.textContent).toMatch(/answer/i);
  });

  it('hides the honeypot from people, keyboards and screen readers', () => {
    const { form } = load();
    const honeypot = form.querySelector('input[name="website"]')!;
    expect(honeypot.getAttribute('tabindex')).toBe('-1');
    expect(honeypot.getAttribute('autocomplete')).toBe('off');
    expect(honeypot.getAttribute('aria-hidden')).toBe('true');
    const wrapper = honeypot.parentElement!.closest('[aria-hidden="true"]');
    expect(wrapper).not.toBeNull();
    expect(wrapper!.getAttribute('style')).toMatch(/position:\s*absolute/);
    expect(wrapper!.getAttribute('style')).toMatch(/left:\s*-\d+px/);
  });

  it('loads nothing from elsewhere: one inline script, no src or external links', () => {
    const html = renderSnippet(KEY, ACTION);
    const { dom } = load(html);
    const scripts = dom.window.document.querySelectorAll('script');
    expect(scripts).toHaveLength(1);
    expect(scripts[0].hasAttribute('src')).toBe(false);
    expect(html).not.toMatch(/<link|<img|<iframe|\bsrc=/i);
  });

  it('escapes what it embeds', () => {
    const html = renderSnippet(KEY, 'https://x.example/api/public/forms/k?a="><script>alert(1)</script>');
    expect(html).not.toContain('"><script>alert(1)');
    expect(html).toContain('&quot;&gt;&lt;script&gt;');
  });

  it('with JavaScript posts in the background as JSON and shows the reference and status link', async () => {
    const { dom, form } = load(undefined, true);
    const statusUrl = 'https://feedback.example/status/tok';
    const fetch = jest.fn(async (_url: string, _init: { body: string }) => ({
      ok: true,
      json: async () => ({ reference: 'R-1042', statusUrl }),
    }));
    Object.assign(dom.window, { fetch });
    // The script looked for fetch when it ran; run it again now that the window has one.
    const script = dom.window.document.querySelector('script')!.textContent!;
    dom.window.eval(script);
    (form.querySelector('textarea[name="message"]') as HTMLTextAreaElement).value = 'Where is my parcel?';
    (form.querySelector('input[name="email"]') as HTMLInputElement).value = 'erika@example.com';
    form.dispatchEvent(new dom.window.Event('submit', { cancelable: true }));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe(ACTION);
    expect(JSON.parse(init.body)).toEqual({ message: 'Where is my parcel?', email: 'erika@example.com' });
    const result = form.querySelector('[data-resonanz-result]')!;
    expect(result.getAttribute('role')).toBe('status');
    expect(result.textContent).toContain('R-1042');
    expect(result.querySelector('a')!.getAttribute('href')).toBe(statusUrl);
  });

  it('without JavaScript shows both languages; the script picks the browser’s language', () => {
    const label = (form: HTMLFormElement, name: string) =>
      form.querySelector(`label[for="${form.querySelector(`[name="${name}"]`)!.id}"]`)!.textContent;
    const plain = load().form;
    expect(label(plain, 'message')).toBe('Ihre Nachricht (Pflichtfeld) / Your message (required)');
    expect(plain.hasAttribute('lang')).toBe(false);

    const german = load(undefined, true, ['de-DE', 'en-US']).form;
    expect(german.getAttribute('lang')).toBe('de');
    expect(label(german, 'message')).toBe('Ihre Nachricht (Pflichtfeld)');
    expect(label(german, 'subject')).toBe('Betreff');
    expect(german.querySelector('legend')!.textContent).toBe('Wie möchten Sie unsere Antwort erhalten?');
    expect(german.querySelector('button')!.textContent).toBe('Senden');

    for (const languages of [['en-GB', 'de'], ['fr-FR'], []]) {
      const english = load(undefined, true, languages).form;
      expect(english.getAttribute('lang')).toBe('en');
      expect(label(english, 'message')).toBe('Your message (required)');
      expect(english.querySelector('button')!.textContent).toBe('Send');
    }
  });

  it('shows known server errors in German to a German browser', async () => {
    const { dom, form } = load(undefined, true, ['de']);
    Object.assign(dom.window, {
      fetch: async () => ({
        ok: false,
        json: async () => ({ message: ['email must be an email address', 'odd'] }),
      }),
    });
    dom.window.eval(dom.window.document.querySelector('script')!.textContent!);
    form.dispatchEvent(new dom.window.Event('submit', { cancelable: true }));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(form.querySelector('[data-resonanz-result]')!.textContent).toBe(
      'Bitte geben Sie eine gültige E-Mail-Adresse an. odd',
    );
  });
});
