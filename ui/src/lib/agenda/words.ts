// Words and dates the agenda shows, kept here so they read the same everywhere and are tested.
// Dates are the core's calendar days (YYYY-MM-DD), counted as plain numbers (no time zone).

import type { AgendaItem, Bucket, ItemKind, Repeat } from '../api/bindings'
import type { IconName } from '../ui/Icon.svelte'
import { shortDate, weekdayDate } from '../stakeholders/words'

export { shortDate }

export const BUCKETS: readonly Bucket[] = ['overdue', 'today', 'this_week', 'later']

export const BUCKET_LABEL: Readonly<Record<Bucket, string>> = {
  overdue: 'Overdue',
  today: 'Today',
  this_week: 'This week',
  later: 'Later',
}

/** What an item is, in one or two words. */
export const KIND_LABEL: Readonly<Record<ItemKind, string>> = {
  pillar_checkpoint: 'Checkpoint',
  goal_deadline: 'Goal deadline',
  stakeholder_check_in: 'Check-in',
  risk_review: 'Risk review',
  compliance_review: 'Compliance review',
  notes_review: 'Notes review',
  vendor_recheck: 'Vendor re-check',
}

/** Decorative: the kind word beside it carries the meaning. */
export const KIND_ICON: Readonly<Record<ItemKind, IconName>> = {
  pillar_checkpoint: 'half',
  goal_deadline: 'star',
  stakeholder_check_in: 'link',
  risk_review: 'alert',
  compliance_review: 'file',
  notes_review: 'file',
  vendor_recheck: 'archive',
}

export const REPEAT_LABEL: Readonly<Record<Repeat, string>> = {
  weekly: 'weekly',
  fortnightly: 'fortnightly',
  monthly: 'monthly',
  quarterly: 'quarterly',
  yearly: 'yearly',
}

function dayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number)
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000)
}

/** The calendar day `n` days after `iso`. */
export function addDays(iso: string, n: number): string {
  const t = new Date((dayNumber(iso) + n) * 86_400_000)
  const pad = (v: number) => String(v).padStart(2, '0')
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`
}

/** "overdue since 25 Nov", "today", "tomorrow", "in 3 days" (within the week), else "5 Dec". */
export function whenWords(due: string, today: string): string {
  const n = dayNumber(due) - dayNumber(today)
  if (n < 0) return `overdue since ${shortDate(due, today)}`
  if (n === 0) return 'today'
  if (n === 1) return 'tomorrow'
  if (n < 7) return `in ${n} days`
  return shortDate(due, today)
}

/** Where a snooze of `days` puts an item: counted from its due date, or from today when it is
 *  already due, so a snooze never brings a later item nearer. */
export function snoozeUntil(due: string, today: string, days: number): string {
  return addDays(due > today ? due : today, days)
}

/** "Wed 3 Dec": the day a snooze choice lands on. */
export function snoozeDay(iso: string, today: string): string {
  return weekdayDate(iso, today)
}

/** A row's name for a screen reader: what, where, when, how often. */
export function itemLabel(item: AgendaItem, today: string, withProject: boolean): string {
  const parts = [item.title, KIND_LABEL[item.kind]]
  if (withProject) parts.push(item.project)
  parts.push(whenWords(item.due, today))
  if (item.snoozed_from) parts.push(`snoozed from ${shortDate(item.snoozed_from, today)}`)
  if (item.recurring) parts.push(`repeats ${REPEAT_LABEL[item.recurring]}`)
  return parts.join(', ')
}

/** The status line after marking an item reviewed. */
export function reviewedStatus(next: AgendaItem | null, today: string): string {
  return next ? `Reviewed; next due ${shortDate(next.due, today)}` : 'Reviewed.'
}

export function snoozedStatus(moved: AgendaItem, today: string): string {
  return `Snoozed until ${shortDate(moved.due, today)}.`
}

/** "3 overdue · 1 today · 4 this week · 20 later", leaving out empty groups. */
export function countsLine(counts: Readonly<Record<Bucket, number>>): string {
  return BUCKETS.filter((b) => counts[b] > 0)
    .map((b) => `${counts[b].toLocaleString('en')} ${BUCKET_LABEL[b].toLowerCase()}`)
    .join(' · ')
}

/** What marking an item reviewed does besides noting it, said in the dialog. */
export function reviewEffect(item: AgendaItem): string {
  if (item.kind === 'stakeholder_check_in') return 'This records a check-in dated today.'
  if (item.recurring) return `It repeats ${REPEAT_LABEL[item.recurring]}: the next date is counted from today.`
  return 'It leaves the agenda until its date changes.'
}
