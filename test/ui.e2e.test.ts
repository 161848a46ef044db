import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PROJECT_ROOT } from '../src/common/paths.js';
import { createWebform, postForm } from './factories/webform.js';
import { AXE, launchChromium } from './support/browser.js';
import { TEST_DATABASES } from './support/databases.js';
import { ADMIN, api, startTestApp, type TestApp } from './support/test-app.js';

jest.setTimeout(120_000);

const SHOTS = '/tmp/ui-shots';
const UI_SOURCE = join(PROJECT_ROOT, 'src', 'ui');
const UI_INDEX = join(PROJECT_ROOT, 'dist', 'ui', 'index.html');

function newestChange(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    const path = join(dir, entry.name);
    return Math.max(newest, entry.isDirectory() ? newestChange(path) : statSync(path).mtimeMs);
  }, 0);
}

/** The app serves dist/ui only if it exists when it starts: build it first when the source is newer. */
function ensureUiBuilt(): void {
  if (existsSync(UI_INDEX) && statSync(UI_INDEX).mtimeMs >= newestChange(UI_SOURCE)) return;
  // Jest runs with NODE_ENV=test; the bundle must be the production build the app ships.
  execFileSync('npm', ['run', 'build:ui'], {
    cwd: PROJECT_ROOT,
    stdio: 'pipe',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

async function criticalViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: unknown[] }> } })
      .axe;
    return (await axe.run(document)).violations;
  });
  return (violations as AxeViolation[])
    .filter((v) => v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

describe.each(TEST_DATABASES)('web UI in a real browser on %s', (db) => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];
  const stamp = Date.now().toString(36);
  const customerText = `Hello, my order ${stamp} arrived with a broken lid. Can you send a replacement?`;

  beforeAll(async () => {
    ensureUiBuilt();
    mkdirSync(SHOTS, { recursive: true });
    t = await startTestApp(db, { listen: true });
    // One remark that asks for an email answer (web form), one imported through the API.
    const form = await createWebform(t);
    await postForm(t, form.publicKey, {
      message: customerText,
      name: 'Erika Mustermann',
      email: 'erika@customer.test',
      subject: `Broken lid ${stamp}`,
      replyChannel: 'email',
    }).expect(201);
    await api(t)
      .post('/api/remarks')
      .send({
        remarks: [
          {
            externalId: `api-${stamp}`,
            text: 'Die Rechnung wurde doppelt abgebucht.',
            authorName: 'Jonas Weber',
          },
        ],
      })
      .expect(200);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('signs in with the labelled fields and lists the conversations', async () => {
    await page.goto(t.baseUrl);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    expect(await criticalViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Sign in' }).click();

    const list = page.getByRole('list', { name: 'Conversations' });
    await list.getByText(`Broken lid ${stamp}`).waitFor();
    await list.getByText('Jonas Weber').waitFor();
    for (const name of ['Inbox', 'Dashboard', 'Connectors', 'Settings']) {
      await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name }).waitFor();
    }
    // The session lives in the httpOnly cookie only: nothing token-like is in the page's storage.
    const stored = await page.evaluate(() =>
      JSON.stringify({ ...window.localStorage, ...window.sessionStorage }),
    );
    expect(stored).not.toMatch(/eyJ|token/i);
  });

  it("opens a conversation with the customer's text and says where the reply goes", async () => {
    await page.getByRole('list', { name: 'Conversations' }).getByText(`Broken lid ${stamp}`).click();
    await page.getByRole('log', { name: 'Messages' }).getByText(customerText).waitFor();
    await page.getByText('Reply by email to erika@customer.test').waitFor();
    await page.getByRole('region', { name: 'Customer' }).getByText('Erika Mustermann').waitFor();
    await page.screenshot({ path: `${SHOTS}/e2e-${db}-conversation.png` });
    expect(await criticalViolations(page)).toEqual([]);
  });

  it('sends a reply with "Send" and shows it in the thread', async () => {
    const answer = `We are sorry, ${stamp}: a replacement lid is on its way.`;
    await page.getByLabel('Reply', { exact: true }).fill(answer);
    // A return label goes with it: uploaded at once, shown as a chip, sent as the reply's file.
    await page.locator('input[type=file]').setInputFiles({
      name: 'return-label.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4 return label'),
    });
    await page.getByRole('list', { name: 'Attached files' }).getByText('return-label.pdf').waitFor();
    await page.getByRole('button', { name: 'Send' }).click();
    const reply = page
      .getByRole('log', { name: 'Messages' })
      .getByRole('article')
      .filter({ hasText: answer });
    await reply.waitFor();
    expect(await reply.getAttribute('data-direction')).toBe('outbound');
    const file = await api(t)
      .get((await reply.getByRole('link', { name: 'return-label.pdf' }).getAttribute('href'))!)
      .expect(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    // No outgoing mail server here: the toast must not claim it was sent.
    await page.getByText('Reply saved — sending…').waitFor();
    expect(await page.getByText('Reply sent').count()).toBe(0);
    await expect(page.getByLabel('Reply', { exact: true }).inputValue()).resolves.toBe('');
    const res = await api(t).get('/api/conversations').query({ q: stamp }).expect(200);
    const detail = await api(t).get(`/api/conversations/${res.body.items[0].id}`).expect(200);
    expect(detail.body.messages.map((m: { body: string }) => m.body)).toContain(answer);
  });

  it('shows a remark imported meanwhile without a reload', async () => {
    await page.locator('.live-pill:not(.off)').waitFor();
    const before = await page.evaluate(() => performance.getEntriesByType('navigation').length);
    const subject = `Live remark ${stamp}`;
    await api(t)
      .post('/api/remarks')
      .send({
        remarks: [
          {
            externalId: `live-${stamp}`,
            subject,
            text: 'The app logs me out every few minutes.',
            authorName: 'Mia Live',
          },
        ],
      })
      .expect(200);
    await page.getByRole('list', { name: 'Conversations' }).getByText(subject).waitFor();
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(before);
    await page.screenshot({ path: `${SHOTS}/e2e-${db}-inbox-live.png` });
  });

  it('draws the dashboard charts', async () => {
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Per channel' }).waitFor();
    await page.locator('.recharts-surface').first().waitFor();
    await page.locator('.recharts-bar-rectangle').first().waitFor();
    expect(await page.locator('.recharts-surface').count()).toBeGreaterThanOrEqual(3);
    await page.getByText('Unassigned').first().waitFor();
    await page.screenshot({ path: `${SHOTS}/e2e-${db}-dashboard.png` });
    expect(await criticalViolations(page)).toEqual([]);
  });

  it('shows the connectors admin page', async () => {
    await page.getByRole('link', { name: 'Connectors' }).click();
    await page.getByRole('heading', { name: 'Connectors', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'New connector' }).waitFor();
    await page
      .getByRole('table')
      .getByText(/^Contact form [0-9a-f]{6}$/)
      .waitFor();
    await page.getByRole('button', { name: 'Test connection' }).first().waitFor();
    await page.screenshot({ path: `${SHOTS}/e2e-${db}-connectors.png` });
    expect(await criticalViolations(page)).toEqual([]);
  });

  it('creates a web form connector, tests it and shows the snippet to copy', async () => {
    await page.getByRole('button', { name: 'New connector' }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /Web form/ })
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name *').fill(`Shop form ${stamp}`);
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    await dialog.getByRole('status').filter({ hasText: 'Connection works' }).waitFor();
    await dialog.getByText('HTML snippet').waitFor();
    expect(await dialog.locator('pre').textContent()).toContain('<form');
    expect(await criticalViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('table').getByText(`Shop form ${stamp}`).waitFor();
    const stored = await api(t).get('/api/connectors').expect(200);
    expect(stored.body.map((c: { name: string }) => c.name)).toContain(`Shop form ${stamp}`);
  });

  it("lets an admin erase a person's data from the conversation", async () => {
    // The web form test leaves its snippet dialog open.
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Inbox' })
      .click();
    await page.getByRole('list', { name: 'Conversations' }).getByText('Jonas Weber').click();
    const customer = page.getByRole('region', { name: 'Customer' });
    await customer.getByText('Jonas Weber').waitFor();
    await customer.getByRole('button', { name: 'Erase personal data' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Erase for good' }).click();
    await page.getByText('Personal data erased').waitFor();
    await customer.getByText('Jonas Weber').waitFor({ state: 'detached' });
    const res = await api(t).get('/api/conversations').query({ q: 'Rechnung' }).expect(200);
    expect(res.body.items).toEqual([]);
  });

  it('threw no errors in the page', () => {
    expect(problems).toEqual([]);
  });
});
