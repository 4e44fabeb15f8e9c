import { describe, expect, test } from 'vitest'
import { emptyWords, removedWords, tookWords } from './words'
import { isRedo, isTextEntry, isUndo } from '../app/shortcuts'

describe('trash words', () => {
  test('what a removal took along', () => {
    expect(tookWords({ took: [] })).toBe('')
    expect(
      tookWords({
        took: [
          { what: 'pillars', count: 12 },
          { what: 'assessment', count: 1 },
        ],
      }),
    ).toBe('with 12 pillars, 1 assessment')
  })

  test('when, and whether an undo removed it', () => {
    const e = { deleted_at: '2026-11-25T09:00:00.000Z', by_undo: false, label: 'Pillar removed' }
    expect(removedWords(e, 'en-GB')).toMatch(/^Removed 25 Nov 2026/)
    expect(removedWords({ ...e, by_undo: true, label: 'Pillar added' }, 'en-GB')).toMatch(
      /^Removed by undoing “Pillar added”, 25 Nov 2026/,
    )
  })

  test('the confirmation counts', () => {
    expect(emptyWords(3)).toBe(
      'The 3 entries in the trash, and what each took with it, will be removed for good. This cannot be undone.',
    )
  })
})

describe('undo keys', () => {
  const k = (key: string, over: Partial<KeyboardEvent> = {}) =>
    ({ key, ctrlKey: true, metaKey: false, altKey: false, shiftKey: false, ...over }) as KeyboardEvent
  test('Ctrl+Z undoes; Ctrl+Shift+Z and Ctrl+Y redo; Cmd works too', () => {
    expect(isUndo(k('z'))).toBe(true)
    expect(isUndo(k('z', { ctrlKey: false, metaKey: true }))).toBe(true)
    expect(isUndo(k('Z', { shiftKey: true }))).toBe(false)
    expect(isRedo(k('Z', { shiftKey: true }))).toBe(true)
    expect(isRedo(k('y'))).toBe(true)
    expect(isUndo(k('z', { ctrlKey: false }))).toBe(false)
    expect(isUndo(k('z', { altKey: true }))).toBe(false)
  })

  test('text fields keep their own undo; checkboxes and buttons do not', () => {
    const input = document.createElement('input')
    expect(isTextEntry(input)).toBe(true)
    input.type = 'checkbox'
    expect(isTextEntry(input)).toBe(false)
    expect(isTextEntry(document.createElement('textarea'))).toBe(true)
    expect(isTextEntry(document.createElement('button'))).toBe(false)
    expect(isTextEntry(null)).toBe(false)
  })
})
