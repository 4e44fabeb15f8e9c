// What a key does on a focused stakeholder card. Pure, so it is tested without a DOM of cards.

import { isTextEntry } from '../ui/focus'
import type { KeyLike } from '../scorecard/keys'

export type CardAction = { kind: 'check-in' } | { kind: 'focus'; delta: -1 | 1 } | { kind: 'leave' }

/**
 * `onCard`: the key was pressed on the card itself, not on a control inside it.
 * C records a check-in today (from anywhere in the card but a text field or select);
 * ArrowUp/Down on the card go to the previous / next card; Escape inside it goes back to the card
 * (an open in-place editor handles its own Escape first).
 */
export function cardKeyAction(e: KeyLike, onCard: boolean): CardAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null
  if (!isTextEntry(e.target) && !e.shiftKey && (e.key === 'c' || e.key === 'C')) return { kind: 'check-in' }
  if (onCard && e.key === 'ArrowUp') return { kind: 'focus', delta: -1 }
  if (onCard && e.key === 'ArrowDown') return { kind: 'focus', delta: 1 }
  if (!onCard && e.key === 'Escape') return { kind: 'leave' }
  return null
}
