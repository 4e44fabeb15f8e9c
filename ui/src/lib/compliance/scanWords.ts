// Words the compliance scan shows, kept here so they read the same everywhere and are tested.
// Readiness is always a word and an icon; the colour only adds to them (the primer's legend).

import type { Answers, DataKind, Industry, ProjectRegulation, Readiness, ScanRow } from '../api/bindings'
import type { Tone } from '../ui/Chip.svelte'
import type { IconName } from '../ui/Icon.svelte'
import { findLinks } from '../scorecard/links'
import { listWords, plural } from '../projects/words'

export const READINESS: readonly Readiness[] = ['ready', 'partial', 'missing']
export const READINESS_LABEL: Readonly<Record<Readiness, string>> = {
  ready: 'Ready',
  partial: 'Partial',
  missing: 'Missing',
}
export const READINESS_TONE: Readonly<Record<Readiness, Tone>> = { ready: 'ok', partial: 'warn', missing: 'bad' }
export const READINESS_ICON: Readonly<Record<Readiness, IconName>> = {
  ready: 'check',
  partial: 'half',
  missing: 'alert',
}

/** The kinds of data in the order the question lists them; "none" last and exclusive. */
export const DATA_KINDS: readonly DataKind[] = ['eu_personal', 'us_health', 'card', 'student', 'children', 'none']
export const DATA_LABEL: Readonly<Record<DataKind, string>> = {
  eu_personal: 'EU residents’ personal data',
  us_health: 'US health information',
  card: 'Payment card data',
  student: 'Student records',
  children: 'Data of children under 13',
  none: 'None of these',
}

/** The industry select's values: "unanswered" stands for no answer yet. */
export type IndustryChoice = Industry | 'unanswered'
export const INDUSTRIES: readonly IndustryChoice[] = [
  'unanswered',
  'none',
  'healthcare',
  'education',
  'finance',
  'government',
  'other',
]
export const INDUSTRY_LABEL: Readonly<Record<IndustryChoice, string>> = {
  unanswered: 'Not answered',
  none: 'No',
  healthcare: 'Healthcare',
  education: 'Education',
  finance: 'Finance',
  government: 'Government',
  other: 'Other',
}

/** The kinds ticked after `kind` is ticked or unticked: "None of these" stands alone. */
export function toggleKind(current: readonly DataKind[], kind: DataKind, on: boolean): DataKind[] {
  if (!on) return current.filter((k) => k !== kind)
  if (kind === 'none') return ['none']
  return DATA_KINDS.filter((k) => k !== 'none' && (k === kind || current.includes(k)))
}

/** The answers as the core takes them: unanswered questions are left out, an empty tick list too. */
export function answersOf(data: readonly DataKind[], payments: boolean | null, industry: IndustryChoice, detail: string): Answers {
  const a: Answers = { industry_detail: detail }
  if (data.length) a.data = [...data]
  if (payments != null) a.payments = payments
  if (industry !== 'unanswered') a.industry = industry
  return a
}

/** "Proposed because you store EU residents’ personal data and you serve healthcare", or null. */
export function proposedText(r: Pick<ProjectRegulation, 'proposed_by'>): string | null {
  if (r.proposed_by.length === 0) return null
  const reasons = r.proposed_by.map((w) => w.charAt(0).toLowerCase() + w.slice(1))
  return `Proposed because ${listWords(reasons)}`
}

export type Worst = Readiness | 'none'

/** "GDPR · Partial · 2 rows", or "SOC 2 · No rows yet". */
export function summaryText(code: string, worst: Readiness | null, rows: number): string {
  if (!worst || rows === 0) return `${code} · No rows yet`
  return `${code} · ${READINESS_LABEL[worst]} · ${plural(rows, 'row')}`
}

/** Regulations the strip sums up: accepted ones, and any other that scan rows still name. */
export function summarised(regs: readonly ProjectRegulation[]): ProjectRegulation[] {
  return regs.filter((r) => r.status === 'accepted' || r.rows > 0)
}

export interface TextPart {
  text: string
  /** Set when the part is a link the system browser can open. */
  url?: string
}

/** Proof text cut into plain text and the http, https and mailto links in it (each once). */
export function linkParts(text: string): TextPart[] {
  if (!text.includes(':')) return [{ text }]
  const out: TextPart[] = []
  let at = 0
  for (const { url } of findLinks(text)) {
    const i = text.indexOf(url, at)
    if (i < 0) continue
    if (i > at) out.push({ text: text.slice(at, i) })
    out.push({ text: url, url })
    at = i + url.length
  }
  if (at < text.length) out.push({ text: text.slice(at) })
  return out
}

/** What a screen reader hears on a focused scan row. */
export function rowSummary(r: ScanRow, review: string | null): string {
  const parts = [r.area, r.regulation, READINESS_LABEL[r.readiness].toLowerCase(), r.owner || 'no owner']
  if (review) parts.push(`review ${review}`)
  return parts.join('; ')
}

/** The confirmation before removing a scan row. */
export function removalMessage(r: Pick<ScanRow, 'area' | 'regulation'>): string {
  return `Remove the ${r.regulation} row “${r.area}” from the scan? The regulation stays accepted.`
}
