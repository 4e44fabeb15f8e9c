// Small builders for test data shaped like the core's.

import type { Assessment, Goal, Pillar, Project, Reading } from '../lib/api/bindings'
import { statusOf } from '../lib/scorecard/legend'
import { metricStatus } from '../lib/goals/words'

export function project(over: Partial<Project> = {}): Project {
  return {
    id: 'p1',
    name: 'LaunchPad – v0 Readiness',
    description: '',
    north_star: 'Ship daily without customer-visible downtime or data loss',
    leading_metric: 'p95 latency',
    archived: false,
    leading_goal_id: null,
    created_at: '2026-01-05T10:00:00Z',
    updated_at: '2026-01-05T10:00:00Z',
    ...over,
  }
}

export function pillar(name: string, score: number | null, over: Partial<Pillar> = {}): Pillar {
  const target = over.target ?? 4
  return {
    id: `pl-${name}`,
    project_id: 'p1',
    name,
    description: '',
    score,
    target,
    status: statusOf(score, target),
    evidence: '',
    owner: '',
    next_checkpoint: null,
    checkpoint_repeat: null,
    position: 0,
    ...over,
  }
}

export function assessment(id: string, date: string, scores: [string, number | null][], label = id): Assessment {
  const nums = scores.flatMap(([, s]) => (s == null ? [] : [s]))
  return {
    id,
    project_id: 'p1',
    label,
    date,
    overall: nums.length ? Math.round((nums.reduce((a, b) => a + b, 0) * 10) / nums.length) / 10 : null,
    scores: scores.map(([name, score]) => ({ pillar_id: `pl-${name}`, pillar: name, score, target: 4, evidence: `${name} then` })),
  }
}

/**
 * A goal as the core returns it: `readings` as [date, value] pairs, oldest first; status, latest
 * and staleness follow from them (`today` is the day the status is judged on).
 */
export function goal(
  text: string,
  over: Partial<Goal> & { values?: [string, number][]; today?: string } = {},
): Goal {
  const { values = [], today = '2026-03-20', ...rest } = over
  const readings: Reading[] = values.map(([date, value], i) => ({ id: `r-${text}-${i}`, date, value }))
  const base: Goal = {
    id: `g-${text}`,
    project_id: 'p1',
    goal: text,
    metric: '',
    target: null,
    unit: '',
    direction: 'higher',
    deadline: null,
    guardrail: '',
    stakeholders: [],
    risks_text: '',
    risks: [],
    risk_band: null,
    readings,
    latest: null,
    status: 'no_numbers',
    stale: false,
    days_since_reading: null,
    position: 0,
    ...rest,
  }
  base.readings = rest.readings ?? readings
  base.latest = base.readings.at(-1) ?? null
  base.status = metricStatus(base.target, base.direction, base.latest)
  base.days_since_reading = base.latest ? (Date.parse(today) - Date.parse(base.latest.date)) / 86_400_000 : null
  base.stale = base.target != null && (base.days_since_reading ?? 0) > 30
  return base
}

/** Waits for pending promises and Svelte updates. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0))
}
