// What a key does on a focused agenda row. Pure, so it is tested without a DOM of rows.

import type { KeyLike } from '../scorecard/keys'

export type RowAction = 'open' | 'reviewed' | 'snooze' | 'up' | 'down' | 'first' | 'last'

const KEYS: Readonly<Record<string, RowAction>> = {
  Enter: 'open',
  r: 'reviewed',
  s: 'snooze',
  ArrowUp: 'up',
  ArrowDown: 'down',
  Home: 'first',
  End: 'last',
}

/** Keys pressed on the row itself (not on its buttons), without Ctrl, Alt or Meta. */
export function rowKeyAction(e: KeyLike, onRow: boolean): RowAction | null {
  if (!onRow || e.ctrlKey || e.metaKey || e.altKey) return null
  return KEYS[e.key.length === 1 ? e.key.toLowerCase() : e.key] ?? null
}
