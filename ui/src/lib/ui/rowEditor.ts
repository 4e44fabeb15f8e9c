// A row's inline editor (a risk, a scan row): on opening it comes into view with its first field
// focused, and Escape closes it. A Svelte action: `<section use:rowEditor={onclose}>`.

export function rowEditor(node: HTMLElement, onclose: () => void) {
  let close = onclose
  node.scrollIntoView?.({ block: 'nearest' })
  node.querySelector<HTMLElement>('input, textarea, select')?.focus()
  const onkeydown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || e.defaultPrevented) return
    e.preventDefault()
    e.stopPropagation()
    close()
  }
  node.addEventListener('keydown', onkeydown)
  return {
    update(next: () => void) {
      close = next
    },
    destroy() {
      node.removeEventListener('keydown', onkeydown)
    },
  }
}
