// Which Bon line Del removes. Without a choice it is the newest line (what was just rung up wrongly);
// ↑ and ↓ move the choice, and it stays on a line that still exists when lines come and go.

/** The index Del would remove: `chosen` if it is still a line, else the last line; null for an empty Bon. */
export function selectedLineIndex(chosen: number | null, lineCount: number): number | null {
  if (lineCount === 0) return null;
  if (chosen === null || chosen < 0 || chosen >= lineCount) return lineCount - 1;
  return chosen;
}

/** One step up (-1) or down (+1) from the line selected now, held at the first and the last line. */
export function movedSelection(chosen: number | null, lineCount: number, step: -1 | 1): number | null {
  const current = selectedLineIndex(chosen, lineCount);
  if (current === null) return null;
  return Math.min(lineCount - 1, Math.max(0, current + step));
}

/** After line `removed` is gone: the line below it moves up into its place, or the new last one. */
export function selectionAfterRemoval(removed: number, lineCount: number): number | null {
  if (lineCount === 0) return null;
  return Math.min(removed, lineCount - 1);
}
