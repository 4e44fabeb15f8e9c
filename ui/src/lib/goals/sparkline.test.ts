import { describe, expect, test } from 'vitest'
import { SPARK, sparkGeometry, sparkLabel } from './sparkline'

const r = (date: string, value: number) => ({ id: `${date}-${value}`, date, value })
const frame = { width: 100, height: 20, pad: 0 }

describe('sparkline geometry', () => {
  test('nothing to draw without readings', () => {
    expect(sparkGeometry([], 99)).toEqual({ points: [], path: '', targetY: null })
  })

  test('one reading is a dot in the middle, no line', () => {
    const g = sparkGeometry([r('2026-03-01', 98)], 99, frame)
    expect(g.points).toHaveLength(1)
    expect(g.points[0].x).toBe(50)
    expect(g.path).toBe('')
    // 98 is the lowest of 98 and the target 99: the bottom edge; the target the top.
    expect(g.points[0].y).toBe(20)
    expect(g.targetY).toBe(0)
  })

  test('readings sit at their dates, and the target is within the range drawn', () => {
    const g = sparkGeometry([r('2026-03-01', 100), r('2026-03-02', 90), r('2026-03-11', 95)], 80, frame)
    expect(g.points.map((p) => p.x)).toEqual([0, 10, 100])
    // Range 80..100: 100 at the top, 90 halfway, 95 a quarter down; the target at the bottom.
    expect(g.points.map((p) => p.y)).toEqual([0, 10, 5])
    expect(g.targetY).toBe(20)
    expect(g.path).toBe('M0 0L10 10L100 5')
  })

  test('readings all on one day spread evenly; a flat line sits in the middle', () => {
    const g = sparkGeometry([r('2026-03-01', 5), r('2026-03-01', 5), r('2026-03-01', 5)], null, frame)
    expect(g.points.map((p) => p.x)).toEqual([0, 50, 100])
    expect(g.points.every((p) => p.y === 10)).toBe(true)
    expect(g.targetY).toBeNull()
  })

  test('the default frame keeps the dots inside the padding', () => {
    const g = sparkGeometry([r('2026-01-01', 1), r('2026-02-01', 9)], 5)
    for (const p of g.points) {
      expect(p.x).toBeGreaterThanOrEqual(SPARK.pad)
      expect(p.x).toBeLessThanOrEqual(SPARK.width - SPARK.pad)
      expect(p.y).toBeGreaterThanOrEqual(SPARK.pad)
      expect(p.y).toBeLessThanOrEqual(SPARK.height - SPARK.pad)
    }
  })
})

describe('sparkline label', () => {
  test('says the first and last readings, the range and the target', () => {
    expect(sparkLabel([r('2026-03-01', 99.3), r('2026-03-18', 98.1)], 99, '%', 'higher')).toBe(
      'Trend of 2 readings, from 99.3% on 2026-03-01 to 98.1% on 2026-03-18; lowest 98.1%, highest 99.3%; target ≥ 99%',
    )
    expect(sparkLabel([r('2026-03-01', 420)], 400, 'ms', 'lower')).toBe('One reading: 420 ms on 2026-03-01; target ≤ 400 ms')
    expect(sparkLabel([], null, '', 'higher')).toBe('No readings yet')
  })
})
