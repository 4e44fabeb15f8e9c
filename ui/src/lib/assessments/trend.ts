// The trend chart's data and geometry: assessments along x (by date), scores 1-5 up y.
// Pure functions, so the scaling is tested without drawing anything.

import type { AssessmentPoint } from '../api/bindings'

/** What the trend needs of a current pillar: who it is and what it is called now. */
export interface PillarName {
  id: string
  name: string
}

export interface TrendPoint {
  id: string
  label: string
  date: string
  overall: number | null
}

export interface TrendSeries {
  id: string
  name: string
  /** One per point; null where the pillar was unscored or not there yet. */
  values: (number | null)[]
}

export interface TrendData {
  points: TrendPoint[]
  series: TrendSeries[]
}

export interface Frame {
  width: number
  height: number
  left: number
  right: number
  top: number
  bottom: number
}

/** Per pillar, its score in each assessment (date order). Current pillars come first in their
 *  order; removed ones after, under the name they last had. */
export function trendData(assessments: readonly AssessmentPoint[], pillars: readonly PillarName[]): TrendData {
  const sorted = [...assessments].sort((a, b) => a.date.localeCompare(b.date))
  const byId = new Map<string, TrendSeries>()
  const order: string[] = pillars.map((p) => p.id)
  const names = new Map(pillars.map((p) => [p.id, p.name]))
  const current = new Set(order)
  sorted.forEach((a, i) => {
    for (const s of a.scores) {
      let series = byId.get(s.pillar_id)
      if (!series) {
        series = { id: s.pillar_id, name: '', values: sorted.map(() => null) }
        byId.set(s.pillar_id, series)
        if (!current.has(s.pillar_id)) order.push(s.pillar_id)
      }
      series.values[i] = s.score
      if (!current.has(s.pillar_id)) names.set(s.pillar_id, s.pillar)
    }
  })
  const series = order.flatMap((id) => {
    const s = byId.get(id)
    return s && s.values.some((v) => v != null) ? [{ ...s, name: names.get(id) ?? '' }] : []
  })
  return {
    points: sorted.map((a) => ({ id: a.id, label: a.label, date: a.date, overall: a.overall })),
    series,
  }
}

/** The x of point `i` of `n`: spread across the plot, or centred when there is one. */
export function xAt(i: number, n: number, f: Frame): number {
  const inner = f.width - f.left - f.right
  return n <= 1 ? f.left + inner / 2 : f.left + (inner * i) / (n - 1)
}

/** The y of a score: 1 at the bottom of the plot, 5 at the top. */
export function yAt(score: number, f: Frame): number {
  const inner = f.height - f.top - f.bottom
  return f.top + inner * (1 - (score - 1) / 4)
}

/** An SVG path through the values, lifting the pen over gaps. */
export function pathOf(values: readonly (number | null)[], f: Frame): string {
  let d = ''
  let pen = false
  values.forEach((v, i) => {
    if (v == null) {
      pen = false
      return
    }
    d += `${pen ? 'L' : 'M'}${round(xAt(i, values.length, f))} ${round(yAt(v, f))}`
    pen = true
  })
  return d
}

/** Which point is nearest to `x`. */
export function nearestPoint(x: number, n: number, f: Frame): number {
  if (n <= 1) return 0
  const inner = f.width - f.left - f.right
  return Math.max(0, Math.min(n - 1, Math.round(((x - f.left) / inner) * (n - 1))))
}

/** Every how many points an x label fits, at `minGap` pixels per label. */
export function labelStep(n: number, f: Frame, minGap = 72): number {
  if (n <= 1) return 1
  const gap = (f.width - f.left - f.right) / (n - 1)
  return Math.max(1, Math.ceil(minGap / gap))
}

const STYLES = ['', '5 3', '1.5 3'] as const
const COLOURS = 8

/** Colour slot and dash pattern of series `i`: eight colours, then dashed, then dotted. */
export function seriesStyle(i: number): { colour: string; dash: string; border: string } {
  const style = Math.floor(i / COLOURS) % STYLES.length
  return {
    colour: `var(--series-${i % COLOURS})`,
    dash: STYLES[style],
    border: ['solid', 'dashed', 'dotted'][style],
  }
}

function round(n: number): number {
  return Math.round(n * 10) / 10
}

/** The values of one point, for the tooltip and for screen readers. */
export function describePoint(data: TrendData, i: number): string {
  const p = data.points[i]
  if (!p) return ''
  const overall = p.overall == null ? 'nothing scored' : `overall ${p.overall.toFixed(1)}`
  const scores = data.series.map((s) => `${s.name} ${s.values[i] ?? 'not scored'}`)
  return `${p.label} (${p.date}): ${overall}${scores.length ? '; ' + scores.join(', ') : ''}.`
}
