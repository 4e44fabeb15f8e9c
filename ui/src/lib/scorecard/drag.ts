// Drag-to-reorder arithmetic, kept apart from the pointer events so it is tested alone.

/** Which gap (0 = before the first row, n = after the last) a pointer at `y` points at,
 *  given each row's top and height. */
export function gapAt(y: number, rows: readonly { top: number; height: number }[]): number {
  let gap = 0
  for (const r of rows) if (y > r.top + r.height / 2) gap++
  return gap
}

/** The index a row dragged from `from` lands at when dropped in `gap`. */
export function dropIndex(from: number, gap: number): number {
  return gap > from ? gap - 1 : gap
}
