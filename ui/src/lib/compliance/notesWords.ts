// Words the compliance notes and review history show, kept here so they read the same
// everywhere and are tested. Calendar dates are the core's YYYY-MM-DD, read as plain numbers.

import type { Control, Review, Sensitive, Snapshot, Vendor } from '../api/bindings'
import { shortDate } from '../stakeholders/words'
import { isoDate } from '../assessments/dates'

export { shortDate }

export const KINDS: readonly Sensitive[] = ['personal', 'health', 'payment', 'student', 'children']

export const KIND_LABEL: Readonly<Record<Sensitive, string>> = {
  personal: 'Personal',
  health: 'Health',
  payment: 'Payment',
  student: 'Student',
  children: 'Children’s',
}

/** The milestones offered for the next review; anything else is the user's own words. */
export const MILESTONES: readonly (readonly [string, string])[] = [
  ['launch_day', 'Launch day'],
  ['first_paying_customer', 'First paying customer'],
  ['annual_audit', 'Annual audit'],
]

export function milestoneLabel(m: string): string {
  return MILESTONES.find(([k]) => k === m)?.[1] ?? m
}

/** "Launch day — to be dated", "5 Dec · Launch day", "5 Dec", or "Not set". */
export function nextReviewText(s: Snapshot, today: string): string {
  const m = s.next_review_milestone ? milestoneLabel(s.next_review_milestone) : ''
  if (s.next_review_date) return m ? `${shortDate(s.next_review_date, today)} · ${m}` : shortDate(s.next_review_date, today)
  if (m) return `${m} — to be dated`
  return 'Not set'
}

/** "Re-check 12 Nov 2027", "Re-check overdue since 3 Nov", or "" when none is set. */
export function recheckText(v: Pick<Vendor, 'recheck_date'>, today: string): { text: string; overdue: boolean } {
  if (!v.recheck_date) return { text: '', overdue: false }
  const when = shortDate(v.recheck_date, today)
  return v.recheck_date < today
    ? { text: `Overdue since ${when}`, overdue: true }
    : { text: when, overdue: false }
}

/** "ticked by ana on 12 Nov": the tick's instant read in the user's own time zone. */
export function tickedText(c: Pick<Control, 'done' | 'done_by' | 'done_at'>, today: string): string {
  if (!c.done) return ''
  const on = c.done_at ? ` on ${shortDate(isoDate(new Date(c.done_at)), today)}` : ''
  const by = c.done_by ? ` by ${c.done_by}` : ''
  return `ticked${by}${on}`
}

/** "Corrects the entry of 12 Nov by Ana" (or "of an earlier entry" when it is not listed). */
export function correctsText(target: Review | undefined, today: string): string {
  return target
    ? `Corrects the entry of ${shortDate(target.date, today)} by ${target.reviewer}`
    : 'Corrects an earlier entry'
}

/** "Corrected on 14 Nov by Bohdan", naming each later entry that corrects this one. */
export function correctedText(by: readonly Review[], today: string): string {
  return by.map((r) => `Corrected on ${shortDate(r.date, today)} by ${r.reviewer}`).join('; ')
}

/** The new row's id in `after` that `before` lacked (rows are added at the end). */
export function addedId<T extends { id: string }>(before: readonly T[], after: readonly T[]): string | null {
  const had = new Set(before.map((r) => r.id))
  return after.findLast((r) => !had.has(r.id))?.id ?? null
}
