import { describe, expect, test } from 'vitest'
import { addDays, countsLine, itemLabel, reviewedStatus, snoozeUntil, whenWords } from './words'
import { compareItems, replaceItem } from './agenda.svelte'
import { leadOptions, settingsPayload } from './settings'
import { rowKeyAction } from './keys'
import { TODAY, item, sample } from './testdata'

describe('agenda words', () => {
  test('when an item is due, in words', () => {
    expect(whenWords('2026-11-25', TODAY)).toBe('overdue since 25 Nov')
    expect(whenWords('2025-12-30', TODAY)).toBe('overdue since 30 Dec 2025')
    expect(whenWords(TODAY, TODAY)).toBe('today')
    expect(whenWords('2026-11-29', TODAY)).toBe('tomorrow')
    expect(whenWords('2026-12-01', TODAY)).toBe('in 3 days')
    expect(whenWords('2026-12-04', TODAY)).toBe('in 6 days')
    expect(whenWords('2026-12-05', TODAY)).toBe('5 Dec')
    expect(whenWords('2027-01-02', TODAY)).toBe('2 Jan 2027')
  })

  test('dates add across month ends, years and leap days', () => {
    expect(addDays('2026-11-28', 7)).toBe('2026-12-05')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
  })

  test('a snooze counts from the due date, or from today once it is due', () => {
    expect(snoozeUntil('2026-11-20', TODAY, 1)).toBe('2026-11-29')
    expect(snoozeUntil(TODAY, TODAY, 7)).toBe('2026-12-05')
    expect(snoozeUntil('2026-12-01', TODAY, 7)).toBe('2026-12-08')
  })

  test('a row reads as one sentence; status lines and counts', () => {
    const [, ana] = sample()
    expect(itemLabel(ana, TODAY, true)).toBe('Check in with Ana, Check-in, LaunchPad – v0, today, repeats weekly')
    expect(itemLabel({ ...ana, snoozed_from: '2026-11-20' }, TODAY, false)).toBe(
      'Check in with Ana, Check-in, today, snoozed from 20 Nov, repeats weekly',
    )
    expect(reviewedStatus(item('x', '2026-12-05'), TODAY)).toBe('Reviewed; next due 5 Dec')
    expect(reviewedStatus(null, TODAY)).toBe('Reviewed.')
    expect(countsLine({ overdue: 3, today: 0, this_week: 1, later: 1200 })).toBe('3 overdue · 1 this week · 1,200 later')
  })

  test('a changed item goes to its sorted place, or leaves', () => {
    const items = sample()
    const moved = { ...items[0], due: '2026-12-02', bucket: 'this_week' as const }
    expect(replaceItem(items, items[0].id, moved).map((i) => i.title)).toEqual([
      'Check in with Ana',
      'Reliability checkpoint',
      'Vendor lock-in',
      'Ship the beta',
    ])
    expect(replaceItem(items, items[1].id, null)).toHaveLength(3)
    expect(compareItems(item('b', TODAY), item('a', TODAY))).toBeGreaterThan(0)
  })

  test('reminder settings: the usual lead times plus the user’s, and both ends of quiet hours or none', () => {
    expect(leadOptions([30, 7])).toEqual([1, 3, 7, 14, 30])
    expect(settingsPayload(true, [1, 7], '', '')).toEqual({ settings: { enabled: true, lead_days: [7, 1] } })
    expect(settingsPayload(true, [], '22:00', '07:00')).toEqual({
      settings: { enabled: true, lead_days: [], quiet_from: '22:00', quiet_to: '07:00' },
    })
    expect(settingsPayload(true, [], '22:00', '')).toHaveProperty('error')
  })

  test('row keys act only on the row itself', () => {
    const k = (key: string, over = {}) => ({ key, altKey: false, ctrlKey: false, metaKey: false, target: null, ...over })
    expect(rowKeyAction(k('R'), true)).toBe('reviewed')
    expect(rowKeyAction(k('s'), true)).toBe('snooze')
    expect(rowKeyAction(k('Enter'), true)).toBe('open')
    expect(rowKeyAction(k('ArrowDown'), true)).toBe('down')
    expect(rowKeyAction(k('Enter'), false)).toBeNull()
    expect(rowKeyAction(k('r', { ctrlKey: true }), true)).toBeNull()
  })
})
