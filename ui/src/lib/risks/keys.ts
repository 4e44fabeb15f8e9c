// What a key does on a focused risk row. L or I arms a pending key, and a digit 1-5 that follows
// within PENDING_MS sets likelihood or impact. Pure (the time is passed in), so it is tested
// without a DOM of rows or a clock.

import { isTextEntry } from '../ui/focus'
import type { KeyLike } from '../scorecard/keys'

export type Axis = 'likelihood' | 'impact'

/** How long L or I waits for its digit. */
export const PENDING_MS = 1500

export interface Pending {
  axis: Axis
  /** When L or I was pressed, in the same clock as `now`. */
  at: number
}

export type RowAction =
  | { kind: 'set'; field: Axis; value: number }
  | { kind: 'arm'; axis: Axis }
  | { kind: 'open' }
  | { kind: 'close' }
  | { kind: 'focus'; delta: -1 | 1 }
  | { kind: 'escape' }

export interface KeyResult {
  action: RowAction | null
  /** The pending key after this one: kept only by `arm`. */
  pending: Pending | null
}

const NOTHING: KeyResult = { action: null, pending: null }

const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'CapsLock', 'AltGraph'])

const PLAIN: Readonly<Record<string, RowAction>> = {
  Enter: { kind: 'open' },
  c: { kind: 'close' },
  ArrowUp: { kind: 'focus', delta: -1 },
  ArrowDown: { kind: 'focus', delta: 1 },
  Escape: { kind: 'escape' },
}

/**
 * `onRow`: the key was pressed on the row itself. Keys from text fields, or with Ctrl, Alt or
 * Meta, are left alone. A digit that does not follow L or I in time does nothing; any other key
 * drops a pending L or I and then does what it does (Escape only drops it).
 */
export function rowKeyAction(e: KeyLike, onRow: boolean, pending: Pending | null, now: number): KeyResult {
  // A modifier pressed on its own (Shift for a capital L) keeps the pending key.
  if (MODIFIERS.has(e.key)) return { action: null, pending }
  if (!onRow || e.ctrlKey || e.metaKey || e.altKey || isTextEntry(e.target)) return NOTHING
  const live = pending && now - pending.at <= PENDING_MS ? pending : null
  if (/^[0-9]$/.test(e.key)) {
    const n = Number(e.key)
    return live && n >= 1 && n <= 5 ? { action: { kind: 'set', field: live.axis, value: n }, pending: null } : NOTHING
  }
  const k = e.key.length === 1 ? e.key.toLowerCase() : e.key
  if (k === 'l') return { action: { kind: 'arm', axis: 'likelihood' }, pending: { axis: 'likelihood', at: now } }
  if (k === 'i') return { action: { kind: 'arm', axis: 'impact' }, pending: { axis: 'impact', at: now } }
  if (k === 'Escape' && live) return NOTHING
  if (k === 'c' && e.shiftKey) return NOTHING
  return { action: Object.hasOwn(PLAIN, k) ? PLAIN[k] : null, pending: null }
}
