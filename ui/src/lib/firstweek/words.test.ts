import { describe, expect, test } from 'vitest'
import { progressWords, withTick } from './words'
import { firstWeek } from '../../test/stakeholders'

describe('first-week card', () => {
  test('progress reads "4 of 10 done"', () => {
    expect(progressWords(4, 10)).toBe('4 of 10 done')
    expect(progressWords(10, 10)).toBe('10 of 10 done')
  })

  test('a tick by hand moves the count at once; items that tick themselves stay as the data says', () => {
    const card = firstWeek()
    expect(card.done).toBe(2)
    const ticked = withTick(card, 'day1', true)
    expect(ticked.items.find((i) => i.key === 'day1')!.done).toBe(true)
    expect(ticked.done).toBe(3)
    expect(withTick(card, 'score_pillars', true).done).toBe(2)
    const all = ['scan_compliance', 'day1', 'day2', 'day3', 'day4', 'day5']
    expect(firstWeek(all).complete).toBe(false)
  })
})
