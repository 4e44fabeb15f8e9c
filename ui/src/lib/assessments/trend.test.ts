import { describe, expect, test } from 'vitest'
import { describePoint, labelStep, nearestPoint, pathOf, seriesStyle, trendData, xAt, yAt, type Frame } from './trend'
import { assessment, pillar } from '../../test/fixtures'

const f: Frame = { width: 440, height: 220, left: 20, right: 20, top: 10, bottom: 10 }

describe('trend scaling', () => {
  test('score 1 sits on the bottom of the plot, 5 on the top, 3 in the middle', () => {
    expect(yAt(1, f)).toBe(210)
    expect(yAt(5, f)).toBe(10)
    expect(yAt(3, f)).toBe(110)
  })

  test('points spread from the left edge to the right edge; one point is centred', () => {
    expect(xAt(0, 5, f)).toBe(20)
    expect(xAt(4, 5, f)).toBe(420)
    expect(xAt(2, 5, f)).toBe(220)
    expect(xAt(0, 1, f)).toBe(220)
  })

  test('a line lifts the pen over unscored points', () => {
    expect(pathOf([1, 2, null, 5], f)).toBe('M20 210L153.3 160M420 10')
    expect(pathOf([null, null], f)).toBe('')
  })

  test('the pointer picks the nearest point', () => {
    expect(nearestPoint(0, 5, f)).toBe(0)
    expect(nearestPoint(130, 5, f)).toBe(1)
    expect(nearestPoint(999, 5, f)).toBe(4)
    expect(nearestPoint(50, 1, f)).toBe(0)
  })

  test('labels thin out when points crowd', () => {
    expect(labelStep(3, f)).toBe(1)
    expect(labelStep(40, f, 72)).toBe(8)
  })

  test('series past eight colours change dash pattern', () => {
    expect(seriesStyle(0)).toEqual({ colour: 'var(--series-0)', dash: '', border: 'solid' })
    expect(seriesStyle(9)).toEqual({ colour: 'var(--series-1)', dash: '5 3', border: 'dashed' })
  })
})

describe('trend data', () => {
  test('assessments by date; current pillars in order, removed ones after under their old name', () => {
    const data = trendData(
      [
        assessment('b', '2026-02-01', [['Security', 3], ['Old', 2]], 'v0.2'),
        assessment('a', '2026-01-05', [['Security', 1], ['Old', 1], ['Reliability', null]], 'Day 0'),
      ],
      [pillar('Reliability', 2), pillar('Security', 3, { position: 1 }), pillar('New', null, { position: 2 })],
    )
    expect(data.points.map((p) => p.label)).toEqual(['Day 0', 'v0.2'])
    expect(data.series.map((s) => [s.name, s.values])).toEqual([
      ['Security', [1, 3]],
      ['Old', [1, 2]],
    ])
    expect(describePoint(data, 1)).toBe('v0.2 (2026-02-01): overall 2.5; Security 3, Old 2.')
  })
})
