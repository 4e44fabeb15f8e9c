// Words and dates the stakeholder canvas shows, kept here so they read the same everywhere and
// are tested. Dates are the core's calendar days (YYYY-MM-DD); they are read as plain numbers,
// never through `new Date(iso)`, which would shift them by the time zone.

import type { Cadence, Stakeholder, StakeholderRemoval } from '../api/bindings'
import { listWords, plural } from '../projects/words'

export const CADENCES: readonly Cadence[] = ['weekly', 'fortnightly', 'monthly', 'quarterly', 'ad_hoc']

export const CADENCE_LABEL: Readonly<Record<Cadence, string>> = {
  weekly: 'Weekly',
  fortnightly: 'Fortnightly',
  monthly: 'Monthly',
  quarterly: 'Quarterly',
  ad_hoc: 'Ad hoc',
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']

function parts(iso: string): [number, number, number] {
  const [y, m, d] = iso.split('-').map(Number)
  return [y, m, d]
}

/** Days since 1970-01-01 of a calendar day, with no time zone involved. */
function dayNumber(iso: string): number {
  const [y, m, d] = parts(iso)
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000)
}

function fromUtc(t: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`
}

/** "21 Nov", with the year when it is not this year's: "21 Nov 2025". */
export function shortDate(iso: string, today: string): string {
  const [y, m, d] = parts(iso)
  const text = `${d} ${MONTHS[m - 1]}`
  return y === parts(today)[0] ? text : `${text} ${y}`
}

/** "Mon 5 Jan": a day of the first-week plan. */
export function weekdayDate(iso: string, today: string): string {
  const [y, m, d] = parts(iso)
  return `${WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]} ${shortDate(iso, today)}`
}

/** "today", "yesterday", "10 days ago", "tomorrow", "in 3 days". */
export function relativeDay(iso: string, today: string): string {
  const n = dayNumber(iso) - dayNumber(today)
  if (n === 0) return 'today'
  if (n === -1) return 'yesterday'
  if (n === 1) return 'tomorrow'
  return n < 0 ? `${-n} days ago` : `in ${n} days`
}

/** The check-in due after one on `last`, as the core works it out (months are calendar months:
 *  31 Jan + 1 month is the last day of February). Used only for the instant between a cadence
 *  change and the core's answer. */
export function nextCheckIn(last: string | null, cadence: Cadence): string | null {
  if (last == null || cadence === 'ad_hoc') return null
  const [y, m, d] = parts(last)
  if (cadence === 'weekly' || cadence === 'fortnightly') {
    return fromUtc(new Date(Date.UTC(y, m - 1, d + (cadence === 'weekly' ? 7 : 14))))
  }
  const months = cadence === 'monthly' ? 1 : 3
  const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate()
  return fromUtc(new Date(Date.UTC(y, m - 1 + months, Math.min(d, lastDay))))
}

export type Tone = 'overdue' | 'due' | 'scheduled' | 'none'

/** The next check-in in words, and how urgent it is (the card colours it and adds an icon). */
export function nextWords(
  s: Pick<Stakeholder, 'cadence' | 'last_check_in' | 'next_check_in' | 'overdue'>,
  today: string,
): { text: string; tone: Tone } {
  if (s.cadence === 'ad_hoc') return { text: 'No fixed cadence', tone: 'none' }
  if (s.next_check_in == null) {
    return { text: `${CADENCE_LABEL[s.cadence]} from the first check-in`, tone: 'none' }
  }
  const when = shortDate(s.next_check_in, today)
  if (s.overdue) return { text: `Overdue since ${when}`, tone: 'overdue' }
  if (s.next_check_in === today) return { text: 'Check-in due today', tone: 'due' }
  return { text: `Next check-in ${when}`, tone: 'scheduled' }
}

/** "Last check-in 14 Nov · 10 days ago", or "Never checked in". */
export function lastWords(last: string | null, today: string): string {
  if (last == null) return 'Never checked in'
  return `Last check-in ${shortDate(last, today)} · ${relativeDay(last, today)}`
}

/** "“A” names them; the link goes with them." / "“A” and “B” name them; the links go with them." */
export function goalsSentence(goals: readonly string[]): string {
  if (goals.length === 0) return ''
  const list = listWords(goals.map((g) => `“${g}”`))
  return goals.length === 1
    ? `${list} names them; the link goes with them.`
    : `${list} name them; the links go with them.`
}

/** "The open risk “A” will no longer name them." / "The open risks “A” and “B” will no longer name them."
 *  The risks themselves stay in the register. */
export function risksSentence(risks: readonly string[]): string {
  if (risks.length === 0) return ''
  const list = listWords(risks.map((r) => `“${r}”`))
  return risks.length === 1
    ? `The open risk ${list} will no longer name them.`
    : `The open risks ${list} will no longer name them.`
}

/** The confirmation before removing a stakeholder: which goals and open risks lose the link,
 *  what else goes. */
export function removalMessage(name: string, impact: StakeholderRemoval): string {
  const out = [`Remove “${name}” from the canvas?`]
  if (impact.goals.length > 0) out.push(goalsSentence(impact.goals))
  if (impact.risks.length > 0) out.push(risksSentence(impact.risks))
  if (impact.check_ins > 0) {
    out.push(`Their ${plural(impact.check_ins, 'check-in')} ${impact.check_ins === 1 ? 'goes' : 'go'} too.`)
  }
  return out.join(' ')
}
