import { describe, expect, test } from 'vitest'
import {
  CADENCES,
  CADENCE_LABEL,
  goalsSentence,
  lastWords,
  nextCheckIn,
  nextWords,
  relativeDay,
  removalMessage,
  risksSentence,
  shortDate,
  weekdayDate,
} from './words'
import { stakeholder } from '../../test/stakeholders'

const TODAY = '2026-11-24'

describe('dates in words', () => {
  test('a date reads "21 Nov", with the year only when it is not this year', () => {
    expect(shortDate('2026-11-21', TODAY)).toBe('21 Nov')
    expect(shortDate('2026-01-05', TODAY)).toBe('5 Jan')
    expect(shortDate('2025-12-31', TODAY)).toBe('31 Dec 2025')
  })

  test('a plan day reads "Mon 5 Jan", whatever the time zone', () => {
    expect(weekdayDate('2026-01-05', '2026-01-05')).toBe('Mon 5 Jan')
    expect(weekdayDate('2024-02-29', '2026-01-05')).toBe('Thu 29 Feb 2024')
  })

  test('days are counted across month and year ends', () => {
    expect(relativeDay(TODAY, TODAY)).toBe('today')
    expect(relativeDay('2026-11-23', TODAY)).toBe('yesterday')
    expect(relativeDay('2026-11-25', TODAY)).toBe('tomorrow')
    expect(relativeDay('2026-11-14', TODAY)).toBe('10 days ago')
    expect(relativeDay('2027-01-01', '2026-12-29')).toBe('in 3 days')
    // Across the spring clock change, a day is still a day.
    expect(relativeDay('2026-03-30', '2026-03-28')).toBe('in 2 days')
  })
})

describe('cadences', () => {
  test('each cadence has its label, in the worksheet order', () => {
    expect(CADENCES.map((c) => CADENCE_LABEL[c])).toEqual(['Weekly', 'Fortnightly', 'Monthly', 'Quarterly', 'Ad hoc'])
  })

  test('the next check-in follows the core: days for weeks, calendar months clamped to the month end', () => {
    expect(nextCheckIn('2026-11-24', 'weekly')).toBe('2026-12-01')
    expect(nextCheckIn('2026-12-25', 'fortnightly')).toBe('2027-01-08')
    expect(nextCheckIn('2026-01-31', 'monthly')).toBe('2026-02-28')
    expect(nextCheckIn('2028-01-31', 'monthly')).toBe('2028-02-29')
    expect(nextCheckIn('2026-11-30', 'quarterly')).toBe('2027-02-28')
    expect(nextCheckIn('2026-10-15', 'quarterly')).toBe('2027-01-15')
    expect(nextCheckIn('2026-11-24', 'ad_hoc')).toBeNull()
    expect(nextCheckIn(null, 'weekly')).toBeNull()
  })
})

describe('check-in words on a card', () => {
  test('overdue says since when; upcoming says when; due today says so', () => {
    const overdue = stakeholder('CS', { cadence: 'weekly', last_check_in: '2026-11-14', next_check_in: '2026-11-21', overdue: true })
    expect(nextWords(overdue, TODAY)).toEqual({ text: 'Overdue since 21 Nov', tone: 'overdue' })
    const soon = stakeholder('CS', { cadence: 'weekly', last_check_in: '2026-11-28', next_check_in: '2026-12-05' })
    expect(nextWords(soon, TODAY)).toEqual({ text: 'Next check-in 5 Dec', tone: 'scheduled' })
    const due = stakeholder('CS', { cadence: 'weekly', last_check_in: '2026-11-17', next_check_in: TODAY })
    expect(nextWords(due, TODAY)).toEqual({ text: 'Check-in due today', tone: 'due' })
  })

  test('ad hoc has no fixed cadence; never checked in says so', () => {
    expect(nextWords(stakeholder('A', { cadence: 'ad_hoc', last_check_in: '2026-11-01' }), TODAY).text).toBe('No fixed cadence')
    expect(nextWords(stakeholder('B', { cadence: 'quarterly' }), TODAY)).toEqual({
      text: 'Quarterly from the first check-in',
      tone: 'none',
    })
    expect(lastWords(null, TODAY)).toBe('Never checked in')
    expect(lastWords('2026-11-14', TODAY)).toBe('Last check-in 14 Nov · 10 days ago')
    expect(lastWords(TODAY, TODAY)).toBe('Last check-in 24 Nov · today')
  })
})

describe('removing a stakeholder', () => {
  test('names the goals that name them', () => {
    expect(goalsSentence(['Keep the onboarding API reliable during beta'])).toBe(
      '“Keep the onboarding API reliable during beta” names them; the link goes with them.',
    )
    expect(goalsSentence(['A', 'B', 'C'])).toBe('“A”, “B” and “C” name them; the links go with them.')
    expect(
      removalMessage('Customer success lead', { goals: ['Keep the onboarding API reliable during beta'], check_ins: 1, risks: [] }),
    ).toBe(
      'Remove “Customer success lead” from the canvas? “Keep the onboarding API reliable during beta” names them; the link goes with them. Their 1 check-in goes too.',
    )
    expect(removalMessage('Support', { goals: [], check_ins: 0, risks: [] })).toBe('Remove “Support” from the canvas?')
    expect(removalMessage('Support', { goals: [], check_ins: 3, risks: [] })).toBe('Remove “Support” from the canvas? Their 3 check-ins go too.')
  })
})

describe('removing a stakeholder named by open risks', () => {
  test('says which open risks will stop naming them', () => {
    expect(risksSentence([])).toBe('')
    expect(risksSentence(['Beta customers churn'])).toBe('The open risk “Beta customers churn” will no longer name them.')
    expect(risksSentence(['A', 'B'])).toBe('The open risks “A” and “B” will no longer name them.')
    expect(
      removalMessage('Customer success lead', {
        goals: ['Keep the onboarding API reliable during beta'],
        check_ins: 2,
        risks: ['Beta customers churn', 'Support is swamped'],
      }),
    ).toBe(
      'Remove “Customer success lead” from the canvas? “Keep the onboarding API reliable during beta” names them; the link goes with them. The open risks “Beta customers churn” and “Support is swamped” will no longer name them. Their 2 check-ins go too.',
    )
    expect(removalMessage('Support', { goals: [], check_ins: 0, risks: ['Pager fatigue'] })).toBe(
      'Remove “Support” from the canvas? The open risk “Pager fatigue” will no longer name them.',
    )
  })
})
