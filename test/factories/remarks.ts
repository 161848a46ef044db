import { randomBytes } from 'node:crypto';
import { api, type TestApp } from '../support/test-app.js';

/** A remark as POST /api/remarks takes it. */
export interface RemarkInput {
  externalId: string;
  text: string;
  channel?: string;
  connectorId?: string;
  subject?: string;
  authorName?: string;
  authorEmail?: string;
  rating?: number;
  createdAt?: string;
  html?: string;
  url?: string;
}

/** Remarks whose topic is clear to a human, in both languages (written for these tests). */
export const SAMPLE_REMARKS: { topic: string; language: 'de' | 'en'; text: string }[] = [
  {
    topic: 'delivery',
    language: 'de',
    text: 'Meine Bestellung ist seit zwei Wochen unterwegs und das Paket ist immer noch nicht angekommen. Die Sendungsverfolgung zeigt seit Tagen nichts Neues.',
  },
  {
    topic: 'delivery',
    language: 'en',
    text: 'My parcel was supposed to arrive last Monday but the tracking has not moved since and the courier never showed up.',
  },
  {
    topic: 'billing',
    language: 'de',
    text: 'Auf meiner Rechnung wurde der Betrag doppelt abgebucht. Bitte erstatten Sie die zweite Abbuchung von meinem Konto.',
  },
  {
    topic: 'billing',
    language: 'en',
    text: 'I was charged twice for the same invoice and my credit card statement shows two payments. Please refund the duplicate charge.',
  },
  {
    topic: 'privacy',
    language: 'de',
    text: 'Ich verlange Auskunft nach DSGVO über alle gespeicherten Daten und möchte, dass Sie meine Daten löschen. Keine Werbung mehr bitte.',
  },
  {
    topic: 'website_app',
    language: 'en',
    text: 'The app crashes every time I try to log in and the website shows an error page at checkout.',
  },
];

let counter = 0;

/** A remark with a fresh external id; the text cycles through the samples. */
export function makeRemark(overrides: Partial<RemarkInput> = {}): RemarkInput {
  const sample = SAMPLE_REMARKS[counter++ % SAMPLE_REMARKS.length];
  return { externalId: `t-${randomBytes(6).toString('hex')}`, text: sample.text, ...overrides };
}

/** Imports through the real API (as the admin unless a token is given); returns the response body. */
export async function importRemarks(
  t: TestApp,
  remarks: RemarkInput[] | unknown[],
  token = t.adminToken,
): Promise<{
  ingested: number;
  duplicates: number;
  failed: { index: number; message: string }[];
  outcomes: { index: number; status: string; conversationId?: string; created?: boolean }[];
}> {
  const res = await api(t, token).post('/api/remarks').send({ remarks }).expect(200);
  return res.body;
}

/** Imports one remark and returns its conversation id. */
export async function createConversation(t: TestApp, overrides: Partial<RemarkInput> = {}): Promise<string> {
  const body = await importRemarks(t, [makeRemark(overrides)]);
  const id = body.outcomes[0]?.conversationId;
  if (!id) throw new Error(`import failed: ${JSON.stringify(body)}`);
  return id;
}
