import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { vi } from 'vitest';
import type { ConversationDetail, Department, User } from './api/types.js';
import { ToastProvider } from './components/Toasts.js';
import { I18nProvider, type Lang } from './i18n/index.js';
import { DirectoryProvider } from './lib/directory.js';
import { SessionProvider, SIGNED_IN_HINT, useSession } from './lib/session.js';

export function renderUi(ui: ReactElement, lang: Lang = 'en'): RenderResult {
  return render(
    <I18nProvider initial={lang}>
      <ToastProvider>{ui}</ToastProvider>
    </I18nProvider>,
  );
}

interface Directory {
  colleagues?: User[];
  departments?: Pick<Department, 'id' | 'name'>[];
}

function SignedIn({ children }: { children: ReactNode }) {
  return useSession().user ? <DirectoryProvider>{children}</DirectoryProvider> : null;
}

/** Renders `ui` as the app does after sign-in: below the session and the directory (see signedIn). */
export function renderSignedIn(ui: ReactElement): RenderResult {
  window.localStorage.setItem(SIGNED_IN_HINT, '1');
  return renderUi(
    <SessionProvider>
      <SignedIn>{ui}</SignedIn>
    </SessionProvider>,
  );
}

export function user(overrides: Partial<User> = {}): User {
  return { id: 'u1', email: 'anna@example.com', name: 'Anna Admin', role: 'admin', ...overrides };
}

/** Routes for mockFetch: `me` is signed in, and the directory knows `colleagues` and `departments`. */
export function signedIn(me: User, { colleagues = [], departments = [] }: Directory = {}) {
  return {
    'GET /api/auth/me': { body: me },
    'GET /api/users/directory': { body: [me, ...colleagues] },
    'GET /api/departments': { body: departments },
  };
}

export interface FetchCall {
  url: string;
  method: string;
  body: unknown;
}

/**
 * Replaces fetch with canned answers per "METHOD /path" and records the calls (JSON bodies parsed,
 * FormData as sent). A route with its query ("GET /api/x?a=1") answers that exact URL first.
 */
export function mockFetch(routes: Record<string, { status?: number; body?: unknown }>): FetchCall[] {
  const calls: FetchCall[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      const method = init?.method ?? 'GET';
      const sent = init?.body;
      calls.push({
        url,
        method,
        body: sent instanceof FormData ? sent : sent ? JSON.parse(String(sent)) : undefined,
      });
      const route = routes[`${method} ${url}`] ?? routes[`${method} ${url.split('?')[0]}`];
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
