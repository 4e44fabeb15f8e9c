// Agenda items shaped like the core's, for tests. The day is 2026-11-28 (a Saturday).

import type { AgendaFirst, AgendaItem, Bucket } from '../api/bindings'

export const TODAY = '2026-11-28'

function bucketOf(due: string): Bucket {
  const n = (Date.parse(due) - Date.parse(TODAY)) / 86_400_000
  return n < 0 ? 'overdue' : n === 0 ? 'today' : n < 7 ? 'this_week' : 'later'
}

export function item(title: string, due: string, over: Partial<AgendaItem> = {}): AgendaItem {
  const kind = over.kind ?? 'risk_review'
  const row = over.row_id ?? `row-${title}`
  return {
    id: `${kind}:${row}`,
    kind,
    project_id: 'p1',
    project: 'LaunchPad – v0',
    title,
    due,
    snoozed_from: null,
    bucket: bucketOf(due),
    recurring: null,
    row_id: row,
    area: 'risks',
    ...over,
  }
}

/** One of each bucket, across two projects. */
export function sample(): AgendaItem[] {
  return [
    item('Vendor lock-in', '2026-11-25', { project_id: 'p2', project: 'Atlas' }),
    item('Check in with Ana', TODAY, { kind: 'stakeholder_check_in', area: 'stakeholders', recurring: 'weekly' }),
    item('Reliability checkpoint', '2026-12-01', { kind: 'pillar_checkpoint', area: 'scorecard', recurring: 'monthly' }),
    item('Ship the beta', '2026-12-05', { kind: 'goal_deadline', area: 'goals', project_id: 'p2', project: 'Atlas' }),
  ]
}

/** What the core's `agenda_first` answers for `items`: the first `limit`, the counts of all. */
export function firstOf(items: AgendaItem[], limit: number): AgendaFirst {
  const counts: Record<Bucket, number> = { overdue: 0, today: 0, this_week: 0, later: 0 }
  for (const i of items) counts[i.bucket]++
  return { items: items.slice(0, limit), counts, total: items.length }
}
