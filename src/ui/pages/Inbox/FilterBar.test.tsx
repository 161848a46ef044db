import { fireEvent, screen } from '@testing-library/react';
import { createRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { mockFetch, renderSignedIn, signedIn, user } from '../../test-utils.js';
import { FilterBar } from './FilterBar.js';
import type { Filters } from './filters.js';

const agent = user({ role: 'agent', name: 'Lena Vogel' });

function renderBar(filters: Filters) {
  mockFetch(signedIn(agent, { departments: [{ id: 'd1', name: 'Logistics' }] }));
  const onChange = vi.fn();
  renderSignedIn(<FilterBar filters={filters} onChange={onChange} searchRef={createRef()} />);
  return onChange;
}

describe('FilterBar', () => {
  it("offers the open work of the agent's own departments as a view", async () => {
    const onChange = renderBar({});
    fireEvent.click(await screen.findByRole('button', { name: 'My departments' }));
    expect(onChange).toHaveBeenCalledWith({ status: 'new,open,pending', departmentId: 'mine' });
  });

  it('names the active view in the status and department fields instead of "All"', async () => {
    renderBar({ status: 'new,open,pending', departmentId: 'mine' });
    expect((await screen.findByRole('button', { name: 'My departments' })).getAttribute('aria-pressed')).toBe(
      'true',
    );
    const shown = (label: string) => {
      const select = screen.getByLabelText(label) as HTMLSelectElement;
      return select.options[select.selectedIndex].text;
    };
    expect(shown('Status')).toBe('Open work');
    expect(shown('Department')).toBe('My departments');
  });

  it('sorts by due time and keeps the order when another view is chosen', async () => {
    const onChange = renderBar({ status: 'new', sort: 'priority' });
    expect((await screen.findByRole('button', { name: 'Unassigned' })).getAttribute('aria-pressed')).toBe(
      'false',
    );
    fireEvent.change(screen.getByLabelText('Sort by'), { target: { value: 'due' } });
    expect(onChange).toHaveBeenLastCalledWith({ status: 'new', sort: 'due' });
    fireEvent.click(screen.getByRole('button', { name: 'Unassigned' }));
    expect(onChange).toHaveBeenLastCalledWith({ assigneeId: 'none', sort: 'priority' });
    expect(screen.getByRole('button', { name: 'New' }).getAttribute('aria-pressed')).toBe('true');
  });
});
