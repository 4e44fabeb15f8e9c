// The trash in words.

import type { TrashEntry, TrashKind } from '../api/bindings'

export const KIND_WORDS: Record<TrashKind, string> = {
  project: 'Project',
  pillar: 'Pillar',
  goal: 'Goal',
  stakeholder: 'Stakeholder',
  risk: 'Risk',
  scan_row: 'Scan row',
}

/** "with 12 pillars, 2 assessments", or "" when it took nothing along. */
export function tookWords(e: Pick<TrashEntry, 'took'>): string {
  if (e.took.length === 0) return ''
  return `with ${e.took.map((t) => `${t.count} ${t.what}`).join(', ')}`
}

/** "Removed 25 Nov 2026, 09:00", or "Removed by undoing “Pillar added” …". */
export function removedWords(e: Pick<TrashEntry, 'deleted_at' | 'by_undo' | 'label'>, locale?: string): string {
  const when = new Date(e.deleted_at)
  const at = Number.isNaN(when.getTime())
    ? e.deleted_at
    : when.toLocaleString(locale, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' })
  return e.by_undo ? `Removed by undoing “${e.label}”, ${at}` : `Removed ${at}`
}

/** The confirmation's words before emptying. */
export function emptyWords(n: number): string {
  const what = n === 1 ? 'The one entry in the trash' : `The ${n} entries in the trash`
  return `${what}, and what each took with it, will be removed for good. This cannot be undone.`
}

/** The line under a trash entry's name: its project (not for a project), when, what it took. */
export function metaWords(e: TrashEntry, locale?: string): string {
  const project = e.kind !== 'project' && e.project_name ? [e.project_name] : []
  return [...project, removedWords(e, locale), tookWords(e)].filter((s) => s !== '').join(' · ')
}
