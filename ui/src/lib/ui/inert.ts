// Making the rest of the page inert while a dialog is open, so the mouse and a screen reader stay
// in it: the siblings of each ancestor, from the dialog up to the body.

/** Marks everything outside `host` inert; returns the undo, which also puts the focus back where
 *  it was when called. */
export function inertOthers(host: HTMLElement): () => void {
  const before = document.activeElement as HTMLElement | null
  const marked: HTMLElement[] = []
  for (let node: HTMLElement = host; node.parentElement && node !== document.body; node = node.parentElement) {
    for (const sib of Array.from(node.parentElement.children)) {
      if (sib !== node && sib instanceof HTMLElement && !sib.hasAttribute('inert')) {
        sib.setAttribute('inert', '')
        marked.push(sib)
      }
    }
  }
  return () => {
    marked.forEach((el) => el.removeAttribute('inert'))
    if (before && document.contains(before)) before.focus()
  }
}
