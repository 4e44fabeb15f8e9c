// Words the risk register shows, kept here so they read the same everywhere and are tested.
// Dates are the core's calendar days (YYYY-MM-DD), formatted as the stakeholder canvas does.

import type { Band, BandChange, HeatCell, Risk, RiskChange, RiskSort, RiskStatus, StatusFilter } from '../api/bindings'
import { shortDate } from '../stakeholders/words'
import { listWords } from '../projects/words'

import { BANDS, BAND_ICON, BAND_LABEL, BAND_TONE, bandOf } from './bands'
export { BANDS, BAND_ICON, BAND_LABEL, BAND_TONE, bandOf }

export const STATUS_LABEL: Readonly<Record<RiskStatus, string>> = {
  open: 'Open',
  mitigating: 'Mitigating',
  accepted: 'Accepted',
  closed: 'Closed',
}

export const FILTERS: readonly StatusFilter[] = ['active', 'all', 'open', 'mitigating', 'accepted', 'closed']
export const FILTER_LABEL: Readonly<Record<StatusFilter, string>> = {
  active: 'Not closed',
  all: 'All',
  open: 'Open',
  mitigating: 'Mitigating',
  accepted: 'Accepted',
  closed: 'Closed',
}

export const SORTS: readonly RiskSort[] = ['severity', 'review_date', 'status']
export const SORT_LABEL: Readonly<Record<RiskSort, string>> = {
  severity: 'Severity',
  review_date: 'Review date',
  status: 'Status',
}

/** "1 risk", "20,000 risks". */
export function countText(n: number): string {
  return `${n.toLocaleString('en')} ${n === 1 ? 'risk' : 'risks'}`
}

/** "Likelihood 4 × impact 3": the cell filter's chip. */
export function cellName(likelihood: number, impact: number): string {
  return `Likelihood ${likelihood} × impact ${impact}`
}

/** "Likelihood 4, impact 3: 2 risks, high": a heat map cell's accessible name. */
export function cellLabel(c: HeatCell): string {
  return `Likelihood ${c.likelihood}, impact ${c.impact}: ${countText(c.count)}, ${c.band}`
}

/** "was high, now medium since 12 Nov". */
export function wasText(change: BandChange, now: Band, today: string): string {
  return `was ${change.was}, now ${now} since ${shortDate(change.since, today)}`
}

/** Whether the band went up (worse) rather than down. */
export function bandRose(change: BandChange, now: Band): boolean {
  return BANDS.indexOf(now) > BANDS.indexOf(change.was)
}

/** "Review 5 Dec", "Review overdue since 3 Nov", or null with no review date. */
export function reviewText(r: Pick<Risk, 'review_date' | 'review_overdue'>, today: string): string | null {
  if (!r.review_date) return null
  const when = shortDate(r.review_date, today)
  return r.review_overdue ? `Review overdue since ${when}` : `Review ${when}`
}

function clip(text: string, max = 80): string {
  const t = text.replace(/\s+/g, ' ').trim()
  return t.length > max ? `${t.slice(0, max - 1)}…` : t
}

/** "12 Nov · likelihood 4 → 2", "12 Nov · created", "12 Nov · closed: “Vendor replaced”". */
export function historyLine(c: RiskChange, today: string): string {
  const day = shortDate(c.date, today)
  if (c.field === 'created') return `${day} · created`
  if (c.field === 'closing_note') return `${day} · closing note “${clip(c.new ?? '')}”`
  const word = (v: string | null) =>
    c.field === 'status' && v && v in STATUS_LABEL ? STATUS_LABEL[v as RiskStatus].toLowerCase() : (v ?? '–')
  return `${day} · ${c.field.replace('_', ' ')} ${word(c.old)} → ${word(c.new)}`
}

/** The names of linked goals or stakeholders, in the order given; unknown ids are skipped. */
export function namesOf(ids: readonly string[], names: ReadonlyMap<string, string>): string[] {
  const out: string[] = []
  for (const id of ids) {
    const n = names.get(id)
    if (n != null) out.push(n)
  }
  return out
}

/** What a screen reader hears on a focused row. */
export function rowSummary(r: Risk, owner: string, review: string | null): string {
  const parts = [
    r.title,
    `severity ${r.severity}, ${r.band}`,
    `likelihood ${r.likelihood}, impact ${r.impact}`,
    STATUS_LABEL[r.status].toLowerCase(),
    owner,
  ]
  if (review) parts.push(review.toLowerCase())
  return parts.join('; ')
}

/** The confirmation before removing a risk. */
export function removalMessage(r: Pick<Risk, 'title' | 'goals' | 'stakeholders'>): string {
  const links: string[] = []
  if (r.goals.length) links.push(`${r.goals.length} ${r.goals.length === 1 ? 'goal' : 'goals'}`)
  if (r.stakeholders.length) {
    links.push(`${r.stakeholders.length} ${r.stakeholders.length === 1 ? 'stakeholder' : 'stakeholders'}`)
  }
  const tail = links.length ? ` Its links to ${listWords(links)} go with it.` : ''
  return `Remove “${r.title}” from the register?${tail} Closing it instead keeps its story.`
}
