// The words and numbers the goals screens show, kept in one place so the row, the header and
// the tests read the same. Numbers are written as the core writes them (core/src/goals/mod.rs,
// `with_unit`), so the screen, the CLI and the PDF agree.

import type { Band, Direction, Goal, MetricStatus, Reading, RiskRef, RiskStatus } from '../api/bindings'
import type { IconName } from '../ui/Icon.svelte'

/** A number as people write it: no trailing zeros, at most four decimals. */
export function formatNumber(v: number): string {
  let s = v.toFixed(4)
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '')
  return s === '-0' ? '0' : s
}

/** "98.1%", "380 ms", "12": "%" sticks to the number, other units take a space. */
export function withUnit(v: number, unit: string): string {
  const n = formatNumber(v)
  const u = unit.trim()
  if (!u) return n
  return u === '%' ? `${n}%` : `${n} ${u}`
}

export const DIRECTION_SIGN: Readonly<Record<Direction, string>> = { higher: '≥', lower: '≤' }

export const DIRECTION_LABEL: Readonly<Record<Direction, string>> = {
  higher: 'higher is better',
  lower: 'lower is better',
}

/** "≥ 99%": the target with the direction that meets it. */
export function targetText(target: number, unit: string, direction: Direction): string {
  return `${DIRECTION_SIGN[direction]} ${withUnit(target, unit)}`
}

/** "98.1% · target ≥ 99%", "target ≥ 99%" before any reading, "" without numbers. */
export function latestText(g: Pick<Goal, 'target' | 'unit' | 'direction' | 'latest'>): string {
  if (g.target == null) return ''
  const t = `target ${targetText(g.target, g.unit, g.direction)}`
  return g.latest ? `${withUnit(g.latest.value, g.unit)} · ${t}` : t
}

export const STATUS_WORDS: Readonly<Record<MetricStatus, string>> = {
  met: 'met',
  not_met: 'not met',
  no_reading: 'no reading yet',
  no_numbers: 'no numbers',
}

export const STATUS_ICON: Readonly<Record<MetricStatus, IconName>> = {
  met: 'check',
  not_met: 'alert',
  no_reading: 'clock',
  no_numbers: 'same',
}

/** "met", "not met · stale", "no reading yet". Stale only qualifies a judged reading. */
export function statusWords(status: MetricStatus, stale: boolean): string {
  const words = STATUS_WORDS[status]
  return stale && (status === 'met' || status === 'not_met') ? `${words} · stale` : words
}

/** How long ago the newest reading was: "today", "yesterday", "5 days ago", "3 weeks ago". */
export function sinceWords(days: number | null | undefined): string {
  if (days == null) return ''
  if (days <= 0) return 'today'
  if (days === 1) return 'yesterday'
  if (days < 14) return `${days} days ago`
  if (days < 60) return `${Math.floor(days / 7)} weeks ago`
  if (days < 730) return `${Math.round(days / 30.44)} months ago`
  return `${Math.round(days / 365.25)} years ago`
}

/**
 * Where a metric stands with these numbers, as the core judges it: the UI computes it only for
 * the moment between an edit of the target or direction and the core's answer.
 */
export function metricStatus(target: number | null, direction: Direction, latest: Reading | null): MetricStatus {
  if (target == null) return 'no_numbers'
  if (!latest) return 'no_reading'
  const met = direction === 'higher' ? latest.value >= target : latest.value <= target
  return met ? 'met' : 'not_met'
}

/**
 * A number typed by a person: "99", "-2.5", "99,5" (a lone comma is a decimal comma),
 * "1,250.5" (with a dot, commas group thousands), spaces ignored. "1,234" could be either, so it
 * is refused rather than guessed. Null for an empty field, undefined for anything that is not a
 * finite number.
 */
export function parseNumber(text: string): number | null | undefined {
  let s = text.replace(/[\s\u00a0\u202f]/g, '')
  if (s === '') return null
  if (s.includes('.')) s = s.replace(/,/g, '')
  else if (/,\d{3}$/.test(s)) return undefined
  else if ((s.match(/,/g) ?? []).length === 1) s = s.replace(',', '.')
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(s)) return undefined
  const n = Number(s)
  return Number.isFinite(n) ? n : undefined
}

/** The ConfirmDialog's sentence for removing a goal. */
export function removalMessage(goal: string, readings: number, leading: boolean): string {
  const parts = [`Remove “${goal}” from the goals?`]
  if (readings > 0) parts.push(`Its ${readings === 1 ? 'reading goes' : `${readings} readings go`} with it.`)
  if (leading) parts.push('The leading metric will no longer follow it.')
  return parts.join(' ')
}

/** The ConfirmDialog's sentence before clearing the risks typed on a goal before the register. */
export function clearTypedRisksMessage(goal: string, text: string): string {
  const t = text.trim()
  const quoted = t.length > 200 ? `${t.slice(0, 200).trimEnd()}…` : t
  return `Clear the risks typed on “${goal}” before the risk register? “${quoted}” will be deleted, not kept as a risk. To keep it, choose “Turn into a risk” instead.`
}

/** "3 goals · 1 met · 1 not met · 1 no reading yet", for the top of the page. */
export function summaryText(goals: readonly Pick<Goal, 'status'>[]): string {
  const counts: Record<MetricStatus, number> = { met: 0, not_met: 0, no_reading: 0, no_numbers: 0 }
  for (const g of goals) counts[g.status]++
  const parts = [`${goals.length} ${goals.length === 1 ? 'goal' : 'goals'}`]
  for (const s of ['met', 'not_met', 'no_reading'] as const) {
    if (counts[s] > 0) parts.push(`${counts[s]} ${STATUS_WORDS[s]}`)
  }
  return parts.join(' · ')
}

import { BANDS, BAND_ICON, BAND_TONE } from '../risks/bands'
export { BANDS, BAND_ICON, BAND_TONE }

export const RISK_STATUS_WORDS: Readonly<Record<RiskStatus, string>> = {
  open: 'open',
  mitigating: 'mitigating',
  accepted: 'accepted',
  closed: 'closed',
}

/** The chip beside a linked risk: "high", "high · mitigating", or "closed" (its band no longer counts). */
export function riskChipWords(r: Pick<RiskRef, 'band' | 'status'>): string {
  if (r.status === 'closed') return 'closed'
  return r.status === 'open' ? r.band : `${r.band} · ${RISK_STATUS_WORDS[r.status]}`
}

/** "Traffic spike, high, open: show on the Risks tab", the link's accessible name (it starts with
 *  the words it shows, so voice control finds it). */
export function riskLinkLabel(r: Pick<RiskRef, 'title' | 'band' | 'status'>): string {
  const state = r.status === 'closed' ? 'closed' : `${r.band}, ${RISK_STATUS_WORDS[r.status]}`
  return `${r.title}, ${state}: show on the Risks tab`
}

/** The highest band among risks that are not closed, as the core works out `risk_band`. */
export function highestBand(risks: readonly Pick<RiskRef, 'band' | 'status'>[]): Band | null {
  let best = -1
  for (const r of risks) if (r.status !== 'closed') best = Math.max(best, BANDS.indexOf(r.band))
  return best < 0 ? null : BANDS[best]
}

/** Linked risks in the core's order: closed ones last, most severe first, then by id. */
export function sortRiskRefs(risks: readonly RiskRef[]): RiskRef[] {
  return [...risks].sort(
    (a, b) =>
      Number(a.status === 'closed') - Number(b.status === 'closed') ||
      b.severity - a.severity ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  )
}

/** "Risk: high", or why there is no band: "No open risks" (all closed), "No linked risks". */
export function riskBandWords(g: Pick<Goal, 'risk_band' | 'risks'>): string {
  if (g.risk_band) return `Risk: ${g.risk_band}`
  return g.risks.length > 0 ? 'No open risks' : 'No linked risks'
}
