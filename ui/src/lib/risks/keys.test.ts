import { describe, expect, test } from 'vitest'
import { rowKeyAction, PENDING_MS, type Pending } from './keys'
import type { KeyLike } from '../scorecard/keys'

function key(k: string, mods: Partial<KeyLike> = {}): KeyLike {
  return { key: k, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, target: document.createElement('div'), ...mods }
}

/** Presses `keys` on a row one after another, `gap` ms apart; returns the last action. */
function press(keys: string[], gap = 100) {
  let pending: Pending | null = null
  let t = 1000
  let last = null
  for (const k of keys) {
    const r = rowKeyAction(key(k), true, pending, t)
    pending = r.pending
    last = r.action
    t += gap
  }
  return last
}

describe('rowKeyAction', () => {
  test('L then a digit 1-5 sets likelihood; I then a digit sets impact; capitals too', () => {
    for (const n of [1, 2, 3, 4, 5]) {
      expect(press(['l', String(n)])).toEqual({ kind: 'set', field: 'likelihood', value: n })
      expect(press(['I', String(n)])).toEqual({ kind: 'set', field: 'impact', value: n })
    }
    expect(press(['L'])).toEqual({ kind: 'arm', axis: 'likelihood' })
  })

  test('Shift pressed between L and the digit keeps L waiting', () => {
    expect(press(['Shift', 'L', 'Shift', '4'])).toEqual({ kind: 'set', field: 'likelihood', value: 4 })
  })

  test('a digit alone, 0, 6-9, or a digit after the wait has run out does nothing', () => {
    expect(press(['3'])).toBeNull()
    expect(press(['l', '0'])).toBeNull()
    expect(press(['l', '6'])).toBeNull()
    expect(press(['l', '9'])).toBeNull()
    expect(press(['l', '3'], PENDING_MS + 1)).toBeNull()
    expect(press(['l', '3'], PENDING_MS)).toEqual({ kind: 'set', field: 'likelihood', value: 3 })
  })

  test('a pending key is used once, and the last of L and I wins', () => {
    expect(press(['l', '3', '4'])).toBeNull()
    expect(press(['l', 'i', '2'])).toEqual({ kind: 'set', field: 'impact', value: 2 })
  })

  test('another key drops a pending L and does its own thing', () => {
    expect(press(['l', 'ArrowDown'])).toEqual({ kind: 'focus', delta: 1 })
    expect(press(['l', 'ArrowDown', '3'])).toBeNull()
    // Escape only cancels the pending key; on its own it clears the heat-map cell.
    expect(press(['l', 'Escape'])).toBeNull()
    expect(press(['l', 'Escape', '3'])).toBeNull()
    expect(press(['Escape'])).toEqual({ kind: 'escape' })
  })

  test('Enter opens, C closes, arrows move between rows', () => {
    expect(press(['Enter'])).toEqual({ kind: 'open' })
    expect(press(['c'])).toEqual({ kind: 'close' })
    expect(press(['C'])).toEqual({ kind: 'close' })
    expect(press(['ArrowUp'])).toEqual({ kind: 'focus', delta: -1 })
    expect(press(['ArrowDown'])).toEqual({ kind: 'focus', delta: 1 })
    expect(press(['x'])).toBeNull()
    expect(rowKeyAction(key('C', { shiftKey: true }), true, null, 0).action).toBeNull()
  })

  test('keys with Ctrl, Alt or Meta, keys off the row, and keys in text fields are left alone', () => {
    const armed: Pending = { axis: 'likelihood', at: 0 }
    expect(rowKeyAction(key('c', { ctrlKey: true }), true, null, 0).action).toBeNull()
    expect(rowKeyAction(key('3', { altKey: true }), true, armed, 10).action).toBeNull()
    expect(rowKeyAction(key('Enter', { metaKey: true }), true, null, 0).action).toBeNull()
    expect(rowKeyAction(key('Enter'), false, null, 0).action).toBeNull()
    const input = document.createElement('input')
    expect(rowKeyAction(key('3', { target: input }), true, armed, 10).action).toBeNull()
    expect(rowKeyAction(key('l', { target: document.createElement('textarea') }), true, null, 0)).toEqual({
      action: null,
      pending: null,
    })
  })
})
