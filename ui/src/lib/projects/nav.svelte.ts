// Moving between a project's areas from inside one: a goal's risk chip opens the Risks page on
// that risk. ProjectView follows `nav.area`; the target page reads and clears `nav.focus`.

export type AreaId = 'overview' | 'scorecard' | 'goals' | 'stakeholders' | 'risks' | 'compliance' | 'agenda'

export const nav = $state<{ area: AreaId; focus: string | null }>({ area: 'scorecard', focus: null })

/** Opens `area`, and asks its page to bring the row with id `focus` into view. */
export function goTo(area: AreaId, focus: string | null = null) {
  nav.focus = focus
  nav.area = area
}

/** The id a page was opened on, once: the page calls this when it mounts. */
export function takeFocus(): string | null {
  const id = nav.focus
  nav.focus = null
  return id
}
