import { describe, expect, test } from 'vitest'
import { atTargetText, headlineOf, mean } from './headline'
import { pillar } from '../../test/fixtures'

describe('headline', () => {
  test('the demo four pillars: 1.5 overall, none at target, unscored and lowest first', () => {
    const pillars = [
      pillar('Reliability', 2, { position: 0 }),
      pillar('Security', 1, { position: 1 }),
      pillar('Observability', 1, { position: 2 }),
      pillar('Supportability', 2, { position: 3 }),
      pillar('Testing', null, { position: 4 }),
    ]
    const h = headlineOf(pillars)
    expect(h.overall).toBe(1.5)
    expect(h.at_target).toBe(0)
    expect(h.total).toBe(5)
    expect(h.scored).toBe(4)
    expect(h.lowest).toEqual(['Testing', 'Security', 'Observability'])
  })

  test('pillars at target are never among the lowest', () => {
    const h = headlineOf([pillar('A', 4), pillar('B', 5), pillar('C', 3, { position: 2 })])
    expect(h.at_target).toBe(2)
    expect(h.lowest).toEqual(['C'])
    expect(h.overall).toBe(4)
  })

  test('with equal scores the one further below its target comes first', () => {
    const h = headlineOf([pillar('Near', 2, { target: 3, position: 0 }), pillar('Far', 2, { target: 5, position: 1 })])
    expect(h.lowest).toEqual(['Far', 'Near'])
  })

  test('nothing scored has no overall', () => {
    expect(headlineOf([]).overall).toBeNull()
    expect(mean([])).toBeNull()
    expect(mean([1, 2, 2])).toBe(1.7)
  })

  test('"N of M pillars at target", singular for one', () => {
    expect(atTargetText({ at_target: 3, total: 8 })).toBe('3 of 8 pillars at target')
    expect(atTargetText({ at_target: 0, total: 1 })).toBe('0 of 1 pillar at target')
  })
})
