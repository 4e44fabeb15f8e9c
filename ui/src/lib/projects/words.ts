// Sentences the project screens show, kept here so they read the same everywhere and are tested.

import type { DeletionImpact } from '../api/bindings'

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`
}

/** "Delete “X”? Its 12 pillars and 2 assessments go with it." */
export function deletionMessage(name: string, impact: DeletionImpact): string {
  const parts: string[] = []
  if (impact.pillars > 0) parts.push(plural(impact.pillars, 'pillar'))
  if (impact.assessments > 0) parts.push(plural(impact.assessments, 'assessment'))
  if (parts.length === 0) return `Delete “${name}”? It has no pillars or assessments yet.`
  const single = parts.length === 1 && impact.pillars + impact.assessments === 1
  return `Delete “${name}”? Its ${parts.join(' and ')} ${single ? 'goes' : 'go'} with it.`
}
