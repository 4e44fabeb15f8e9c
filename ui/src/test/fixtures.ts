// Small builders for test data shaped like the core's.

import type { Assessment, Pillar, Project } from '../lib/api/bindings'
import { statusOf } from '../lib/scorecard/legend'

export function project(over: Partial<Project> = {}): Project {
  return {
    id: 'p1',
    name: 'LaunchPad – v0 Readiness',
    description: '',
    north_star: 'Ship daily without customer-visible downtime or data loss',
    leading_metric: 'p95 latency',
    archived: false,
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

/** Waits for pending promises and Svelte updates. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0))
}
