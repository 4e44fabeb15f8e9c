// Whether the window shows the Agenda across all projects instead of the selected project, and
// opening an item: the project, then its area focused on the item's row.

import type { AgendaItem } from '../api/bindings'
import { projects } from '../projects/projects.svelte'
import { goTo, type AreaId } from '../projects/nav.svelte'
import { leaveSettings } from '../settings/mode.svelte'

export const agendaMode = $state<{ open: boolean }>({ open: false })

// Both leave Settings too: every move to the agenda or to a project goes through one of them.
export function showAgenda(): void {
  leaveSettings()
  agendaMode.open = true
}

export function leaveAgenda(): void {
  leaveSettings()
  agendaMode.open = false
}

const AREAS: readonly AreaId[] = ['scorecard', 'goals', 'stakeholders', 'risks', 'compliance']

/** Opens an item where it lives; pages that take `nav.focus` bring its row into view (the kind
 *  says which view holds it where an area has several, as Compliance does). */
export function openItem(item: AgendaItem): void {
  leaveAgenda()
  projects.select(item.project_id)
  const area = AREAS.find((a) => a === item.area) ?? 'overview'
  goTo(area, item.row_id, item.kind)
}
