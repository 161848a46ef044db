import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { ClassificationService } from '../src/modules/classification/classification.service.js';
import { createUser, type TestUser } from './factories/users.js';
import { api, startTestApp, type TestApp } from './support/test-app.js';

// Classification keeps no state in the database apart from corrections, so SQLite suffices here.
describe('POST /api/classify', () => {
  let t: TestApp;
  let agent: TestUser;

  beforeAll(async () => {
    t = await startTestApp('sqlite');
    agent = await createUser(t, 'agent');
  });
  afterAll(() => t.close());

  it('answers language, sentiment and ranked topics for any signed-in user', async () => {
    const res = await api(t, agent.token)
      .post('/api/classify')
      .send({
        text: 'Mein Paket ist seit zwei Wochen nicht angekommen, die Sendungsverfolgung zeigt nichts an.',
      })
      .expect(200);
    expect(res.body.language).toBe('de');
    expect(res.body.sentiment.label).toBe('negative');
    expect(res.body.sentiment.score).toBeGreaterThanOrEqual(-1);
    expect(res.body.sentiment.score).toBeLessThan(0);
    expect(res.body.topics[0].id).toBe('delivery');
    const confidences = res.body.topics.map((topic: { confidence: number }) => topic.confidence);
    expect([...confidences].sort((a, b) => b - a)).toEqual(confidences);
    expect(Object.keys(res.body).sort()).toEqual(['language', 'sentiment', 'topics']);
  });

  it('understands English praise', async () => {
    const res = await api(t, agent.token)
      .post('/api/classify')
      .send({ text: 'Thank you so much, your support team was incredibly helpful and friendly!' })
      .expect(200);
    expect(res.body).toMatchObject({ language: 'en', sentiment: { label: 'positive' } });
    expect(res.body.topics[0].id).toBe('service_staff');
  });

  it('blends in a star rating when given', async () => {
    const res = await api(t, agent.token).post('/api/classify').send({ text: 'Ok.', rating: 1 }).expect(200);
    expect(res.body.sentiment.label).toBe('negative');
  });

  it('rejects empty, whitespace-only and missing text with 400', async () => {
    for (const body of [{ text: '' }, { text: ' \n\t ' }, {}, { text: 42 }, { text: 'x', extra: 1 }]) {
      const res = await api(t, agent.token).post('/api/classify').send(body).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    }
  });

  it('refuses requests without a token with 401', async () => {
    await request(t.http).post('/api/classify').send({ text: 'hello' }).expect(401);
  });

  it('answers huge, binary, mixed-language and emoji-only text', async () => {
    const huge = 'Die Lieferung kam zu spät und die Rechnung stimmt nicht. '.repeat(18_000);
    const garbage = Array.from({ length: 20_000 }, (_, i) => String.fromCharCode((i * 7919) % 0xd7ff)).join(
      '',
    );
    for (const text of [
      huge,
      garbage,
      'Die Ware ist super, but the delivery was a disaster. Merci beaucoup!',
      '😡😡😡🤬',
      '!!!???',
    ]) {
      const res = await api(t, agent.token).post('/api/classify').send({ text }).expect(200);
      expect(['de', 'en', 'other']).toContain(res.body.language);
      expect(['negative', 'neutral', 'positive']).toContain(res.body.sentiment.label);
      expect(res.body.topics.length).toBeGreaterThan(0);
    }
    const emoji = await api(t, agent.token).post('/api/classify').send({ text: '😡😡😡🤬' }).expect(200);
    expect(emoji.body.sentiment.label).toBe('negative');
  });

  it('learns from corrections in the background without blocking requests', async () => {
    const service = t.app.get(ClassificationService);
    const text = 'Zorblax quibbleton frumious wabe';
    const before = service.classify(text);
    expect(before.topics[0].id).not.toBe('privacy');
    for (let i = 0; i < 20; i++) {
      await service.recordCorrection({ text: `${text} ${i}`, topic: 'privacy', sentiment: 'positive' });
    }
    // The 20th correction started a retraining; requests keep being answered meanwhile.
    const retrained = service.whenIdle();
    const started = Date.now();
    await api(t, agent.token).post('/api/classify').send({ text: 'Wo bleibt mein Paket?' }).expect(200);
    expect(Date.now() - started).toBeLessThan(1000);
    await retrained;
    const after = service.classify(text);
    expect(after.topics[0].id).toBe('privacy');
    await expect(service.recordCorrection({ text: 'x', topic: 'nonsense' })).rejects.toThrow(/topic/);
    await expect(service.recordCorrection({ text: ' ', topic: 'privacy' })).rejects.toThrow(/text/);
  }, 180_000);
});
