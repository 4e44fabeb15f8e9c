// Long lists paint a first screen of rows and add more as their end nears. This watches a list's
// end marker: `onnear` runs when it comes within `margin` px of the visible area, and the marker
// is watched afresh once the new rows are in, so while the end stays near the next chunk follows.

import { scrollParent } from '../goals/scroll'

/** Starts watching `el`; returns the cleanup (for an `$effect`). */
export function whenNearEnd(el: Element, margin: number, onnear: () => unknown): () => void {
  if (typeof IntersectionObserver === 'undefined') return () => {}
  const io = new IntersectionObserver(
    (entries) => {
      if (!entries.some((e) => e.isIntersecting)) return
      void Promise.resolve(onnear()).then(() =>
        requestAnimationFrame(() => {
          io.unobserve(el)
          io.observe(el)
        }),
      )
    },
    { root: scrollParent(el), rootMargin: `0px 0px ${margin}px 0px` },
  )
  io.observe(el)
  return () => io.disconnect()
}
