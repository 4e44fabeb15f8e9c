// Where a long list scrolls: the nearest ancestor that scrolls vertically (the app's main pane),
// or null for the viewport. An IntersectionObserver needs it as its root for a margin to apply:
// a scrolling ancestor clips what the viewport would otherwise see early.

export function scrollParent(el: Element): Element | null {
  for (let node = el.parentElement; node; node = node.parentElement) {
    const y = getComputedStyle(node).overflowY
    if (y === 'auto' || y === 'scroll' || y === 'overlay') return node
  }
  return null
}
