import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import http from 'node:http';
import request from 'supertest';
import { createConversation, importRemarks, makeRemark } from './factories/remarks.js';
import { TEST_DATABASES } from './support/databases.js';
import { ADMIN, api, startTestApp, type TestApp } from './support/test-app.js';

interface SseEvent {
  event: string;
  data: {
    type: string;
    conversationId: string;
    conversation?: { id: string; reference: string };
    message?: { direction: string };
  };
}

/** Opens GET /api/events and collects events until closed. */
function listen(t: TestApp, headers: Record<string, string>) {
  const events: SseEvent[] = [];
  let buffer = '';
  let status = 0;
  const waiters: (() => void)[] = [];
  const req = http.get(`${t.baseUrl}/api/events`, { headers }, (res) => {
    status = res.statusCode ?? 0;
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event && data) events.push({ event, data: JSON.parse(data) });
      }
      waiters.splice(0).forEach((w) => w());
    });
    waiters.splice(0).forEach((w) => w());
  });
  req.on('error', () => undefined);
  const until = async (check: () => boolean) => {
    while (!check()) await new Promise<void>((resolve) => waiters.push(resolve));
  };
  return { events, status: () => status, until, close: () => req.destroy() };
}

describe.each(TEST_DATABASES)('live inbox events on %s', (db) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(db, { listen: true });
  });
  afterAll(() => t.close());

  it('announces new conversations, messages and updates to a signed-in listener', async () => {
    const stream = listen(t, { Authorization: `Bearer ${t.adminToken}` });
    await stream.until(() => stream.status() > 0);
    expect(stream.status()).toBe(200);
    const body = await importRemarks(t, [makeRemark()]);
    const id = body.outcomes[0].conversationId!;
    await stream.until(() => stream.events.some((e) => e.event === 'conversation.created'));
    const created = stream.events.find((e) => e.event === 'conversation.created')!;
    expect(created.data.conversationId).toBe(id);
    expect(created.data.conversation).toMatchObject({ id, status: 'new' });

    await api(t).post(`/api/conversations/${id}/notes`).send({ body: 'intern' }).expect(201);
    await api(t).patch(`/api/conversations/${id}`).send({ priority: 'high' }).expect(200);
    await stream.until(() => stream.events.some((e) => e.event === 'conversation.updated'));
    const message = stream.events.find((e) => e.event === 'message.created')!;
    expect(message.data).toMatchObject({ conversationId: id, message: { direction: 'note' } });
    expect(message.data.conversation?.id).toBe(id);
    expect(stream.events.find((e) => e.event === 'conversation.updated')!.data.conversation).toMatchObject({
      id,
      priority: 'high',
    });
    stream.close();
  });

  it('accepts the session cookie and refuses anonymous listeners', async () => {
    const login = await request(t.http).post('/api/auth/login').send(ADMIN).expect(200);
    const cookie = (login.headers['set-cookie'] as unknown as string[])[0].split(';')[0];
    const stream = listen(t, { Cookie: cookie });
    await stream.until(() => stream.status() > 0);
    expect(stream.status()).toBe(200);
    const id = await createConversation(t);
    await stream.until(() => stream.events.some((e) => e.data.conversationId === id));
    stream.close();

    const anonymous = listen(t, {});
    await anonymous.until(() => anonymous.status() > 0);
    expect(anonymous.status()).toBe(401);
    anonymous.close();
  });
});
