// Moving between a project's areas from inside one: a goal's risk chip opens the Risks page on
// that risk, an Agenda item opens its row. ProjectView follows `nav.area`; the target page reads
// and clears `nav.focus` (and `nav.kind`, the Agenda item's kind, where the id alone is not enough).

import type { ItemKind } from '../api/bindings'

export type AreaId = 'overview' | 'scorecard' | 'goals' | 'stakeholders' | 'risks' | 'compliance' | 'agenda'

/** A project's areas in tab order, with their names: the tabs and the palette's pages. */
export const AREAS: readonly { id: AreaId; label: string }[] = [
  { id: 'overview', label: 'Overview' },
  { id: 'scorecard', label: 'Scorecard' },
  { id: 'goals', label: 'Goals' },
  { id: 'stakeholders', label: 'Stakeholders' },
  { id: 'risks', label: 'Risks' },
  { id: 'compliance', label: 'Compliance' },
  { id: 'agenda', label: 'Agenda' },
]
// The page last open, so a relaunch comes back to it (the project is remembered beside it).
const LAST_AREA_KEY = 'northstar.lastArea'

export const nav = $state<{ area: AreaId; focus: string | null; kind: ItemKind | null; visit: number }>({
  area: rememberedArea(),
  focus: null,
  kind: null,
  // Goes up each time a row is asked for, so a page already open is mounted again to take it
  // (the palette can ask the Risks page for a risk while it shows another).
  visit: 0,
})

/** Opens `area`, and asks its page to bring the row with id `focus` (an item of `kind`) into view. */
export function goTo(area: AreaId, focus: string | null = null, kind: ItemKind | null = null) {
  nav.focus = focus
  nav.kind = kind
  nav.area = area
  if (focus != null) nav.visit++
  try {
    localStorage.setItem(LAST_AREA_KEY, area)
  } catch {
    // A private or full storage only loses the convenience.
  }
}

function rememberedArea(): AreaId {
  try {
    const last = localStorage.getItem(LAST_AREA_KEY)
    return AREAS.find((a) => a.id === last)?.id ?? 'scorecard'
  } catch {
    return 'scorecard'
  }
}

/** The kind of the item a page is being opened on, without taking it; null when none (or not said). */
export function focusKind(): ItemKind | null {
  return nav.focus == null ? null : nav.kind
}

/** The id a page was opened on, once: the page calls this when it mounts. */
export function takeFocus(): string | null {
  const id = nav.focus
  nav.focus = null
  nav.kind = null
  return id
}
