import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ResponseTimeRow } from '../../api/types.js';
import { mockFetch, renderSignedIn, signedIn, user } from '../../test-utils.js';
import { DashboardPage } from './DashboardPage.js';

const manager = user({ role: 'manager' });
const bea = user({ id: 'u2', name: 'Bea Berger', role: 'agent' });

function row(key: string | null, label: string | null, conversations: number): ResponseTimeRow {
  return {
    key,
    label,
    conversations,
    answered: conversations - 1,
    firstResponseMedianSeconds: 3600,
    firstResponseP90Seconds: 7200,
    resolutionMedianSeconds: null,
    slaBreached: 0,
  };
}

describe('Dashboard response times per agent', () => {
  it('asks for the assignee report and names each row from the directory, "Unassigned" for none', async () => {
    const calls = mockFetch({
      ...signedIn(manager, { colleagues: [bea] }),
      // The same rows answer every grouping; only the agent card is looked at.
      'GET /api/analytics/response-times': {
        body: { rows: [row(bea.id, 'Name on the server', 7), row(null, null, 4), row('u-left', 'Carl', 2)] },
      },
      'GET /api/analytics/overview': {
        body: { total: 0, byStatus: {}, byChannel: {}, bySentiment: {}, byTopic: {}, trend: [] },
      },
    });
    renderSignedIn(<DashboardPage />);
    const card = (await screen.findByRole('heading', { name: 'Per agent' })).closest('.card') as HTMLElement;
    await within(card).findByText('Bea Berger');
    const table = within(card).getByRole('table');
    expect(within(table).getAllByRole('columnheader')[0].textContent).toBe('Assignee');
    const firstCells = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => within(r).getAllByRole('cell')[0].textContent);
    expect(firstCells).toEqual(['Bea Berger', 'Unassigned', 'Carl']);
    expect(calls.some((c) => c.url.includes('groupBy=assignee'))).toBe(true);
  });
});
