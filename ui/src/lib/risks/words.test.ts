import { describe, expect, test } from 'vitest'
import { bandOf, cellLabel, countText, historyLine, namesOf, removalMessage, reviewText, wasText } from './words'

describe('risk words', () => {
  test('bands follow the core: low 1-4, medium 5-9, high 10-16, critical 20-25', () => {
    expect([1, 4, 5, 9, 10, 16, 20, 25].map(bandOf)).toEqual([
      'low',
      'low',
      'medium',
      'medium',
      'high',
      'high',
      'critical',
      'critical',
    ])
  })

  test('counts and cell names', () => {
    expect(countText(1)).toBe('1 risk')
    expect(countText(20000)).toBe('20,000 risks')
    expect(cellLabel({ likelihood: 4, impact: 3, count: 2, band: 'high' })).toBe('Likelihood 4, impact 3: 2 risks, high')
    expect(cellLabel({ likelihood: 1, impact: 1, count: 1, band: 'low' })).toBe('Likelihood 1, impact 1: 1 risk, low')
  })

  test('a band change reads "was high, now medium since 12 Nov", with the year when not this one', () => {
    expect(wasText({ was: 'high', since: '2026-11-12' }, 'medium', '2026-11-20')).toBe('was high, now medium since 12 Nov')
    expect(wasText({ was: 'low', since: '2025-01-03' }, 'critical', '2026-11-20')).toBe(
      'was low, now critical since 3 Jan 2025',
    )
  })

  test('review dates in words, overdue said so', () => {
    expect(reviewText({ review_date: null, review_overdue: false }, '2026-11-20')).toBeNull()
    expect(reviewText({ review_date: '2026-12-05', review_overdue: false }, '2026-11-20')).toBe('Review 5 Dec')
    expect(reviewText({ review_date: '2026-11-03', review_overdue: true }, '2026-11-20')).toBe(
      'Review overdue since 3 Nov',
    )
  })

  test('history lines', () => {
    const t = '2026-11-20'
    expect(historyLine({ date: '2026-11-12', field: 'likelihood', old: '4', new: '2' }, t)).toBe(
      '12 Nov · likelihood 4 → 2',
    )
    expect(historyLine({ date: '2026-11-01', field: 'created', old: null, new: null }, t)).toBe('1 Nov · created')
    expect(historyLine({ date: '2026-11-13', field: 'status', old: 'open', new: 'closed' }, t)).toBe(
      '13 Nov · status open → closed',
    )
    expect(historyLine({ date: '2026-11-13', field: 'closing_note', old: '', new: 'Vendor\nreplaced' }, t)).toBe(
      '13 Nov · closing note “Vendor replaced”',
    )
  })

  test('linked names in order, unknown ids skipped; the removal message names the links', () => {
    const names = new Map([
      ['a', 'A'],
      ['b', 'B'],
    ])
    expect(namesOf(['b', 'x', 'a'], names)).toEqual(['B', 'A'])
    expect(removalMessage({ title: 'Vendor', goals: ['a'], stakeholders: ['s', 't'] })).toBe(
      'Remove “Vendor” from the register? Its links to 1 goal and 2 stakeholders go with it. Closing it instead keeps its story.',
    )
  })
})
