import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { conversation, renderUi } from '../../test-utils.js';
import { ConversationItem } from './ConversationItem.js';

const NOW = Date.parse('2026-01-01T12:00:00Z');

function item(overrides: Parameters<typeof conversation>[0]) {
  renderUi(
    <ul>
      <ConversationItem conv={conversation(overrides)} href="/inbox/c1" selected={false} now={NOW} />
    </ul>,
  );
  return screen.getByRole('link');
}

describe('ConversationItem', () => {
  it('shows customer, subject, sentiment and topic badges and the channel', () => {
    const link = item({ lastMessageAt: '2026-01-01T09:00:00Z' });
    expect(link.textContent).toContain('Erika Muster');
    expect(link.textContent).toContain('Parcel missing');
    expect(link.textContent).toContain('Negative');
    expect(link.textContent).toContain('Delivery');
    expect(screen.getByRole('img', { name: 'Email' })).toBeTruthy();
    expect(link.textContent).toMatch(/3 hr\.? ago/);
  });

  it('highlights an overdue first response', () => {
    item({ firstResponseDueAt: '2026-01-01T10:30:00Z' });
    const due = document.querySelector('.due');
    expect(due?.className).toContain('due-overdue');
    expect(due?.textContent).toBe('overdue 1h 30m');
  });

  it('shows review stars, a raised priority and repeat contacts', () => {
    item({ channel: 'feed', rating: 2, priority: 'urgent', repeatContacts: 2 });
    expect(screen.getByRole('img', { name: 'Rated 2 out of 5' })).toBeTruthy();
    expect(screen.getByText('Urgent')).toBeTruthy();
    expect(screen.getByTitle('Earlier contacts by this customer in the last 14 days').textContent).toBe('2');
  });

  it('shows no priority badge for normal priority and no due time once answered', () => {
    const link = item({
      firstResponseDueAt: '2026-01-01T10:30:00Z',
      firstResponseAt: '2026-01-01T10:00:00Z',
    });
    expect(link.textContent).not.toContain('Normal');
    expect(document.querySelector('.due')).toBeNull();
  });
});
