// How a pop-up list (a goal's stakeholder or risk picker) goes away: Escape (focus back to its
// button), Tab out of it, or a click elsewhere.

type Close = (refocus: boolean) => void

/** Escape closes and returns the focus to the button that opened it. */
export function closeOnEscape(e: KeyboardEvent, close: Close) {
  if (e.key !== 'Escape') return
  e.preventDefault()
  e.stopPropagation()
  close(true)
}

/** Whether focus left `root` for somewhere else. Focus going nowhere (WebKit blurs on a click on
 *  a label and does not focus checkboxes on click) is left to the outside-click listener. */
export function focusLeft(e: FocusEvent, root: Node): boolean {
  const to = e.relatedTarget as Node | null
  return to != null && !root.contains(to)
}

/** Closes on a click outside `root`; returns the cleanup, for an `$effect` that runs only while
 *  the list is open (a page of 500 rows then holds one listener, not 500). */
export function closeOnOutsideClick(root: HTMLElement, close: Close): () => void {
  const ondown = (e: PointerEvent) => {
    if (!root.contains(e.target as Node)) close(false)
  }
  window.addEventListener('pointerdown', ondown)
  return () => window.removeEventListener('pointerdown', ondown)
}
