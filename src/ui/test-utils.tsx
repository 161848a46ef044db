import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { vi } from 'vitest';
import type { ConversationDetail } from './api/types.js';
import { ToastProvider } from './components/Toasts.js';
import { I18nProvider, type Lang } from './i18n/index.js';

export function renderUi(ui: ReactElement, lang: Lang = 'en'): RenderResult {
  return render(
    <I18nProvider initial={lang}>
      <ToastProvider>{ui}</ToastProvider>
    </I18nProvider>,
  );
}

export interface FetchCall {
  url: string;
  method: string;
  body: unknown;
}

/** Replaces fetch with canned answers per "METHOD /path" and records the calls. */
export function mockFetch(routes: Record<string, { status?: number; body?: unknown }>): FetchCall[] {
  const calls: FetchCall[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      const method = init?.method ?? 'GET';
      calls.push({ url, method, body: init?.body ? JSON.parse(String(init.body)) : undefined });
      const route = routes[`${method} ${url.split('?')[0]}`];
      const status = route?.status ?? (route ? 200 : 404);
      const body =
        route?.body ?? (route ? {} : { statusCode: 404, error: 'Not Found', message: 'Not Found' });
      return Promise.resolve(
        new Response(status === 204 ? null : JSON.stringify(body), {
          status,
          headers: { 'Content-Type': 'application/json' },
        }),
      );
    }),
  );
  return calls;
}

export function conversation(overrides: Partial<ConversationDetail> = {}): ConversationDetail {
  return {
    id: 'c1',
    reference: 'R-1001',
    channel: 'email',
    connectorId: null,
    subject: 'Parcel missing',
    preview: 'My parcel never arrived',
    contact: { id: 'p1', name: 'Erika Muster', email: 'erika@example.com' },
    status: 'new',
    priority: 'normal',
    language: 'en',
    sentiment: { label: 'negative', score: -0.6 },
    topic: { id: 'delivery', confidence: 0.8 },
    rating: null,
    externalUrl: null,
    departmentId: null,
    assigneeId: null,
    replyChannel: 'email',
    createdAt: '2026-01-01T10:00:00.000Z',
    lastMessageAt: '2026-01-01T10:00:00.000Z',
    firstResponseAt: null,
    resolvedAt: null,
    firstResponseDueAt: null,
    transfers: 0,
    repeatContacts: 0,
    messages: [],
    promises: [],
    events: [],
    ...overrides,
  };
}
