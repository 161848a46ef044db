import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppNotification } from '../api/types.js';
import { mockFetch, renderUi, type FetchCall } from '../test-utils.js';
import { NotificationBell } from './NotificationBell.js';

const UNREAD = 'GET /api/notifications?unread=true&limit=100';
const RECENT = 'GET /api/notifications?limit=10';

function notification(overrides: Partial<AppNotification>): AppNotification {
  return {
    id: 'n1',
    type: 'escalation',
    conversationId: 'c1',
    message: 'R-1001 is waiting for an answer',
    read: false,
    readAt: null,
    emailedAt: null,
    createdAt: new Date(Date.now() - 5 * 60_000).toISOString(),
    ...overrides,
  };
}

const overdue = notification({});
const promise = notification({
  id: 'n2',
  type: 'promise_broken',
  conversationId: 'c2',
  message: 'Call back',
});
const old = notification({ id: 'n0', conversationId: 'c0', message: 'Long done', read: true });

function setup() {
  const calls = mockFetch({
    [UNREAD]: { body: [overdue, promise] },
    [RECENT]: { body: [overdue, promise, old] },
    'PATCH /api/notifications/n1': { body: { ...overdue, read: true } },
    'PATCH /api/notifications/n2': { body: { ...promise, read: true } },
  });
  renderUi(<NotificationBell />);
  return calls;
}

const bell = () => screen.findByRole('button', { name: /^Notifications, \d+ unread$/ });
const patches = (calls: FetchCall[]) => calls.filter((c) => c.method === 'PATCH');
const gets = (calls: FetchCall[], url: string) => calls.filter((c) => `${c.method} ${c.url}` === url);

async function openPanel() {
  fireEvent.click(await screen.findByRole('button', { name: 'Notifications, 2 unread' }));
  const panel = screen.getByRole('dialog', { name: 'Notifications' });
  await within(panel).findByText('Long done');
  return panel;
}

describe('NotificationBell', () => {
  beforeEach(() => window.history.replaceState(null, '', '/inbox'));

  it('says how many notifications are unread, in its name and on the badge', async () => {
    setup();
    const button = await screen.findByRole('button', { name: 'Notifications, 2 unread' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(button.textContent).toBe('2');
  });

  it('asks again every minute and when the window regains focus', async () => {
    vi.useFakeTimers({ toFake: ['setInterval'] });
    try {
      const calls = setup();
      await bell();
      expect(gets(calls, UNREAD)).toHaveLength(1);
      act(() => void vi.advanceTimersByTime(60_000));
      await waitFor(() => expect(gets(calls, UNREAD)).toHaveLength(2));
      fireEvent.focus(window);
      await waitFor(() => expect(gets(calls, UNREAD)).toHaveLength(3));
    } finally {
      vi.useRealTimers();
    }
  });

  it('lists the newest with unread ones marked, and the time as relative', async () => {
    setup();
    const panel = await openPanel();
    const [first, , last] = within(panel).getAllByRole('button', { name: /R-1001|Call back|Long done/ });
    expect(first.textContent).toMatch(/^Escalation · 5 min\.? ago · Unread R-1001/);
    expect(first.className).toContain('is-unread');
    expect(last.textContent).not.toContain('Unread');
    expect(last.className).not.toContain('is-unread');
  });

  it('marks a notification read when clicked and opens its conversation', async () => {
    const calls = setup();
    const panel = await openPanel();
    fireEvent.click(within(panel).getByRole('button', { name: /R-1001 is waiting/ }));
    await waitFor(() =>
      expect(patches(calls)).toEqual([
        { url: '/api/notifications/n1', method: 'PATCH', body: { read: true } },
      ]),
    );
    expect(window.location.pathname).toBe('/inbox/c1');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('does not mark a read one again, but still opens it', async () => {
    const calls = setup();
    const panel = await openPanel();
    fireEvent.click(within(panel).getByRole('button', { name: /Long done/ }));
    expect(window.location.pathname).toBe('/inbox/c0');
    expect(patches(calls)).toEqual([]);
  });

  it('marks all unread ones read at once', async () => {
    const calls = setup();
    const panel = await openPanel();
    fireEvent.click(within(panel).getByRole('button', { name: 'Mark all read' }));
    await waitFor(() => expect(patches(calls)).toHaveLength(2));
    expect(patches(calls).map((c) => c.url)).toEqual(['/api/notifications/n1', '/api/notifications/n2']);
    expect(within(panel).queryByText(/Unread/)).toBeNull();
  });

  it('moves through the list with the arrow keys and closes on Escape, focus back on the bell', async () => {
    setup();
    const panel = await openPanel();
    expect(document.activeElement).toBe(panel);
    fireEvent.keyDown(panel, { key: 'ArrowDown' });
    expect(document.activeElement?.textContent).toContain('R-1001');
    fireEvent.keyDown(panel, { key: 'ArrowUp' });
    expect(document.activeElement?.textContent).toContain('Long done');
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(await bell());
  });
});
