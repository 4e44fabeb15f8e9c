// The geometry of a goal's sparkline, kept out of the component so it is tested and so a long
// list of rows computes each one once. Readings sit at their dates (not evenly spaced), since a
// gap of a month between two readings is part of what the line says.

import type { Direction, Reading } from '../api/bindings'
import { targetText, withUnit } from './words'

export interface SparkFrame {
  width: number
  height: number
  /** Room kept at every edge so the end dot is not cut. */
  pad: number
}

export interface Spark {
  points: { x: number; y: number }[]
  /** An SVG path through the points, or "" with fewer than two. */
  path: string
  /** Where the target line sits, or null without a target. */
  targetY: number | null
}

export const SPARK: SparkFrame = { width: 80, height: 22, pad: 2.5 }

const DAY = 86_400_000

function dayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number)
  return Date.UTC(y, (m || 1) - 1, d || 1) / DAY
}

const round = (v: number) => Math.round(v * 10) / 10

export function sparkGeometry(readings: readonly Reading[], target: number | null, frame: SparkFrame = SPARK): Spark {
  const n = readings.length
  if (n === 0) return { points: [], path: '', targetY: null }
  const values = readings.map((r) => r.value)
  if (target != null) values.push(target)
  let lo = Math.min(...values)
  let hi = Math.max(...values)
  if (hi === lo) {
    // A flat line (or a lone reading on its target) sits in the middle.
    const half = Math.abs(lo) * 0.1 || 1
    lo -= half
    hi += half
  }
  const days = readings.map((r) => dayOf(r.date))
  const first = days[0]
  const span = days[n - 1] - first
  const w = frame.width - 2 * frame.pad
  const h = frame.height - 2 * frame.pad
  const xAt = (i: number) => {
    if (n === 1) return frame.width / 2
    // Readings all on one day spread evenly rather than pile up.
    const t = span > 0 ? (days[i] - first) / span : i / (n - 1)
    return round(frame.pad + t * w)
  }
  const yAt = (v: number) => round(frame.pad + (1 - (v - lo) / (hi - lo)) * h)
  const points = readings.map((r, i) => ({ x: xAt(i), y: yAt(r.value) }))
  const path = n < 2 ? '' : points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join('')
  return { points, path, targetY: target == null ? null : yAt(target) }
}

/** What the sparkline shows, for a screen reader: first and last readings, range and target. */
export function sparkLabel(readings: readonly Reading[], target: number | null, unit: string, direction: Direction): string {
  const n = readings.length
  const aim = target == null ? '' : `; target ${targetText(target, unit, direction)}`
  if (n === 0) return `No readings yet${aim}`
  const at = (r: Reading) => `${withUnit(r.value, unit)} on ${r.date}`
  if (n === 1) return `One reading: ${at(readings[0])}${aim}`
  const values = readings.map((r) => r.value)
  const range = `lowest ${withUnit(Math.min(...values), unit)}, highest ${withUnit(Math.max(...values), unit)}`
  return `Trend of ${n} readings, from ${at(readings[0])} to ${at(readings[n - 1])}; ${range}${aim}`
}
