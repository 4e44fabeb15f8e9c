// What a key does on a focused pillar row. Pure, so it is tested without a DOM of rows.

import { isTextEntry } from '../ui/focus'

export type RowAction =
  | { kind: 'score'; score: number | null }
  | { kind: 'move'; delta: -1 | 1 }
  | { kind: 'focus'; delta: -1 | 1 }
  | { kind: 'leave' }

export interface KeyLike {
  key: string
  altKey: boolean
  ctrlKey: boolean
  metaKey: boolean
  shiftKey?: boolean
  target: EventTarget | null
}

/**
 * `onRow`: the key was pressed on the row itself, not on a field inside it.
 * Keys 1-5 set the score and 0 clears it, except while typing in a field;
 * Alt+ArrowUp/Down move the pillar; ArrowUp/Down on the row go to the next row;
 * Escape in a field goes back to the row.
 */
export function rowKeyAction(e: KeyLike, onRow: boolean): RowAction | null {
  if (e.ctrlKey || e.metaKey) return null
  if (e.altKey) {
    if (e.key === 'ArrowUp') return { kind: 'move', delta: -1 }
    if (e.key === 'ArrowDown') return { kind: 'move', delta: 1 }
    return null
  }
  const typing = isTextEntry(e.target)
  if (/^[0-5]$/.test(e.key) && !typing && !e.shiftKey) {
    return { kind: 'score', score: e.key === '0' ? null : Number(e.key) }
  }
  if (onRow && e.key === 'ArrowUp') return { kind: 'focus', delta: -1 }
  if (onRow && e.key === 'ArrowDown') return { kind: 'focus', delta: 1 }
  if (!onRow && e.key === 'Escape') return { kind: 'leave' }
  return null
}
