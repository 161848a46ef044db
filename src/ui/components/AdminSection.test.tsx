import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderUi } from '../test-utils.js';
import { DataTable } from './AdminSection.js';

const columns = [{ label: 'Name' }, { label: 'Ing.', title: 'Ingested', numeric: true }];

function Table({ rows }: { rows: string[] }) {
  return (
    <DataTable columns={columns}>
      {rows.map((name) => (
        <tr key={name}>
          <td>{name}</td>
          <td className="num">3</td>
          <td>
            <button type="button">Edit {name}</button>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

const labelsOf = (name: string) =>
  Array.from(screen.getByRole('cell', { name }).closest('tr')!.cells).map((c) =>
    c.getAttribute('data-label'),
  );

describe('DataTable', () => {
  it('names every cell after its column (full wording) for the phone card layout; actions stay unnamed', () => {
    renderUi(<Table rows={['Mail']} />);
    expect(labelsOf('Mail')).toEqual(['Name', 'Ingested', null]);
    expect(screen.getByRole('table').className).toContain('has-actions');
  });

  it('also names the cells of rows added later', async () => {
    const { rerender } = renderUi(<Table rows={['Mail']} />);
    rerender(<Table rows={['Mail', 'Feed']} />);
    await waitFor(() => expect(labelsOf('Feed')).toEqual(['Name', 'Ingested', null]));
  });
});
