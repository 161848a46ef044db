import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { conversationByReference, createWebform, type WebformBody } from './factories/webform.js';
import { AXE, launchChromium } from './support/browser.js';
import { TEST_DATABASES } from './support/databases.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** Customers' links name this host; the test points the snippet at the app's real address. */
const PUBLIC_URL = 'http://resonanz.invalid';

/** A customer's website on an origin of its own, with the snippet pasted into a page. */
async function startShop(pages: Map<string, string>): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const html = pages.get(req.url ?? '/');
    res.writeHead(html ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end(html ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const page = (snippet: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Contact us</title></head>` +
  `<body><main><h1>Contact us</h1>${snippet}</main></body></html>`;

describe.each(TEST_DATABASES)('web form snippet in a real browser on %s', (db) => {
  let t: TestApp;
  let browser: Browser;
  let shop: { server: Server; origin: string };
  let allowed: WebformBody;
  let closed: WebformBody;
  const pages = new Map<string, string>();

  beforeAll(async () => {
    t = await startTestApp(db, { listen: true, env: { PUBLIC_URL } });
    shop = await startShop(pages);
    allowed = await createWebform(t, { allowedOrigins: [shop.origin] });
    closed = await createWebform(t, { allowedOrigins: ['https://elsewhere.example'] });
    const pasted = (form: WebformBody) => form.snippet.replaceAll(PUBLIC_URL, t.baseUrl);
    pages.set('/allowed', page(pasted(allowed)));
    pages.set('/closed', page(pasted(closed)));
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => shop?.server.close(resolve));
    await t?.close();
  });

  async function open(path: string, javaScriptEnabled: boolean, locale = 'en-US'): Promise<Page> {
    const context = await browser.newContext({ javaScriptEnabled, locale });
    const tab = await context.newPage();
    await tab.goto(`${shop.origin}${path}`);
    return tab;
  }

  async function fillAndSend(tab: Page, message: string): Promise<void> {
    // Without JavaScript the labels show German / English; with it, the browser's language.
    await tab.getByLabel('Name', { exact: true }).fill('Erika');
    await tab.getByLabel(/^(E-Mail \/ )?Email$/).fill('erika@customer.test');
    await tab.getByLabel('Your message (required)').fill(message);
    await tab.getByLabel('On a status page (you get its link)').check();
    await tab.getByRole('button', { name: /^(Senden \/ )?Send$/ }).click();
  }

  it('works without JavaScript: the browser posts the form and shows the thank-you page', async () => {
    const tab = await open('/allowed', false);
    await fillAndSend(tab, 'My parcel never arrived and tracking shows nothing.');
    await tab.waitForURL(`${t.baseUrl}/api/public/forms/${allowed.publicKey}`);
    const text = await tab.locator('main').innerText();
    const reference = /R-\d+/.exec(text)?.[0];
    expect(reference).toBeDefined();
    const link = await tab.getByRole('link', { name: 'your status page' }).getAttribute('href');
    expect(link).toMatch(new RegExp(`^${PUBLIC_URL}/status/`));
    const conversation = await conversationByReference(t, reference!);
    expect(conversation).toMatchObject({ channel: 'webform', replyChannel: 'status_page' });
    await request(t.http).get(new URL(link!).pathname).expect(200);
    await tab.context().close();
  }, 30_000);

  it('with JavaScript posts in the background from an allowed origin and shows the reference in place', async () => {
    const tab = await open('/allowed', true);
    await fillAndSend(tab, 'I was charged twice for one order.');
    const result = tab.locator('[data-resonanz-result]');
    await result.filter({ hasText: /R-\d+/ }).waitFor();
    expect(tab.url()).toBe(`${shop.origin}/allowed`);
    const reference = /R-\d+/.exec(await result.innerText())![0];
    expect((await conversationByReference(t, reference)).messages[0].body).toBe(
      'I was charged twice for one order.',
    );
    expect(await result.getByRole('link').getAttribute('href')).toMatch(new RegExp(`^${PUBLIC_URL}/status/`));
    await tab.context().close();
  }, 30_000);

  it('falls back to the plain post when the site’s origin is not allowed', async () => {
    const tab = await open('/closed', true);
    await fillAndSend(tab, 'Your app crashes at checkout.');
    await tab.waitForURL(`${t.baseUrl}/api/public/forms/${closed.publicKey}`);
    expect(await tab.locator('main').innerText()).toMatch(/Your reference: R-\d+/);
    await tab.context().close();
  }, 30_000);

  it('speaks German to a German browser: labels, result and thank-you page', async () => {
    const tab = await open('/allowed', true, 'de-DE');
    expect(await tab.locator('form').getAttribute('lang')).toBe('de');
    await tab.getByLabel('Name', { exact: true }).fill('Erika');
    await tab.getByLabel('E-Mail', { exact: true }).fill('erika@customer.test');
    await tab
      .getByLabel('Ihre Nachricht (Pflichtfeld)', { exact: true })
      .fill('Mein Paket ist nicht angekommen.');
    await tab.getByRole('group', { name: 'Wie möchten Sie unsere Antwort erhalten?' }).waitFor();
    await tab.getByLabel('Auf einer Statusseite (Sie erhalten den Link)').check();
    await tab.getByRole('button', { name: 'Senden', exact: true }).click();
    const result = tab.locator('[data-resonanz-result]');
    await result.filter({ hasText: /R-\d+/ }).waitFor();
    expect(await result.innerText()).toMatch(/^Vielen Dank! Ihre Vorgangsnummer: R-\d+/);
    await tab.context().close();

    // No JavaScript: the form shows both languages; the thank-you page follows Accept-Language.
    const plain = await open('/closed', false, 'de-DE');
    await plain
      .getByLabel('Ihre Nachricht (Pflichtfeld) / Your message (required)')
      .fill('Die App stürzt ab.');
    await plain.getByRole('button', { name: 'Senden / Send' }).click();
    await plain.waitForURL(`${t.baseUrl}/api/public/forms/${closed.publicKey}`);
    expect(await plain.locator('html').getAttribute('lang')).toBe('de');
    expect(await plain.locator('main').innerText()).toMatch(/Ihre Vorgangsnummer: R-\d+/);
    await plain.context().close();
  }, 30_000);

  it.each(['en-US', 'de-DE'])(
    'has no accessibility violations (axe-core) and keeps the honeypot out of reach (%s)',
    async (locale) => {
      const tab = await open('/allowed', true, locale);
      await tab.addScriptTag({ content: AXE });
      const violations = await tab.evaluate(async () => {
        const axe = (
          window as unknown as { axe: { run: (c: string) => Promise<{ violations: { id: string }[] }> } }
        ).axe;
        return (await axe.run('form')).violations.map((v) => v.id);
      });
      expect(violations).toEqual([]);
      // Off-screen for sighted people, and the keyboard never reaches it.
      const box = await tab.locator('input[name="website"]').boundingBox();
      expect(box !== null && box.x + box.width <= 0).toBe(true);
      await tab.locator('input[name="name"]').focus();
      const reached: string[] = [];
      for (let i = 0; i < 8; i++) {
        await tab.keyboard.press('Tab');
        reached.push(await tab.evaluate(() => document.activeElement?.getAttribute('name') ?? ''));
      }
      expect(reached).toContain('message');
      expect(reached).not.toContain('website');
      await tab.context().close();
    },
    30_000,
  );
});
