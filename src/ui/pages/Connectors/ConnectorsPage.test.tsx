import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Connector } from '../../api/types.js';
import { mockFetch, renderUi } from '../../test-utils.js';
import { ConnectorsPage } from './ConnectorsPage.js';

function connector(overrides: Partial<Connector>): Connector {
  return {
    id: 'k1',
    kind: 'email',
    name: 'Service mailbox',
    enabled: true,
    settings: {},
    status: { state: 'ok', lastSyncAt: new Date().toISOString(), lastError: null, ingestedTotal: 3 },
    ...overrides,
  };
}

/** The described-by text of a control: its error (and hint) as a screen reader hears them. */
function description(control: HTMLElement): string {
  return (control.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

async function openNew(kind: RegExp) {
  fireEvent.click((await screen.findAllByRole('button', { name: 'New connector' }))[0]);
  fireEvent.click(screen.getByRole('button', { name: kind }));
}

function fillEmailConnector() {
  fireEvent.change(screen.getByLabelText('Name *'), { target: { value: 'Service' } });
  fireEvent.change(screen.getByLabelText('Reply address *'), { target: { value: 'service@shop.test' } });
  const imap = within(screen.getByRole('group', { name: 'Incoming mail (IMAP)' }));
  fireEvent.change(imap.getByLabelText('Server *'), { target: { value: 'imap.shop.test' } });
  fireEvent.change(imap.getByLabelText('User name *'), { target: { value: 'service' } });
  fireEvent.change(imap.getByLabelText('Password *'), { target: { value: 'secret' } });
  const smtp = within(screen.getByRole('group', { name: 'Outgoing mail (SMTP)' }));
  fireEvent.change(smtp.getByLabelText('Server *'), { target: { value: 'smtp.shop.test' } });
  return imap;
}

describe('ConnectorsPage', () => {
  const scrolled: Element[] = [];

  beforeEach(() => {
    scrolled.length = 0;
    // jsdom does not lay out, so it has no scrollIntoView; record who asked to be shown.
    Element.prototype.scrollIntoView = vi.fn(function (this: Element) {
      scrolled.push(this);
    });
  });
  afterEach(() => {
    delete (Element.prototype as Partial<Element>).scrollIntoView;
  });

  it('says a failed last sync failed, with the error as its description', async () => {
    mockFetch({
      'GET /api/connectors': {
        body: [
          connector({}),
          connector({
            id: 'k2',
            name: 'Broken mailbox',
            status: {
              state: 'error',
              lastSyncAt: new Date().toISOString(),
              lastError: 'IMAP login failed',
              ingestedTotal: 0,
            },
          }),
        ],
      },
    });
    renderUi(<ConnectorsPage />);
    const lastSync = (name: string) =>
      within(screen.getByText(name).closest('tr') as HTMLElement).getAllByRole('cell')[2];
    await screen.findByText('Broken mailbox');
    expect(lastSync('Service mailbox').textContent).toBe('this minute');
    const failed = lastSync('Broken mailbox');
    expect(failed.textContent).toBe('Failed this minute');
    expect(within(failed).getByText('Failed this minute').getAttribute('title')).toBe('IMAP login failed');
  });

  it('titles a new connector naturally in both languages', async () => {
    mockFetch({ 'GET /api/connectors': { body: [] } });
    const { unmount } = renderUi(<ConnectorsPage />);
    await openNew(/^Email mailbox/);
    expect(screen.getByRole('dialog', { name: 'New email connector' })).toBeTruthy();
    unmount();
    renderUi(<ConnectorsPage />, 'de');
    fireEvent.click((await screen.findAllByRole('button', { name: 'Neuer Konnektor' }))[0]);
    fireEvent.click(screen.getByRole('button', { name: /^E-Mail-Postfach/ }));
    expect(screen.getByRole('dialog', { name: 'Neuer E-Mail-Konnektor' })).toBeTruthy();
  });

  it('shows each server objection at its field, without the API path, and focuses the first', async () => {
    mockFetch({
      'GET /api/connectors': { body: [] },
      'POST /api/connectors': {
        status: 400,
        body: {
          statusCode: 400,
          error: 'Bad Request',
          message: [
            'settings.pollIntervalSeconds must be an integer of at least 10',
            'settings.imap.port must be an integer between 1 and 65535',
            'settings.folder is not a known setting',
          ],
        },
      },
    });
    renderUi(<ConnectorsPage />);
    await openNew(/^Email mailbox/);
    const imap = fillEmailConnector();
    fireEvent.change(imap.getByLabelText('Port *'), { target: { value: '99999' } });
    fireEvent.change(screen.getByLabelText('Check every (seconds)'), { target: { value: '5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create connector' }));

    const port = imap.getByLabelText('Port *');
    await waitFor(() => expect(port.getAttribute('aria-invalid')).toBe('true'));
    expect(description(port)).toContain('Must be an integer between 1 and 65535');
    const poll = screen.getByLabelText('Check every (seconds)');
    expect(poll.getAttribute('aria-invalid')).toBe('true');
    expect(description(poll)).toContain('Must be an integer of at least 10');
    expect(description(poll)).not.toContain('settings.');
    // Only the message that names no field stays on top.
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('settings.folder is not a known setting');
    expect(alert.textContent).not.toContain('pollIntervalSeconds');
    // The first field in the form (the interval sits above the IMAP group) is shown and focused.
    expect(scrolled).toEqual([poll]);
    expect(document.activeElement).toBe(poll);
    // Changing the value takes the objection away.
    fireEvent.change(port, { target: { value: '993' } });
    expect(port.getAttribute('aria-invalid')).toBeNull();
    expect(description(port)).not.toContain('Must be');
  });

  it('keeps a message that names no field on top and brings it into view', async () => {
    mockFetch({
      'GET /api/connectors': { body: [] },
      'POST /api/connectors': {
        status: 400,
        body: { statusCode: 400, message: ['settings.imap must be an object'] },
      },
    });
    renderUi(<ConnectorsPage />);
    await openNew(/^Email mailbox/);
    fillEmailConnector();
    fireEvent.click(screen.getByRole('button', { name: 'Create connector' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('settings.imap must be an object');
    expect(screen.getByRole('dialog').querySelector('[aria-invalid="true"]')).toBeNull();
    await waitFor(() => expect(scrolled).toEqual([alert]));
  });

  it('closes the snippet shown after creating a web form with "Done", not "Cancel"', async () => {
    const created = connector({
      id: 'w1',
      kind: 'webform',
      name: 'Site form',
      status: { state: 'idle', lastSyncAt: null, lastError: null, ingestedTotal: 0 },
      snippet: '<form action="https://resonanz.test/f/w1"></form>',
    });
    mockFetch({
      'GET /api/connectors': { body: [] },
      'POST /api/connectors': { status: 201, body: created },
    });
    renderUi(<ConnectorsPage />);
    await openNew(/^Web form/);
    expect(screen.getByRole('dialog', { name: 'New web form' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Name *'), { target: { value: 'Site form' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create connector' }));
    const snippet = await screen.findByRole('dialog', { name: 'Put “Site form” on your website' });
    expect(within(snippet).queryByRole('button', { name: 'Cancel' })).toBeNull();
    fireEvent.click(within(snippet).getByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
