// Sentences the project screens show, kept here so they read the same everywhere and are tested.

import type { DeletionImpact } from '../api/bindings'

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`
}

/** "a", "a and b", "a, b and c". */
export function listWords(items: readonly string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
}

/** "Delete “X”? Its 12 pillars, 2 assessments, 1 goal and 2 stakeholders go with it." */
export function deletionMessage(name: string, impact: DeletionImpact): string {
  const counts: [number, string][] = [
    [impact.pillars, 'pillar'],
    [impact.assessments, 'assessment'],
    [impact.goals, 'goal'],
    [impact.stakeholders, 'stakeholder'],
  ]
  const parts = counts.filter(([n]) => n > 0).map(([n, one]) => plural(n, one))
  if (parts.length === 0) return `Delete “${name}”? It has no pillars or assessments yet.`
  const single = parts.length === 1 && counts.reduce((sum, [n]) => sum + n, 0) === 1
  return `Delete “${name}”? Its ${listWords(parts)} ${single ? 'goes' : 'go'} with it.`
}
