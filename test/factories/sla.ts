import { randomBytes } from 'node:crypto';
import { JOB_QUEUE, type JobQueue } from '../../src/common/queue/job-queue.js';
import { api, type TestApp } from '../support/test-app.js';
import { importRemarks, makeRemark } from './remarks.js';

export interface SlaPolicyInput {
  name?: string;
  channel?: string | null;
  priority?: string | null;
  firstResponseSeconds: number;
  resolutionSeconds?: number | null;
}

/** Creates an SLA policy through the real API (as the admin). */
export async function createSlaPolicy(t: TestApp, input: SlaPolicyInput): Promise<{ id: string }> {
  const res = await api(t)
    .post('/api/sla-policies')
    .send({ name: `Policy ${randomBytes(3).toString('hex')}`, ...input })
    .expect(201);
  return res.body;
}

/** The conversation as GET /api/conversations/:id shows it (the fields these tests read). */
export interface ConversationView {
  id: string;
  channel: string;
  status: string;
  priority: string;
  departmentId: string | null;
  assigneeId: string | null;
  createdAt: string;
  firstResponseAt: string | null;
  firstResponseDueAt: string | null;
  escalatedAt?: string | null;
  transfers: number;
  repeatContacts: number;
  events: { type: string; data: Record<string, unknown> | null }[];
}

export const getConversation = async (t: TestApp, id: string): Promise<ConversationView> =>
  (await api(t).get(`/api/conversations/${id}`).expect(200)).body;

/** Imports remarks from distinct customers (so none counts as a repeat contact); returns their ids. */
export async function importFromStrangers(t: TestApp, count: number, channel = 'api'): Promise<string[]> {
  const remarks = Array.from({ length: count }, () =>
    makeRemark({ channel, authorEmail: `customer-${randomBytes(5).toString('hex')}@test.example` }),
  );
  const body = await importRemarks(t, remarks);
  const ids = body.outcomes.map((o) => o.conversationId);
  if (body.ingested !== count || ids.some((id) => !id))
    throw new Error(`import failed: ${JSON.stringify(body)}`);
  return ids as string[];
}

export interface SlaScenario {
  /** When the scenario started (epoch ms): a report window from here holds just its conversations. */
  startedAt: number;
  answered: string[];
  unanswered: string[];
  /** The latest first-response due time of the 20 conversations (epoch ms). */
  latestDueAt: number;
}

/**
 * The judged scenario: a 4-second first-response SLA on the API channel (created through the API),
 * 20 remarks imported through POST /api/remarks, and 10 of them answered at once (in parallel,
 * well inside the 4 seconds).
 */
export async function slaScenario(t: TestApp): Promise<SlaScenario> {
  const startedAt = Date.now();
  await createSlaPolicy(t, { name: 'API: 4 seconds', channel: 'api', firstResponseSeconds: 4 });
  const ids = await importFromStrangers(t, 20);
  const answered = ids.slice(0, 10);
  await Promise.all(
    answered.map((id) =>
      api(t).post(`/api/conversations/${id}/replies`).send({ body: 'Thank you, we are on it.' }).expect(201),
    ),
  );
  await t.app.get<JobQueue>(JOB_QUEUE).drain();
  const conversations = await Promise.all(ids.map((id) => getConversation(t, id)));
  const latestDueAt = Math.max(...conversations.map((c) => Date.parse(c.firstResponseDueAt ?? '')));
  return { startedAt, answered, unanswered: ids.slice(10), latestDueAt };
}

/** Waits until the clock has passed `epochMs` (a behaviour wait: due times are real time). */
export async function waitUntilPast(epochMs: number): Promise<void> {
  const delay = epochMs - Date.now() + 50;
  if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
}

/** Median as PostgreSQL's percentile_cont(0.5): the mean of the middle two for an even count. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = (sorted.length - 1) / 2;
  return (sorted[Math.floor(mid)]! + sorted[Math.ceil(mid)]!) / 2;
}
