import { describe, expect, it } from 'vitest';
import { moveItem, positionChanges } from './reorder.js';

describe('routing rule order', () => {
  const rules = [
    { id: 'a', position: 10 },
    { id: 'b', position: 20 },
    { id: 'c', position: 30 },
  ];

  it('moves a rule and renumbers only what changed', () => {
    const moved = moveItem(rules, 2, 0);
    expect(moved.map((r) => r.id)).toEqual(['c', 'a', 'b']);
    expect(positionChanges(moved)).toEqual([
      { id: 'c', position: 10 },
      { id: 'a', position: 20 },
      { id: 'b', position: 30 },
    ]);
    expect(positionChanges(moveItem(rules, 0, 0))).toEqual([]);
  });

  it('repairs equal or gapped positions', () => {
    expect(
      positionChanges([
        { id: 'x', position: 5 },
        { id: 'y', position: 5 },
      ]),
    ).toEqual([
      { id: 'x', position: 10 },
      { id: 'y', position: 20 },
    ]);
  });

  it('ignores moves out of range', () => {
    expect(moveItem(rules, 0, 5)).toEqual(rules);
  });
});
