// The actions the palette can run: each component that has a button for one offers it while it
// is on screen (`offerActions`), with a `run` that is the button's own handler, so the palette
// adds no second way of doing anything. The page's actions come before the window's.

import { onDestroy } from 'svelte'

export type PaletteAction = {
  /** Stable, for tests and keys: "record-assessment". */
  id: string
  label: string
  /** More words to match, not shown: "pdf print scorecard". */
  keywords?: string
  /** A shortcut that does the same, shown beside it: "Ctrl+N". */
  shortcut?: string
  run: () => unknown
}

type Offer = { actions: () => PaletteAction[]; global: boolean }

const offers = new Set<Offer>()

/** Offers actions while the calling component lives; call it in a component's script. The list
 *  is read when the palette opens, so labels may follow the component's state. `global` (the
 *  window's own: new project, back up now...) lists after those of the page. */
export function offerActions(actions: () => PaletteAction[], global = false): void {
  const offer: Offer = { actions, global }
  offers.add(offer)
  onDestroy(() => offers.delete(offer))
}

/** What is on offer now: the page's actions (the innermost component's first), then the
 *  window's, each once by id. */
export function currentActions(): PaletteAction[] {
  const all = [...offers]
    .reverse()
    .sort((a, b) => Number(a.global) - Number(b.global))
    .flatMap((o) => o.actions())
  const seen = new Set<string>()
  return all.filter((a) => !seen.has(a.id) && (seen.add(a.id), true))
}
