// Where a click falls in an element's text, in characters: so a field that replaces a text
// stand-in on click can put its caret where the click was.

type CaretDocument = Document & {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null
  caretRangeFromPoint?: (x: number, y: number) => Range | null
}

/** The offset in `el`'s text content under the point (x, y), or null when the point is not on
 *  `el`'s text (its padding past the end, or a browser that cannot tell). */
export function offsetAt(el: Element, x: number, y: number): number | null {
  const doc = el.ownerDocument as CaretDocument
  let node: Node | null = null
  let offset = 0
  const pos = doc.caretPositionFromPoint?.(x, y)
  if (pos) {
    node = pos.offsetNode
    offset = pos.offset
  } else {
    const range = doc.caretRangeFromPoint?.(x, y)
    if (!range) return null
    node = range.startContainer
    offset = range.startOffset
  }
  if (!node || !el.contains(node) || node.nodeType !== Node.TEXT_NODE) return null
  // Text before the node within `el` (Svelte may split a value into several text nodes).
  const walker = doc.createTreeWalker(el, NodeFilter.SHOW_TEXT)
  let before = 0
  for (let t = walker.nextNode(); t && t !== node; t = walker.nextNode()) before += t.textContent?.length ?? 0
  return before + offset
}
