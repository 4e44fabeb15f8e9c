// The palette's entries: the workspace's named things (from the core's index, prepared once per
// opening), the pages of the open project, and the actions on offer. Choosing an item opens its
// project and its page on that row, as an Agenda item does.

import type { ItemKind, Named, PaletteProject } from '../api/bindings'
import { projects } from '../projects/projects.svelte'
import { AREAS, goTo, type AreaId } from '../projects/nav.svelte'
import { leaveAgenda, showAgenda } from '../agenda/mode.svelte'
import type { PaletteAction } from './actions.svelte'
import { prepare } from './fuzzy'
import type { Entry, Kind } from './search'

type ItemArea = { kind: Kind; area: AreaId; list: (p: PaletteProject) => Named[]; focusKind?: ItemKind }

const ITEMS: readonly ItemArea[] = [
  { kind: 'pillar', area: 'scorecard', list: (p) => p.pillars },
  { kind: 'goal', area: 'goals', list: (p) => p.goals },
  { kind: 'stakeholder', area: 'stakeholders', list: (p) => p.stakeholders },
  { kind: 'risk', area: 'risks', list: (p) => p.risks },
  // The Compliance page opens its Scan view for a scan's kind; the regulations are on it.
  { kind: 'regulation', area: 'compliance', list: (p) => p.regulations, focusKind: 'compliance_review' },
]

/** Opens a project's page, on one row when `focus` is given. */
export function open(projectId: string, area: AreaId | null, focus: string | null = null, kind: ItemKind | null = null) {
  leaveAgenda()
  projects.select(projectId)
  if (area) goTo(area, focus, kind)
}

/** The index as entries per kind, each item naming its project. */
export function itemEntries(index: readonly PaletteProject[]): Partial<Record<Kind, Entry[]>> {
  const out: Partial<Record<Kind, Entry[]>> = {
    project: index.map((p) => ({
      key: `project:${p.id}`,
      kind: 'project',
      name: prepare(p.name),
      detail: p.archived ? 'Archived' : '',
      run: () => open(p.id, null),
    })),
  }
  for (const { kind, area, list, focusKind } of ITEMS) {
    out[kind] = index.flatMap((p) =>
      list(p).map((n) => ({
        key: `${kind}:${n.id}`,
        kind,
        name: prepare(n.name),
        detail: p.name,
        run: () => open(p.id, area, n.id, focusKind ?? null),
      })),
    )
  }
  return out
}

/** The open project's pages, then the agenda across projects. */
export function pageEntries(): Entry[] {
  const p = projects.selected
  const pages: Entry[] = p
    ? AREAS.map(({ id: area, label }) => ({
        key: `page:${area}`,
        kind: 'page',
        name: prepare(label),
        detail: p.name,
        run: () => open(p.id, area),
      }))
    : []
  pages.push({
    key: 'page:all-agenda',
    kind: 'page',
    name: prepare('Agenda of all projects'),
    detail: '',
    run: showAgenda,
  })
  return pages
}

export function actionEntries(actions: readonly PaletteAction[]): Entry[] {
  return actions.map((a) => ({
    key: `action:${a.id}`,
    kind: 'action',
    name: prepare(a.label),
    keywords: a.keywords ? prepare(a.keywords) : undefined,
    detail: a.shortcut ?? '',
    run: a.run,
  }))
}
