// Builders for stakeholder-canvas and first-week test data shaped like the core's.

import type { FirstWeek, FirstWeekItem, Stakeholder } from '../lib/api/bindings'

export function stakeholder(name: string, over: Partial<Stakeholder> = {}): Stakeholder {
  return {
    id: `st-${name}`,
    project_id: 'p1',
    name,
    why: '',
    success: '',
    cadence: 'monthly',
    channel: '',
    open_questions: '',
    owner: '',
    last_check_in: null,
    next_check_in: null,
    overdue: false,
    check_ins: [],
    goals: [],
    risks: [],
    position: 0,
    ...over,
  }
}

function item(key: string, group: FirstWeekItem['group'], done: boolean, byHand: boolean, date: string | null = null): FirstWeekItem {
  return { key, group, label: key, done, by_hand: byHand, hint: byHand ? '' : `Ticks itself (${key}).`, date }
}

/** The card of a project started on 2026-01-05: North Star and leading metric written. */
export function firstWeek(ticked: string[] = []): FirstWeek {
  const items = [
    item('north_star', 'quick_start', true, false),
    item('score_pillars', 'quick_start', false, false),
    item('map_stakeholders', 'quick_start', false, false),
    item('scan_compliance', 'quick_start', ticked.includes('scan_compliance'), true),
    item('leading_metric', 'quick_start', true, false),
    ...[1, 2, 3, 4, 5].map((d) => item(`day${d}`, 'five_day_plan', ticked.includes(`day${d}`), true, `2026-01-0${4 + d}`)),
  ]
  const done = items.filter((i) => i.done).length
  return { project_id: 'p1', items, done, total: items.length, complete: done === items.length, dismissed: false }
}
