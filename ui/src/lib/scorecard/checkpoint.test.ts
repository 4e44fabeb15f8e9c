import { expect, test } from 'vitest'
import { dateShown } from './checkpoint'

test('a checkpoint shows as the date field shows it, in the locale, whatever the time zone', () => {
  const want = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(2026, 11, 1),
  )
  expect(dateShown('2026-12-01')).toBe(want)
  expect(dateShown(null)).toBe('Set a date')
  expect(dateShown('')).toBe('Set a date')
  expect(dateShown('not a date')).toBe('not a date')
})
