import { render } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useShortcuts } from './hooks.js';

function Page({ map }: { map: Record<string, () => void> }) {
  useShortcuts(map);
  return <input aria-label="Search" />;
}

describe('keyboard shortcuts', () => {
  it('fire on single keys but not while typing or with modifiers', () => {
    const reply = vi.fn();
    const { getByLabelText } = render(<Page map={{ r: reply }} />);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'r' }));
    expect(reply).toHaveBeenCalledTimes(1);
    getByLabelText('Search').dispatchEvent(new KeyboardEvent('keydown', { key: 'r', bubbles: true }));
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'r', ctrlKey: true }));
    expect(reply).toHaveBeenCalledTimes(1);
  });

  it('stay quiet while a dialog is open', () => {
    const resolve = vi.fn();
    render(<Page map={{ e: resolve }} />);
    const dialog = document.createElement('div');
    dialog.setAttribute('role', 'dialog');
    document.body.appendChild(dialog);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'e' }));
    dialog.remove();
    expect(resolve).not.toHaveBeenCalled();
  });
});
