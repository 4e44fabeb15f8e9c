// Focus helpers for dialogs, keyboard flows and rows opened from elsewhere.

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

/** The elements Tab can reach inside `root`, in order. */
export function focusables(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (el) => !el.closest('[inert]') && el.getAttribute('aria-hidden') !== 'true',
  )
}

/** Keeps Tab and Shift+Tab inside `root`. Returns true when it moved focus. */
export function trapTab(root: HTMLElement, e: KeyboardEvent): boolean {
  if (e.key !== 'Tab') return false
  const items = focusables(root)
  if (items.length === 0) {
    e.preventDefault()
    return true
  }
  const first = items[0]
  const last = items[items.length - 1]
  const active = document.activeElement
  if (e.shiftKey && (active === first || !root.contains(active))) {
    e.preventDefault()
    last.focus()
    return true
  }
  if (!e.shiftKey && (active === last || !root.contains(active))) {
    e.preventDefault()
    first.focus()
    return true
  }
  return false
}

/** True when keys typed now go into a text field (so single-key shortcuts must not fire). */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true
  if (target instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(
      target.type,
    )
  }
  return false
}

/**
 * Brings the element in `root` whose `attr` is `id` to the middle of the view and focuses it, or
 * its first control when it takes no focus itself (a goal row, a table row): a row another page
 * asked to show. Its own focus style marks it. Returns it, or null when it is not in the page.
 */
export function reveal(root: ParentNode | null | undefined, attr: string, id: string): HTMLElement | null {
  const el = Array.from(root?.querySelectorAll<HTMLElement>(`[${attr}]`) ?? []).find((e) => e.getAttribute(attr) === id)
  if (!el) return null
  el.scrollIntoView?.({ block: 'center' })
  const how = { preventScroll: true, focusVisible: true }
  el.focus(how)
  if (document.activeElement !== el) focusables(el)[0]?.focus(how)
  return el
}

/** The tab a tab list's arrow, Home or End key moves to from tab `i` of `n`, or -1 for any
 *  other key (the WAI-ARIA tabs pattern, wrapping at the ends). */
export function tabKeyTarget(key: string, i: number, n: number): number {
  if (key === 'ArrowRight') return (i + 1) % n
  if (key === 'ArrowLeft') return (i - 1 + n) % n
  if (key === 'Home') return 0
  if (key === 'End') return n - 1
  return -1
}
