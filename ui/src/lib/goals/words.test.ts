import { describe, expect, test } from 'vitest'
import {
  clearTypedRisksMessage,
  formatNumber,
  highestBand,
  riskBandWords,
  riskChipWords,
  riskLinkLabel,
  sortRiskRefs,
  latestText,
  metricStatus,
  parseNumber,
  removalMessage,
  sinceWords,
  statusWords,
  summaryText,
  targetText,
  withUnit,
} from './words'
import { goal } from '../../test/fixtures'
import type { Band, RiskRef, RiskStatus } from '../api/bindings'

const ref = (id: string, severity: number, band: Band, status: RiskStatus = 'open'): RiskRef => ({
  id,
  title: `Risk ${id}`,
  severity,
  band,
  status,
})

describe('numbers with units', () => {
  test('are written as the core writes them: no trailing zeros, at most four decimals', () => {
    expect(formatNumber(99)).toBe('99')
    expect(formatNumber(98.1)).toBe('98.1')
    expect(formatNumber(0.5)).toBe('0.5')
    expect(formatNumber(1 / 3)).toBe('0.3333')
    expect(formatNumber(-0.00001)).toBe('0')
    expect(formatNumber(-2.5)).toBe('-2.5')
    expect(formatNumber(12000)).toBe('12000')
  })

  test('a percent sticks to the number, other units take a space, none is just the number', () => {
    expect(withUnit(98.1, '%')).toBe('98.1%')
    expect(withUnit(380, 'ms')).toBe('380 ms')
    expect(withUnit(150, ' EUR ')).toBe('150 EUR')
    expect(withUnit(3, '')).toBe('3')
  })

  test('the target carries the sign of its direction', () => {
    expect(targetText(99, '%', 'higher')).toBe('≥ 99%')
    expect(targetText(400, 'ms', 'lower')).toBe('≤ 400 ms')
  })

  test('the latest value reads against the target', () => {
    const g = goal('API', { target: 99, unit: '%', values: [['2026-03-01', 99.3], ['2026-03-18', 98.1]] })
    expect(latestText(g)).toBe('98.1% · target ≥ 99%')
    expect(latestText(goal('New', { target: 400, unit: 'ms', direction: 'lower' }))).toBe('target ≤ 400 ms')
    expect(latestText(goal('Words only'))).toBe('')
  })
})

describe('status', () => {
  test('in words, with stale only on a judged reading', () => {
    expect(statusWords('met', false)).toBe('met')
    expect(statusWords('not_met', false)).toBe('not met')
    expect(statusWords('met', true)).toBe('met · stale')
    expect(statusWords('not_met', true)).toBe('not met · stale')
    expect(statusWords('no_reading', false)).toBe('no reading yet')
    expect(statusWords('no_reading', true)).toBe('no reading yet')
    expect(statusWords('no_numbers', false)).toBe('no numbers')
  })

  test('is judged as the core judges it, in both directions, the target itself counting as met', () => {
    const r = (value: number) => ({ id: 'r', date: '2026-03-01', value })
    expect(metricStatus(99, 'higher', r(99))).toBe('met')
    expect(metricStatus(99, 'higher', r(98.99))).toBe('not_met')
    expect(metricStatus(400, 'lower', r(400))).toBe('met')
    expect(metricStatus(400, 'lower', r(400.5))).toBe('not_met')
    expect(metricStatus(400, 'lower', null)).toBe('no_reading')
    expect(metricStatus(null, 'lower', r(1))).toBe('no_numbers')
  })

  test('the page summary counts goals by status', () => {
    const goals = [
      goal('a', { target: 1, values: [['2026-03-01', 2]] }),
      goal('b', { target: 5, values: [['2026-03-01', 2]] }),
      goal('c', { target: 5 }),
      goal('d'),
    ]
    expect(summaryText(goals)).toBe('4 goals · 1 met · 1 not met · 1 no reading yet')
    expect(summaryText([goal('x')])).toBe('1 goal')
  })
})

describe('since the last reading', () => {
  test.each([
    [0, 'today'],
    [-1, 'today'],
    [1, 'yesterday'],
    [2, '2 days ago'],
    [13, '13 days ago'],
    [14, '2 weeks ago'],
    [45, '6 weeks ago'],
    [59, '8 weeks ago'],
    [60, '2 months ago'],
    [90, '3 months ago'],
    [400, '13 months ago'],
    [729, '24 months ago'],
    [730, '2 years ago'],
  ])('%i days: %s', (days, words) => {
    expect(sinceWords(days)).toBe(words)
  })

  test('nothing without a reading', () => {
    expect(sinceWords(null)).toBe('')
  })
})

describe('typed numbers', () => {
  test.each([
    ['99', 99],
    [' 98.5 ', 98.5],
    ['-2', -2],
    ['+3', 3],
    ['.5', 0.5],
    ['99,5', 99.5],
    ['1,250.5', 1250.5],
    ['1 250', 1250],
    ['1e3', 1000],
  ])('%s reads as %d', (text, n) => {
    expect(parseNumber(text)).toBe(n)
  })

  test('an empty field is no number, anything else is refused', () => {
    expect(parseNumber('  ')).toBeNull()
    // '1,234' is a thousand or one and a bit depending on who typed it: refused, not guessed.
    for (const bad of ['abc', '99%', '1,2,3', '1..2', 'Infinity', 'NaN', '1e999', '-', '1,234']) {
      expect(parseNumber(bad), bad).toBeUndefined()
    }
  })
})

test('removing a goal says what goes with it', () => {
  expect(removalMessage('Fast API', 0, false)).toBe('Remove “Fast API” from the goals?')
  expect(removalMessage('Fast API', 1, false)).toBe('Remove “Fast API” from the goals? Its reading goes with it.')
  expect(removalMessage('Fast API', 3, true)).toBe(
    'Remove “Fast API” from the goals? Its 3 readings go with it. The leading metric will no longer follow it.',
  )
})

describe('linked risks', () => {
  test('the highest band counts only risks not closed', () => {
    expect(highestBand([])).toBeNull()
    expect(highestBand([ref('a', 4, 'low'), ref('b', 12, 'high', 'mitigating'), ref('c', 6, 'medium')])).toBe('high')
    expect(highestBand([ref('a', 4, 'low'), ref('b', 25, 'critical', 'closed')])).toBe('low')
    expect(highestBand([ref('b', 25, 'critical', 'closed')])).toBeNull()
    expect(highestBand([ref('a', 20, 'critical', 'accepted')])).toBe('critical')
  })

  test('a chip says the band, the status when not open, and only "closed" once closed', () => {
    expect(riskChipWords(ref('a', 12, 'high'))).toBe('high')
    expect(riskChipWords(ref('a', 12, 'high', 'mitigating'))).toBe('high · mitigating')
    expect(riskChipWords(ref('a', 12, 'high', 'closed'))).toBe('closed')
    expect(riskLinkLabel(ref('a', 12, 'high'))).toBe('Risk a, high, open: show on the Risks tab')
    expect(riskLinkLabel(ref('a', 12, 'high', 'closed'))).toBe('Risk a, closed: show on the Risks tab')
  })

  test('the band line says what the goal risks, or why there is no band', () => {
    expect(riskBandWords({ risk_band: 'high', risks: [ref('a', 12, 'high')] })).toBe('Risk: high')
    expect(riskBandWords({ risk_band: null, risks: [] })).toBe('No linked risks')
    expect(riskBandWords({ risk_band: null, risks: [ref('a', 12, 'high', 'closed')] })).toBe('No open risks')
  })

  test('links sort as the core sorts them: closed last, most severe first', () => {
    const sorted = sortRiskRefs([ref('c', 25, 'critical', 'closed'), ref('a', 4, 'low'), ref('b', 12, 'high', 'accepted')])
    expect(sorted.map((r) => r.id)).toEqual(['b', 'a', 'c'])
  })

  test('clearing typed risks quotes the text and points to the way to keep it', () => {
    expect(clearTypedRisksMessage('API', ' Risk: spike → Mitigation: limits ')).toBe(
      'Clear the risks typed on “API” before the risk register? “Risk: spike → Mitigation: limits” will be deleted, not kept as a risk. To keep it, choose “Turn into a risk” instead.',
    )
    expect(clearTypedRisksMessage('API', 'x'.repeat(300))).toContain(`“${'x'.repeat(200)}…”`)
  })
})
