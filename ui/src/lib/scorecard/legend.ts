// The score legend and the status words, as domain.md defines them. The core computes status
// too; the UI computes it only for the instant between a keypress and the core's answer.

import type { Status } from '../api/bindings'
import type { IconName } from '../ui/Icon.svelte'

export const LEGEND: Readonly<Record<number, string>> = {
  1: 'Nonexistent',
  2: 'Nascent',
  3: 'Emerging',
  4: 'Mature',
  5: 'Operationalized',
}

export const LEGEND_DETAIL: Readonly<Record<number, string>> = {
  1: 'Nonexistent',
  2: 'Nascent: ad hoc, unreliable',
  3: 'Emerging: repeatable on core paths, fragile under stress',
  4: 'Mature: consistent, documented, monitored',
  5: 'Operationalized: battle-tested, improved all the time',
}

/** "Nascent" for 2; "Not scored" when there is no score. */
export function legendWord(score: number | null | undefined): string {
  return (score != null && LEGEND[score]) || 'Not scored'
}

/** "2 · Nascent", or "Not scored". */
export function scoreText(score: number | null | undefined): string {
  return score != null && LEGEND[score] ? `${score} · ${LEGEND[score]}` : 'Not scored'
}

/** At or above target: on target; one below: in progress; further below or unscored: pending. */
export function statusOf(score: number | null | undefined, target: number): Status {
  if (score == null) return 'pending'
  if (score >= target) return 'on_target'
  if (score + 1 === target) return 'in_progress'
  return 'pending'
}

export const STATUS_LABEL: Readonly<Record<Status, string>> = {
  on_target: 'on target',
  in_progress: 'in progress',
  pending: 'pending',
}

export const STATUS_ICON: Readonly<Record<Status, IconName>> = {
  on_target: 'check',
  in_progress: 'half',
  pending: 'alert',
}

/** A one-decimal overall score, or an en dash when nothing is scored. */
export function formatOverall(overall: number | null | undefined): string {
  return overall == null ? '–' : overall.toFixed(1)
}
