// Putting the keyboard back where it was after a page is built again (an undo reads every page
// afresh): the focused element is found again by its data-* attributes (`data-testid`, and the
// row's own id or name), which survive a rebuild where element identity does not.

/** A selector for `el`: its test id and the attributes naming its row (`data-risk-id`,
 *  `data-pillar-name`, `data-key`...), not those showing its state (`data-likelihood`), which the
 *  undo itself may change. Null when it has no test id, or shares it with others and has nothing
 *  naming its row. */
export function focusKey(el: Element | null): string | null {
  if (!el || el === document.body) return null
  const testid = el.getAttribute('data-testid')
  if (testid == null) return null
  const tag = el.tagName.toLowerCase()
  const names = Array.from(el.attributes).filter((a) => /^data-(.+-)?(id|name|key|code)$/.test(a.name))
  const key = tag + `[data-testid="${quoted(testid)}"]` + names.map((a) => `[${a.name}="${quoted(a.value)}"]`).join('')
  return names.length > 0 || document.querySelectorAll(key).length === 1 ? key : null
}

/** `v` inside a double-quoted attribute selector. */
function quoted(v: string): string {
  return v.replace(/["\\]/g, '\\$&')
}

/** Focuses the element `key` names once it is in the page again (the rebuilt page reads its data
 *  first), unless the user has put the focus somewhere meanwhile; gives up after `waitMs`. */
export function refocus(key: string | null, waitMs = 2000): Promise<boolean> {
  if (!key) return Promise.resolve(false)
  const until = performance.now() + waitMs
  return new Promise((resolve) => {
    const look = () => {
      const active = document.activeElement
      if (active && active !== document.body) return resolve(active.matches(key))
      const el = document.querySelector<HTMLElement>(key)
      if (el) {
        el.focus()
        return resolve(document.activeElement === el)
      }
      if (performance.now() > until) return resolve(false)
      requestAnimationFrame(look)
    }
    look()
  })
}
