// The briefing's notes, worded as the one-page scorecard prints them (report/sections/*.rs), so
// the Overview and the PDF read alike.

import type { AgendaItem, Briefing } from '../api/bindings'

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`
}

/** "5 of 12 not closed · 2 critical", "3 not closed", or "None open · 4 closed". */
export function risksNote(b: Pick<Briefing, 'top_risks' | 'open_risks' | 'critical_risks' | 'risk_count'>): string {
  if (b.open_risks === 0) return b.risk_count > 0 ? `None open · ${b.risk_count} closed` : ''
  const top = b.top_risks.length
  const note = top < b.open_risks ? `${top} of ${b.open_risks} not closed` : `${b.open_risks} not closed`
  return b.critical_risks > 0 ? `${note} · ${b.critical_risks} critical` : note
}

/** "1 overdue · 17 in the next 30 days". */
export function comingNote(items: readonly Pick<AgendaItem, 'bucket'>[], days: number): string {
  const overdue = items.filter((i) => i.bucket === 'overdue').length
  const ahead = items.length - overdue
  const parts: string[] = []
  if (overdue > 0) parts.push(`${overdue} overdue`)
  if (ahead > 0) parts.push(`${ahead} in the next ${days} days`)
  return parts.join(' · ')
}

/** "2 of 3 met", or "" when no goal has numbers to meet. */
export function goalsNote(goals: Briefing['goals']): string {
  const measured = goals.filter((g) => g.status !== 'no_numbers')
  if (measured.length === 0) return goals.length ? plural(goals.length, 'goal') : ''
  const met = measured.filter((g) => g.status === 'met').length
  return `${met} of ${measured.length} met`
}

const PLURAL: Readonly<Record<AgendaItem['kind'], string>> = {
  pillar_checkpoint: 'pillar checkpoints',
  goal_deadline: 'goal deadlines',
  stakeholder_check_in: 'stakeholder check-ins',
  risk_review: 'risk reviews',
  compliance_review: 'compliance scan reviews',
  notes_review: 'compliance notes reviews',
  vendor_recheck: 'vendor re-checks',
}

/** One line of "Coming up": an item, or a run of `count` items of one kind due the same day
 *  ("12 pillar checkpoints"), as the printed scorecard folds them (three or more). */
export type DateLine = { item: AgendaItem; count: number; title: string }

export function dateLines(items: readonly AgendaItem[]): DateLine[] {
  const out: DateLine[] = []
  for (let i = 0; i < items.length; ) {
    const it = items[i]
    let run = 1
    while (i + run < items.length && items[i + run].due === it.due && items[i + run].kind === it.kind) run++
    if (run >= 3) {
      out.push({ item: it, count: run, title: `${run} ${PLURAL[it.kind]}` })
      i += run
    } else {
      out.push({ item: it, count: 1, title: it.title })
      i += 1
    }
  }
  return out
}
