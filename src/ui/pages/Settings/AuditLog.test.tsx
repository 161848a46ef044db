import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../api/types.js';
import { mockFetch, renderSignedIn, signedIn, user } from '../../test-utils.js';
import { SettingsPage } from './SettingsPage.js';

const admin = user();
const bea = user({ id: 'u2', name: 'Bea Berger', role: 'manager' });
const departments = [{ id: 'd1', name: 'Logistics' }];

function entry(overrides: Partial<AuditEntry>): AuditEntry {
  return {
    id: Math.random().toString(36),
    actorUserId: admin.id,
    action: 'user.updated',
    entityType: 'user',
    entityId: bea.id,
    data: null,
    createdAt: '2026-03-02T09:30:00.000Z',
    ...overrides,
  };
}

const entries = [
  entry({
    actorUserId: admin.id,
    data: { changed: ['role', 'password'], role: { from: 'agent', to: 'manager' } },
  }),
  entry({
    actorUserId: bea.id,
    action: 'user.created',
    entityId: 'u9-gone-from-directory',
    data: { role: 'agent', departmentIds: ['d1'] },
  }),
  entry({
    actorUserId: null,
    action: 'contact.erased',
    entityType: 'contact',
    entityId: '0f3c9a77-1111-2222-3333-444455556666',
    data: { messages: 3 },
  }),
  entry({
    action: 'connector.rotated',
    entityType: 'connector',
    entityId: 'k1',
    data: { name: 'Shop reviews' },
  }),
];

const cells = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((c) => c.textContent);

describe('Audit log in the settings', () => {
  beforeEach(() => window.history.replaceState(null, '', '/settings/audit'));

  it('lists entries with names, readable actions and the changes in one line', async () => {
    const calls = mockFetch({
      ...signedIn(admin, { colleagues: [bea], departments }),
      'GET /api/audit-log': { body: entries },
    });
    renderSignedIn(<SettingsPage section="audit" />);
    expect(await screen.findByRole('heading', { name: 'Audit log' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Audit log' }).getAttribute('aria-current')).toBe('page');
    await screen.findByText('role: agent; departmentIds: Logistics');
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map(cells).map((c) => c.slice(1))).toEqual([
      ['Anna Admin', 'User changed', 'UserBea Berger', 'changed: role, password; role agent → manager'],
      ['Bea Berger', 'User created', 'Useru9-gone-', 'role: agent; departmentIds: Logistics'],
      ['System', 'Customer data erased', 'Customer0f3c9a77', 'messages: 3'],
      ['Anna Admin', 'connector.rotated', 'ConnectorShop reviews', 'name: Shop reviews'],
    ]);
    expect(calls.filter((c) => c.url.startsWith('/api/audit-log')).map((c) => c.url)).toEqual([
      '/api/audit-log?limit=50',
    ]);
  });

  it('filters by object type and loads more with a bigger page', async () => {
    const page = Array.from({ length: 50 }, (_, i) => entry({ id: `e${i}` }));
    const calls = mockFetch({
      ...signedIn(admin),
      'GET /api/audit-log': { body: entries },
      'GET /api/audit-log?entityType=user&limit=50': { body: page },
    });
    renderSignedIn(<SettingsPage section="audit" />);
    await screen.findByText('Customer data erased');
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
    fireEvent.change(screen.getByRole('combobox', { name: 'Object' }), { target: { value: 'user' } });
    fireEvent.click(await screen.findByRole('button', { name: 'Load more' }));
    await waitFor(() =>
      expect(calls.filter((c) => c.url.startsWith('/api/audit-log')).map((c) => c.url)).toEqual([
        '/api/audit-log?limit=50',
        '/api/audit-log?entityType=user&limit=50',
        '/api/audit-log?entityType=user&limit=100',
      ]),
    );
  });

  it('is not there for managers and agents', async () => {
    const calls = mockFetch({ ...signedIn(user({ role: 'manager' })) });
    renderSignedIn(<SettingsPage section="audit" />);
    expect(await screen.findByRole('link', { name: 'Routing rules' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Audit log' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Audit log' })).toBeNull();
    await waitFor(() => expect(window.location.pathname).toBe('/settings/routing'));
    expect(calls.some((c) => c.url.startsWith('/api/audit-log'))).toBe(false);
  });
});
