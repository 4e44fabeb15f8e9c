import { describe, expect, test } from 'vitest'
import type { Snapshot } from '../api/bindings'
import { addedId, correctedText, correctsText, nextReviewText, recheckText, tickedText } from './notesWords'
import { review } from './notesTestdata'

const TODAY = '2026-11-28'
const snap = (over: Partial<Snapshot>): Snapshot => ({
  last_reviewed: null,
  next_review_date: null,
  next_review_milestone: '',
  undated: false,
  owner: '',
  ...over,
})

describe('notesWords', () => {
  test('the next review: a milestone without a date is “to be dated”', () => {
    expect(nextReviewText(snap({ next_review_milestone: 'launch_day', undated: true }), TODAY)).toBe('Launch day — to be dated')
    expect(nextReviewText(snap({ next_review_milestone: 'Beta launch', undated: true }), TODAY)).toBe('Beta launch — to be dated')
    expect(nextReviewText(snap({ next_review_date: '2026-12-05', next_review_milestone: 'annual_audit' }), TODAY)).toBe(
      '5 Dec · Annual audit',
    )
    expect(nextReviewText(snap({ next_review_date: '2027-01-05' }), TODAY)).toBe('5 Jan 2027')
    expect(nextReviewText(snap({}), TODAY)).toBe('Not set')
  })

  test('a re-check before today is overdue; today is not', () => {
    expect(recheckText({ recheck_date: '2026-11-27' }, TODAY)).toEqual({ text: 'Overdue since 27 Nov', overdue: true })
    expect(recheckText({ recheck_date: TODAY }, TODAY)).toEqual({ text: '28 Nov', overdue: false })
    expect(recheckText({ recheck_date: null }, TODAY)).toEqual({ text: '', overdue: false })
  })

  test('who ticked a control and when', () => {
    expect(tickedText({ done: true, done_by: 'ana', done_at: new Date(2026, 10, 12, 12).toISOString() }, TODAY)).toBe('ticked by ana on 12 Nov')
    expect(tickedText({ done: false, done_by: '', done_at: null }, TODAY)).toBe('')
  })

  test('corrections name the entry and who recorded it', () => {
    const ana = review('r1', '2026-11-12', 'Ana')
    expect(correctsText(ana, TODAY)).toBe('Corrects the entry of 12 Nov by Ana')
    expect(correctsText(undefined, TODAY)).toBe('Corrects an earlier entry')
    expect(correctedText([review('r2', '2026-11-14', 'Bohdan')], TODAY)).toBe('Corrected on 14 Nov by Bohdan')
  })

  test('the id a write added', () => {
    expect(addedId([{ id: 'a' }], [{ id: 'a' }, { id: 'b' }])).toBe('b')
    expect(addedId([{ id: 'a' }], [{ id: 'a' }])).toBeNull()
  })
})
