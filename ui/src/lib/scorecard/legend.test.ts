import { describe, expect, test } from 'vitest'
import { formatOverall, legendWord, scoreText, STATUS_ICON, STATUS_LABEL, statusOf } from './legend'

describe('legend', () => {
  test('each score has its word', () => {
    expect([1, 2, 3, 4, 5].map(legendWord)).toEqual(['Nonexistent', 'Nascent', 'Emerging', 'Mature', 'Operationalized'])
    expect(legendWord(null)).toBe('Not scored')
    expect(legendWord(7)).toBe('Not scored')
  })

  test('the score display reads "2 · Nascent" or "Not scored"', () => {
    expect(scoreText(2)).toBe('2 · Nascent')
    expect(scoreText(5)).toBe('5 · Operationalized')
    expect(scoreText(null)).toBe('Not scored')
    expect(scoreText(0)).toBe('Not scored')
  })

  test('overall prints one decimal, or a dash with nothing scored', () => {
    expect(formatOverall(2)).toBe('2.0')
    expect(formatOverall(2.25)).toBe('2.3')
    expect(formatOverall(null)).toBe('–')
  })
})

describe('status', () => {
  test('at or above target is on target, one below in progress, further or unscored pending', () => {
    expect(statusOf(4, 4)).toBe('on_target')
    expect(statusOf(5, 4)).toBe('on_target')
    expect(statusOf(3, 4)).toBe('in_progress')
    expect(statusOf(2, 4)).toBe('pending')
    expect(statusOf(1, 4)).toBe('pending')
    expect(statusOf(null, 4)).toBe('pending')
    expect(statusOf(1, 1)).toBe('on_target')
    expect(statusOf(4, 5)).toBe('in_progress')
  })

  test('every status has a word and an icon, so colour is never alone', () => {
    expect(STATUS_LABEL).toEqual({ on_target: 'on target', in_progress: 'in progress', pending: 'pending' })
    expect(new Set(Object.values(STATUS_ICON)).size).toBe(3)
  })
})
