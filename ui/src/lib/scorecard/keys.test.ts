import { describe, expect, test } from 'vitest'
import { rowKeyAction, type KeyLike } from './keys'

function key(k: string, target: EventTarget | null = document.createElement('div'), mods: Partial<KeyLike> = {}): KeyLike {
  return { key: k, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, target, ...mods }
}

describe('rowKeyAction', () => {
  test('digits 1-5 set the score and 0 clears it', () => {
    for (const n of [1, 2, 3, 4, 5]) expect(rowKeyAction(key(String(n)), true)).toEqual({ kind: 'score', score: n })
    expect(rowKeyAction(key('0'), true)).toEqual({ kind: 'score', score: null })
  })

  test('digits score from a button in the row too, not only the row itself', () => {
    expect(rowKeyAction(key('3', document.createElement('button')), false)).toEqual({ kind: 'score', score: 3 })
  })

  test('digits typed into a text field, text area or select are left alone', () => {
    const input = document.createElement('input')
    const date = Object.assign(document.createElement('input'), { type: 'date' })
    for (const t of [input, date, document.createElement('textarea'), document.createElement('select')]) {
      expect(rowKeyAction(key('3', t), false)).toBeNull()
    }
    const box = Object.assign(document.createElement('input'), { type: 'checkbox' })
    expect(rowKeyAction(key('3', box), false)).toEqual({ kind: 'score', score: 3 })
  })

  test('6-9, shifted digits and Ctrl+digit do nothing', () => {
    expect(rowKeyAction(key('6'), true)).toBeNull()
    expect(rowKeyAction(key('9'), true)).toBeNull()
    expect(rowKeyAction(key('3', undefined, { shiftKey: true }), true)).toBeNull()
    expect(rowKeyAction(key('3', undefined, { ctrlKey: true }), true)).toBeNull()
    expect(rowKeyAction(key('3', undefined, { metaKey: true }), true)).toBeNull()
  })

  test('Alt+ArrowUp/Down move the pillar, even from a text field', () => {
    expect(rowKeyAction(key('ArrowUp', undefined, { altKey: true }), true)).toEqual({ kind: 'move', delta: -1 })
    expect(rowKeyAction(key('ArrowDown', document.createElement('textarea'), { altKey: true }), false)).toEqual({
      kind: 'move',
      delta: 1,
    })
    expect(rowKeyAction(key('3', undefined, { altKey: true }), true)).toBeNull()
  })

  test('plain arrows on the row walk rows; inside a field they stay with the field', () => {
    expect(rowKeyAction(key('ArrowDown'), true)).toEqual({ kind: 'focus', delta: 1 })
    expect(rowKeyAction(key('ArrowUp'), true)).toEqual({ kind: 'focus', delta: -1 })
    expect(rowKeyAction(key('ArrowDown', document.createElement('textarea')), false)).toBeNull()
  })

  test('Escape in a field returns to the row', () => {
    expect(rowKeyAction(key('Escape', document.createElement('input')), false)).toEqual({ kind: 'leave' })
    expect(rowKeyAction(key('Escape'), true)).toBeNull()
  })
})
