import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { rawQuery } from './factories/connectors.js';
import { SAMPLE_REMARKS } from './factories/remarks.js';
import {
  clientAddress,
  conversationByReference,
  createWebform,
  drainJobs,
  postForm,
  storedCounts,
  tokenOf,
  type WebformBody,
} from './factories/webform.js';
import { TEST_DATABASES } from './support/databases.js';
import { startSmtpReceiver, type SmtpReceiver } from './support/smtp-receiver.js';
import { api, startTestApp, type TestApp } from './support/test-app.js';

const PUBLIC_URL = 'https://feedback.test';
const SHOP = 'https://shop.example';
const DELIVERY = SAMPLE_REMARKS.find((s) => s.topic === 'delivery' && s.language === 'en')!.text;
const BILLING = SAMPLE_REMARKS.find((s) => s.topic === 'billing' && s.language === 'en')!.text;
const STATUS_URL = new RegExp(`^${PUBLIC_URL}/status/[A-Za-z0-9_-]{22,64}$`);

describe.each(TEST_DATABASES)('web form channel on %s', (db) => {
  let t: TestApp;
  let smtp: SmtpReceiver;
  let form: WebformBody;
  let departments: Map<string, string>;

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    t = await startTestApp(db, {
      env: {
        PUBLIC_URL,
        SMTP_URL: `smtp://${smtp.host}:${smtp.port}`,
        MAIL_FROM: 'Resonanz Service <service@resonanz.test>',
      },
    });
    form = await createWebform(t, { allowedOrigins: [SHOP] });
    const list = (await api(t).get('/api/departments').expect(200)).body as { id: string; name: string }[];
    departments = new Map(list.map((d) => [d.name, d.id]));
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  /** Mails that arrived for one address. */
  const mailsTo = (address: string) => smtp.messages.filter((m) => m.to.includes(address));

  /** A browser's plain form post in a given language. */
  const classicPost = (body: Record<string, string>, acceptLanguage: string) =>
    request(t.http)
      .post(`/api/public/forms/${form.publicKey}`)
      .set('X-Forwarded-For', clientAddress())
      .set('Accept', 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8')
      .set('Accept-Language', acceptLanguage)
      .type('form')
      .send(body);

  describe('the connector', () => {
    it('has a public key and a snippet that posts to the public URL', () => {
      expect(form.publicKey).toMatch(/^[A-Za-z0-9_-]{20,}$/);
      expect(form.settings).toEqual({
        allowedOrigins: [SHOP],
        defaultDepartmentId: null,
        replyConnectorId: null,
      });
      expect(form.snippet).toContain(`action="${PUBLIC_URL}/api/public/forms/${form.publicKey}"`);
      expect(form.snippet).toContain('name="website"');
    });

    it('rejects settings that are not webform settings, naming each', async () => {
      const res = await api(t)
        .post('/api/connectors')
        .send({
          kind: 'webform',
          name: 'Bad',
          settings: { allowedOrigins: ['shop.example/x'], defaultDepartmentId: 'x' },
        })
        .expect(400);
      expect(res.body.message).toEqual(
        expect.arrayContaining([
          'settings.allowedOrigins.0 must be an origin like https://shop.example (no path)',
          'settings.defaultDepartmentId must be an id (UUID)',
        ]),
      );
    });

    it('refuses settings that point at nothing, and the connection test reports what went later', async () => {
      const refused = await api(t)
        .post('/api/connectors')
        .send({
          kind: 'webform',
          name: 'Dangling',
          settings: {
            defaultDepartmentId: '00000000-0000-4000-8000-000000000000',
            replyConnectorId: form.id,
          },
        })
        .expect(400);
      expect(refused.body.message).toEqual([
        'settings.defaultDepartmentId names no department',
        'settings.replyConnectorId names no email connector',
      ]);
      await api(t)
        .patch(`/api/connectors/${form.id}`)
        .send({ settings: { replyConnectorId: form.id } })
        .expect(400);

      const ok = await api(t).post(`/api/connectors/${form.id}/test`).expect(200);
      expect(ok.body.ok).toBe(true);
      const team = await api(t)
        .post('/api/departments')
        .send({ name: `Pop-up ${Date.now()}` })
        .expect(201);
      const later = await createWebform(t, { defaultDepartmentId: team.body.id });
      await api(t).delete(`/api/departments/${team.body.id}`).expect(204);
      const res = await api(t).post(`/api/connectors/${later.id}/test`).expect(200);
      expect(res.body).toEqual({ ok: false, detail: 'defaultDepartmentId names no department' });
    });
  });

  describe('posting', () => {
    it('turns a JSON post into a classified, routed conversation keeping the reply choice', async () => {
      const statusOf = async () =>
        (await api(t).get(`/api/connectors/${form.id}`).expect(200)).body.status as {
          ingestedTotal: number;
          lastSyncAt: string | null;
        };
      const before = await statusOf();
      const res = await postForm(t, form.publicKey, {
        message: DELIVERY,
        name: 'Erika Mustermann',
        email: 'erika@customer.test',
        subject: 'Parcel missing',
        replyChannel: 'status_page',
      }).expect(201);
      expect(Object.keys(res.body).sort()).toEqual(['reference', 'statusUrl']);
      expect(res.body.reference).toMatch(/^R-\d+$/);
      expect(res.body.statusUrl).toMatch(STATUS_URL);

      const conversation = await conversationByReference(t, res.body.reference);
      expect(conversation).toMatchObject({
        channel: 'webform',
        connectorId: form.id,
        subject: 'Parcel missing',
        status: 'new',
        language: 'en',
        topic: { id: 'delivery' },
        departmentId: departments.get('Logistics'),
        replyChannel: 'status_page',
        contact: { name: 'Erika Mustermann', email: 'erika@customer.test' },
      });
      expect(conversation.firstResponseDueAt).not.toBeNull();
      expect(conversation.messages).toEqual([
        expect.objectContaining({ direction: 'inbound', body: DELIVERY }),
      ]);
      // The connector list shows that the form is alive: one more remark, received just now.
      const after = await statusOf();
      expect(after.ingestedTotal).toBe(before.ingestedTotal + 1);
      expect(after.lastSyncAt).not.toBeNull();
    });

    it('answers a plain form post with a thank-you page; the reply goes by email when an address is given', async () => {
      const res = await postForm(
        t,
        form.publicKey,
        {
          message: BILLING,
          name: 'Max',
          email: 'max@customer.test',
          subject: '',
          replyChannel: '',
          website: '',
        },
        { classic: true },
      ).expect(201);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['content-security-policy']).toContain("default-src 'none'");
      const reference = /R-\d+/.exec(res.text)?.[0];
      expect(reference).toBeDefined();
      const statusUrl = new RegExp(`href="(${PUBLIC_URL}/status/[^"]+)"`).exec(res.text)?.[1];
      expect(statusUrl).toMatch(STATUS_URL);
      expect(res.text).not.toMatch(/<script/i);

      const conversation = await conversationByReference(t, reference!);
      expect(conversation).toMatchObject({
        topic: { id: 'billing' },
        departmentId: departments.get('Accounting'),
        replyChannel: 'email',
        subject: null,
      });
      await request(t.http)
        .get(`/api/public/status/${tokenOf(statusUrl!)}`)
        .expect(200);
    });

    it('answers in German when the browser prefers German, else in English (thank-you and status page)', async () => {
      const german = await classicPost(
        { message: 'Mein Paket ist nicht angekommen.' },
        'de-DE,de;q=0.9,en;q=0.8',
      ).expect(201);
      expect(german.text).toContain('<html lang="de">');
      expect(german.text).toContain('Vielen Dank für Ihre Nachricht');
      expect(german.headers['content-language']).toBe('de');
      expect(german.headers.vary).toMatch(/Accept-Language/i);
      const english = await classicPost({ message: 'My parcel did not arrive.' }, 'en-US').expect(201);
      expect(english.text).toContain('<html lang="en">');
      expect(english.text).toContain('Thank you for your message');
      expect(english.headers['content-language']).toBe('en');

      const statusPath = new URL(/href="([^"]+\/status\/[^"]+)"/.exec(german.text)![1]).pathname;
      const deStatus = await request(t.http)
        .get(statusPath)
        .set('Accept-Language', 'de-DE,de;q=0.9,en;q=0.8')
        .expect(200);
      expect(deStatus.text).toContain('<html lang="de">');
      expect(deStatus.text).toContain('Status: <strong>Eingegangen</strong>');
      expect(deStatus.text).toContain('Nachricht hinzufügen');
      expect(deStatus.headers['content-language']).toBe('de');
      expect(deStatus.headers.vary).toMatch(/Accept-Language/i);
      const enStatus = await request(t.http).get(statusPath).set('Accept-Language', 'en-US').expect(200);
      expect(enStatus.text).toContain('<html lang="en">');
      expect(enStatus.text).toContain('Status: <strong>Received</strong>');
      expect(enStatus.headers['content-language']).toBe('en');
      const garbage = await request(t.http).get(statusPath).set('Accept-Language', ';;q=x,,').expect(200);
      expect(garbage.text).toContain('<html lang="en">');

      const notFound = await request(t.http)
        .get('/status/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')
        .set('Accept-Language', 'de')
        .expect(404);
      expect(notFound.text).toContain('<h1>Nicht gefunden</h1>');
    });

    it('answers a form post that prefers JSON (a script) with JSON, and picks the status page without an email', async () => {
      const res = await request(t.http)
        .post(`/api/public/forms/${form.publicKey}`)
        .set('X-Forwarded-For', clientAddress())
        .type('form')
        .send({ message: 'Just wanted to say the new shop looks great.' })
        .expect(201);
      expect(res.body.statusUrl).toMatch(STATUS_URL);
      const conversation = await conversationByReference(t, res.body.reference);
      expect(conversation.replyChannel).toBe('status_page');
      expect(conversation.contact.email).toBeNull();
    });

    it('sends every remark of a form with defaultDepartmentId to that department', async () => {
      const product = departments.get('Product')!;
      const fixed = await createWebform(t, { defaultDepartmentId: product });
      const res = await postForm(t, fixed.publicKey, { message: DELIVERY }).expect(201);
      const conversation = await conversationByReference(t, res.body.reference);
      expect(conversation.topic.id).toBe('delivery');
      expect(conversation.departmentId).toBe(product);
    });
  });

  describe('abuse and bad input', () => {
    it('answers a filled honeypot like a success and stores nothing', async () => {
      const before = await storedCounts(t);
      const res = await postForm(t, form.publicKey, {
        message: 'Cheap watches at http://spam.example',
        email: 'bot@spam.example',
        website: 'http://spam.example',
      }).expect(201);
      expect(res.body.reference).toMatch(/^R-\d+$/);
      expect(res.body.statusUrl).toMatch(STATUS_URL);
      expect(await storedCounts(t)).toEqual(before);
      // The decoy reference sits in the real sequence: the next real post comes right after it.
      const real = await postForm(t, form.publicKey, { message: 'Wo bleibt meine Bestellung?' }).expect(201);
      const number = (reference: string) => Number(reference.slice(2));
      expect(number(real.body.reference)).toBe(number(res.body.reference) + 1);
      await request(t.http)
        .get(`/api/public/status/${tokenOf(res.body.statusUrl)}`)
        .expect(404);
      await drainJobs(t);
      expect(mailsTo('bot@spam.example')).toHaveLength(0);
    });

    it.each([
      ['no message', { name: 'A' }, 'message is required'],
      ['a blank message', { message: '  \n ' }, 'message must not be empty'],
      [
        'an email reply without an address',
        { message: 'Hi', replyChannel: 'email' },
        'email is required when replyChannel is "email"',
      ],
      ['a malformed address', { message: 'Hi', email: 'nobody' }, 'email must be an email address'],
      [
        'an unknown reply channel',
        { message: 'Hi', replyChannel: 'fax' },
        'replyChannel must be one of the following values: email, status_page',
      ],
      ['an unknown field', { message: 'Hi', priority: 'urgent' }, 'property priority should not exist'],
    ])('rejects %s with 400 and stores nothing', async (_case, body, message) => {
      const before = await storedCounts(t);
      const res = await postForm(t, form.publicKey, body).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(res.body.message).toContain(message);
      expect(await storedCounts(t)).toEqual(before);
    });

    it('shows a plain form post its errors as a page', async () => {
      const res = await postForm(t, form.publicKey, { message: '', email: '' }, { classic: true }).expect(
        400,
      );
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.text).toContain('message must not be empty');
    });

    it('shows the known errors of a plain form post in German to a German browser', async () => {
      const before = await storedCounts(t);
      const res = await classicPost({ message: '', email: 'not-an-address' }, 'de-DE,de;q=0.9').expect(400);
      expect(res.text).toContain('<html lang="de">');
      expect(res.text).toContain('Ihre Nachricht konnte nicht gesendet werden');
      expect(res.text).toContain('Die Nachricht darf nicht leer sein.');
      expect(res.text).toContain('Bitte geben Sie eine gültige E-Mail-Adresse an.');
      expect(res.headers['content-language']).toBe('de');
      const email = await classicPost({ message: 'Hallo', replyChannel: 'email' }, 'de').expect(400);
      expect(email.text).toContain('Für eine Antwort per E-Mail brauchen wir Ihre E-Mail-Adresse.');
      expect(await storedCounts(t)).toEqual(before);
    });

    it('refuses a message over 64 KB with 400 and a body over 1 MB with 413', async () => {
      const long = await postForm(t, form.publicKey, { message: 'x'.repeat(64 * 1024 + 1) }).expect(400);
      expect(long.body.message).toContain('message is too long (at most 64 KB)');
      const huge = await postForm(t, form.publicKey, { message: 'x'.repeat(1024 * 1024 + 10) }).expect(413);
      expect(huge.body).toEqual({
        statusCode: 413,
        error: 'Payload Too Large',
        message: 'Request body too large (at most 1 MB)',
      });
      const hugeForm = await postForm(
        t,
        form.publicKey,
        { message: 'y'.repeat(1024 * 1024 + 10) },
        { classic: true },
      );
      expect(hugeForm.status).toBe(413);
    });

    it('answers 404 for unknown forms, disabled forms and connectors of another kind', async () => {
      await postForm(t, 'no-such-form-key-000000', { message: 'Hi' }).expect(404);
      await postForm(t, '../../auth/login', { message: 'Hi' }).expect(404);
      const disabled = await createWebform(t);
      await api(t).patch(`/api/connectors/${disabled.id}`).send({ enabled: false }).expect(200);
      const res = await postForm(t, disabled.publicKey, { message: 'Hi' }).expect(404);
      expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
      const [feed] = await rawQuery<{ public_key: string }>(
        t,
        "SELECT public_key FROM connectors WHERE kind <> 'webform' AND public_key IS NOT NULL",
      );
      if (feed) await postForm(t, feed.public_key, { message: 'Hi' }).expect(404);
    });

    it('lets the allowed origins read answers (CORS) and gives foreign origins no CORS header', async () => {
      const url = `/api/public/forms/${form.publicKey}`;
      const preflight = (origin: string) =>
        request(t.http)
          .options(url)
          .set('Origin', origin)
          .set('Access-Control-Request-Method', 'POST')
          .set('Access-Control-Request-Headers', 'content-type');
      const allowed = await preflight(SHOP).expect(204);
      expect(allowed.headers['access-control-allow-origin']).toBe(SHOP);
      expect(allowed.headers['access-control-allow-methods']).toContain('POST');
      expect(allowed.headers['access-control-allow-headers']).toMatch(/content-type/i);
      expect(allowed.headers.vary).toMatch(/Origin/);
      const foreign = await preflight('https://evil.example').expect(204);
      expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
      expect(foreign.headers.vary).toMatch(/Origin/);

      const post = await postForm(
        t,
        form.publicKey,
        { message: 'Hi from the shop' },
        { origin: SHOP },
      ).expect(201);
      expect(post.headers['access-control-allow-origin']).toBe(SHOP);
      const invalid = await postForm(t, form.publicKey, {}, { origin: SHOP }).expect(400);
      expect(invalid.headers['access-control-allow-origin']).toBe(SHOP);
      const other = await postForm(t, form.publicKey, { message: 'Hi' }, { origin: 'https://evil.example' });
      expect(other.headers['access-control-allow-origin']).toBeUndefined();

      await request(t.http)
        .options('/api/public/forms/no-such-form-key-000000')
        .set('Origin', SHOP)
        .expect(404);

      // A form that lists no origins lets any site post in the background.
      const open = await createWebform(t);
      const anySite = await request(t.http)
        .options(`/api/public/forms/${open.publicKey}`)
        .set('Origin', 'https://any-shop.example')
        .set('Access-Control-Request-Method', 'POST')
        .expect(204);
      expect(anySite.headers['access-control-allow-origin']).toBe('https://any-shop.example');
    });

    it('meets a flood from one address with 429 while other addresses still get through', async () => {
      const flooder = '203.0.113.66';
      const limit = t.config.env.FORM_RATE_LIMIT;
      const statuses: number[] = [];
      for (let i = 0; i < limit + 5; i++)
        statuses.push((await postForm(t, form.publicKey, {}, { from: flooder })).status);
      expect(statuses.slice(0, limit).every((s) => s === 400)).toBe(true);
      expect(statuses.slice(limit).every((s) => s === 429)).toBe(true);
      const blocked = await postForm(t, form.publicKey, { message: 'Hi' }, { from: flooder }).expect(429);
      expect(blocked.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
      await postForm(t, form.publicKey, { message: 'Hi' }, { from: '203.0.113.67' }).expect(201);
    });
  });

  describe('answers', () => {
    it('acknowledges by email with the reference, the status link and the expected answer time', async () => {
      const res = await postForm(t, form.publicKey, {
        message: DELIVERY,
        name: 'Ada',
        email: 'ada@customer.test',
      }).expect(201);
      await drainJobs(t);
      const [mail] = mailsTo('ada@customer.test');
      expect(mail).toBeDefined();
      const conversation = await conversationByReference(t, res.body.reference);
      const due = conversation.firstResponseDueAt!;
      expect(mail.parsed.subject).toBe(`We received your message [#${res.body.reference}]`);
      expect(mail.parsed.text).toContain(res.body.statusUrl);
      expect(mail.parsed.text).toContain(`${due.slice(0, 10)} ${due.slice(11, 16)} UTC`);
      expect(mail.parsed.headers.get('auto-submitted')).toBe('auto-replied');
    });

    it('acknowledges in the language the customer wrote in, else in the browser’s', async () => {
      const german = await postForm(
        t,
        form.publicKey,
        {
          message:
            'Hallo, mein Paket ist seit einer Woche unterwegs und kommt einfach nicht an. Wo bleibt es?',
          email: 'jonas@customer.test',
        },
        { language: 'en-US' },
      ).expect(201);
      await postForm(
        t,
        form.publicKey,
        {
          message: "Bonjour, je n'ai toujours pas reçu ma commande et personne ne répond à mes messages.",
          email: 'chloe@customer.test',
        },
        { language: 'de-DE,de;q=0.9' },
      ).expect(201);
      await drainJobs(t);

      const [toJonas] = mailsTo('jonas@customer.test');
      expect(toJonas.parsed.subject).toBe(`Wir haben Ihre Nachricht erhalten [#${german.body.reference}]`);
      expect(toJonas.parsed.text).toContain(`Ihre Vorgangsnummer ist ${german.body.reference}.`);
      const [toChloe] = mailsTo('chloe@customer.test');
      expect(toChloe.parsed.subject).toContain('Wir haben Ihre Nachricht erhalten');
    });

    it('mails through the SMTP server of the form’s replyConnectorId when it names one', async () => {
      const shopSmtp = await startSmtpReceiver();
      try {
        const email = await api(t)
          .post('/api/connectors')
          .send({
            kind: 'email',
            name: 'Shop mailbox',
            settings: {
              imap: { host: '127.0.0.1', port: 1, secure: false, user: 'u', password: 'p' },
              smtp: { host: shopSmtp.host, port: shopSmtp.port, secure: false },
              address: 'support@shop.example',
            },
          })
          .expect(201);
        const shopForm = await createWebform(t, { replyConnectorId: email.body.id });
        const res = await postForm(t, shopForm.publicKey, { message: BILLING, email: 'joan@customer.test' });
        expect(res.status).toBe(201);
        const conversation = await conversationByReference(t, res.body.reference);
        await api(t)
          .post(`/api/conversations/${conversation.id}/replies`)
          .send({ body: 'Refund is on its way.' })
          .expect(201);
        await drainJobs(t);
        const received = shopSmtp.messages.filter((m) => m.to.includes('joan@customer.test'));
        // The acknowledgement and the reply, both from the shop's own address.
        expect(received.map((m) => m.from)).toEqual(['support@shop.example', 'support@shop.example']);
        expect(received[0].parsed.subject).toContain(res.body.reference);
        expect(received.some((m) => m.parsed.text?.includes('Refund is on its way.'))).toBe(true);
        expect(mailsTo('joan@customer.test')).toHaveLength(0);
      } finally {
        await shopSmtp.stop();
      }
    });

    it('sends an agent’s reply by email and shows it on the status page, never an internal note', async () => {
      const res = await postForm(t, form.publicKey, {
        message: BILLING,
        email: 'grace@customer.test',
        replyChannel: 'email',
      }).expect(201);
      const conversation = await conversationByReference(t, res.body.reference);
      await api(t)
        .post(`/api/conversations/${conversation.id}/notes`)
        .send({ body: 'INTERNAL: check the ledger' })
        .expect(201);
      await api(t)
        .post(`/api/conversations/${conversation.id}/replies`)
        .send({ body: 'We refunded the second charge.' })
        .expect(201);
      await drainJobs(t);

      const reply = mailsTo('grace@customer.test').find((m) => m.parsed.text?.includes('We refunded'));
      expect(reply).toBeDefined();
      expect(reply!.parsed.subject).toContain(`[#${res.body.reference}]`);
      expect(reply!.parsed.text).not.toContain('INTERNAL');

      const token = tokenOf(res.body.statusUrl);
      const view = (await request(t.http).get(`/api/public/status/${token}`).expect(200)).body;
      expect(view).toMatchObject({ reference: res.body.reference, status: expect.any(String) });
      expect(view.messages.map((m: { direction: string; body: string }) => [m.direction, m.body])).toEqual([
        ['inbound', BILLING],
        ['outbound', 'We refunded the second charge.'],
      ]);
      expect(JSON.stringify(view)).not.toContain('INTERNAL');
      const page = await request(t.http).get(`/status/${token}`).expect(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.text).toContain('We refunded the second charge.');
      expect(page.text).not.toContain('INTERNAL');
    });

    it('marks a reply for the status page as sent without mailing it', async () => {
      const res = await postForm(t, form.publicKey, {
        message: DELIVERY,
        email: 'linus@customer.test',
        replyChannel: 'status_page',
      }).expect(201);
      const conversation = await conversationByReference(t, res.body.reference);
      await api(t)
        .post(`/api/conversations/${conversation.id}/replies`)
        .send({ body: 'Your parcel is on its way.' })
        .expect(201);
      await drainJobs(t);
      const updated = await conversationByReference(t, res.body.reference);
      expect(updated.messages.find((m) => m.direction === 'outbound')?.deliveryStatus).toBe('sent');
      expect(
        mailsTo('linus@customer.test').filter((m) => m.parsed.text?.includes('on its way')),
      ).toHaveLength(0);
      const view = (
        await request(t.http)
          .get(`/api/public/status/${tokenOf(res.body.statusUrl)}`)
          .expect(200)
      ).body;
      expect(view.messages.at(-1)).toMatchObject({
        direction: 'outbound',
        body: 'Your parcel is on its way.',
      });
    });

    it('threads a follow-up from the status page into the same conversation and reopens it', async () => {
      const res = await postForm(t, form.publicKey, {
        message: DELIVERY,
        replyChannel: 'status_page',
      }).expect(201);
      const token = tokenOf(res.body.statusUrl);
      const conversation = await conversationByReference(t, res.body.reference);
      await api(t)
        .post(`/api/conversations/${conversation.id}/replies`)
        .send({ body: 'It arrives tomorrow.' })
        .expect(201);
      await drainJobs(t);
      await api(t).patch(`/api/conversations/${conversation.id}`).send({ status: 'resolved' }).expect(200);

      const json = await request(t.http)
        .post(`/api/public/status/${token}/messages`)
        .set('X-Forwarded-For', clientAddress())
        .send({ message: 'It did not arrive.' })
        .expect(201);
      expect(json.body.messages.at(-1)).toMatchObject({ direction: 'inbound', body: 'It did not arrive.' });
      const reopened = await conversationByReference(t, res.body.reference);
      expect(reopened.status).toBe('open');
      expect(reopened.messages.filter((m) => m.direction === 'inbound')).toHaveLength(2);

      const page = await request(t.http)
        .post(`/api/public/status/${token}/messages`)
        .set('X-Forwarded-For', clientAddress())
        .type('form')
        .set('Accept', 'text/html')
        .send({ message: 'Still waiting.' })
        .expect(303);
      expect(page.headers.location).toBe(res.body.statusUrl);
      expect((await conversationByReference(t, res.body.reference)).messages).toHaveLength(4);
      await request(t.http).post(`/api/public/status/${token}/messages`).send({ message: ' ' }).expect(400);
    });

    it('renders the status page as escaped HTML without scripts, and 404 for unknown tokens', async () => {
      const res = await postForm(t, form.publicKey, {
        message: '<script>alert("x")</script> my order',
        subject: '<img src=x onerror=alert(1)>',
      }).expect(201);
      const page = await request(t.http)
        .get(`/status/${tokenOf(res.body.statusUrl)}`)
        .expect(200);
      expect(page.text).not.toMatch(/<script|<img/i);
      expect(page.text).toContain('&lt;script&gt;');
      expect(page.text).toContain(res.body.reference);
      expect(page.text).toMatch(/<form method="post" action="[^"]*\/messages">/);
      expect(page.headers['content-security-policy']).toContain("default-src 'none'");

      const unknown = await request(t.http).get('/status/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA').expect(404);
      expect(unknown.headers['content-type']).toMatch(/^text\/html/);
      const json = await request(t.http)
        .get('/api/public/status/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')
        .expect(404);
      expect(json.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
      await request(t.http).get('/api/public/status/short').expect(404);
    });
  });
});

describe.each(TEST_DATABASES)('web form limits per form on %s', (db) => {
  let t: TestApp;
  let form: WebformBody;

  beforeAll(async () => {
    t = await startTestApp(db, { env: { FORM_RATE_LIMIT_PER_FORM: '3' } });
    form = await createWebform(t);
  });
  afterAll(() => t.close());

  it('stops a flood spread over many addresses at the per-form limit, other forms unaffected', async () => {
    for (let i = 0; i < 3; i++) await postForm(t, form.publicKey, { message: `Hi ${i}` }).expect(201);
    await postForm(t, form.publicKey, { message: 'One more' }).expect(429);
    const other = await createWebform(t);
    await postForm(t, other.publicKey, { message: 'Hello' }).expect(201);
  });
});
