export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  if (from < 0 || from >= next.length || to < 0 || to >= next.length || from === to) return next;
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}

/** Positions step by 10 so a later insert fits between two rules without renumbering. */
export const POSITION_STEP = 10;

/** New positions for a list in its intended order; only the rules whose position changes. */
export function positionChanges(
  ordered: readonly { id: string; position: number }[],
): { id: string; position: number }[] {
  return ordered
    .map((rule, index) => ({ id: rule.id, position: (index + 1) * POSITION_STEP }))
    .filter((change, index) => ordered[index].position !== change.position);
}
