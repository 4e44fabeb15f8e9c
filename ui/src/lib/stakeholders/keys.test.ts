import { describe, expect, test } from 'vitest'
import { cardKeyAction } from './keys'
import type { KeyLike } from '../scorecard/keys'

function key(k: string, target: EventTarget | null = document.createElement('article'), mods: Partial<KeyLike> = {}): KeyLike {
  return { key: k, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, target, ...mods }
}

describe('cardKeyAction', () => {
  test('C records a check-in from the card or a button in it, not while typing', () => {
    expect(cardKeyAction(key('c'), true)).toEqual({ kind: 'check-in' })
    expect(cardKeyAction(key('C', document.createElement('button')), false)).toEqual({ kind: 'check-in' })
    for (const t of [document.createElement('input'), document.createElement('textarea'), document.createElement('select')]) {
      expect(cardKeyAction(key('c', t), false)).toBeNull()
    }
    expect(cardKeyAction(key('c', undefined, { ctrlKey: true }), true)).toBeNull()
  })

  test('arrows move between cards only from the card itself; Escape goes back to it', () => {
    expect(cardKeyAction(key('ArrowDown'), true)).toEqual({ kind: 'focus', delta: 1 })
    expect(cardKeyAction(key('ArrowUp'), true)).toEqual({ kind: 'focus', delta: -1 })
    expect(cardKeyAction(key('ArrowDown', document.createElement('input')), false)).toBeNull()
    expect(cardKeyAction(key('Escape', document.createElement('input')), false)).toEqual({ kind: 'leave' })
    expect(cardKeyAction(key('Escape'), true)).toBeNull()
  })
})
