// Parts of a page below the fold need not cost anything before its first screen paints. This
// runs `show` once, when `el` comes within `margin` px of the visible area or, failing that, when
// the page is next idle after two frames (the first screen painted), whichever comes first; so
// what is further down is still there soon after, for a reader who scrolls or a test that looks.

import { scrollParent } from '../goals/scroll'

/** How long after the first screen an idle moment is awaited at most, ms. */
export const IDLE_WITHIN = 500

type IdleWindow = { requestIdleCallback?: (f: () => void, o?: { timeout: number }) => number }

/** Runs `show` once the frame being prepared has painted (the task after its animation frame):
 *  for what is on the same screen but need not hold the first paint. Returns the cleanup. */
export function afterPaint(show: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  const frame = requestAnimationFrame(() => (timer = setTimeout(show)))
  return () => {
    cancelAnimationFrame(frame)
    if (timer !== undefined) clearTimeout(timer)
  }
}

/** Starts watching `el`; returns the cleanup (for an `$effect`). */
export function whenNearOrIdle(el: Element, margin: number, show: () => void): () => void {
  let done = false
  const once = () => {
    if (done) return
    done = true
    stop()
  }
  const run = () => {
    if (done) return
    once()
    show()
  }
  let io: IntersectionObserver | undefined
  if (typeof IntersectionObserver !== 'undefined') {
    io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && run(), {
      root: scrollParent(el),
      rootMargin: `${margin}px 0px ${margin}px 0px`,
    })
    io.observe(el)
  }
  let timer: ReturnType<typeof setTimeout> | undefined
  let frame = requestAnimationFrame(() => {
    frame = requestAnimationFrame(() => {
      const w = window as IdleWindow
      if (w.requestIdleCallback) w.requestIdleCallback(run, { timeout: IDLE_WITHIN })
      else timer = setTimeout(run, 100)
    })
  })
  function stop() {
    io?.disconnect()
    cancelAnimationFrame(frame)
    if (timer !== undefined) clearTimeout(timer)
  }
  return once
}
