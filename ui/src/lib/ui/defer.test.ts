import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { afterPaint, whenNearOrIdle } from './defer'

let observers: { cb: IntersectionObserverCallback; disconnected: boolean }[] = []

beforeEach(() => {
  vi.useFakeTimers()
  observers = []
  vi.stubGlobal(
    'IntersectionObserver',
    class {
      entry: { cb: IntersectionObserverCallback; disconnected: boolean }
      constructor(cb: IntersectionObserverCallback) {
        this.entry = { cb, disconnected: false }
        observers.push(this.entry)
      }
      observe() {}
      disconnect() {
        this.entry.disconnected = true
      }
    },
  )
  vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => setTimeout(() => f(0), 16))
  vi.stubGlobal('cancelAnimationFrame', (id: number) => clearTimeout(id))
})

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

const near = () => observers[0].cb([{ isIntersecting: true } as IntersectionObserverEntry], {} as IntersectionObserver)

test('shows once the page is idle after two frames, and only once', () => {
  const show = vi.fn()
  whenNearOrIdle(document.createElement('div'), 400, show)
  vi.advanceTimersByTime(20)
  expect(show).not.toHaveBeenCalled()
  vi.advanceTimersByTime(200)
  expect(show).toHaveBeenCalledTimes(1)
  near()
  expect(show).toHaveBeenCalledTimes(1)
  expect(observers[0].disconnected).toBe(true)
})

test('shows at once when it comes near the visible area', () => {
  const show = vi.fn()
  whenNearOrIdle(document.createElement('div'), 400, show)
  near()
  expect(show).toHaveBeenCalledTimes(1)
  vi.advanceTimersByTime(500)
  expect(show).toHaveBeenCalledTimes(1)
})

test('never shows once cleaned up (the page went away)', () => {
  const show = vi.fn()
  const stop = whenNearOrIdle(document.createElement('div'), 400, show)
  stop()
  vi.advanceTimersByTime(500)
  near()
  expect(show).not.toHaveBeenCalled()
})

test('afterPaint shows in the task after the next frame, not before', () => {
  const show = vi.fn()
  afterPaint(show)
  vi.advanceTimersByTime(15)
  expect(show).not.toHaveBeenCalled()
  vi.advanceTimersByTime(2)
  expect(show).toHaveBeenCalledTimes(1)
})

test('afterPaint never shows once cleaned up, before or after the frame', () => {
  const early = vi.fn()
  afterPaint(early)()
  const late = vi.fn()
  const stop = afterPaint(late)
  vi.advanceTimersByTime(16)
  stop()
  vi.advanceTimersByTime(100)
  expect(early).not.toHaveBeenCalled()
  expect(late).not.toHaveBeenCalled()
})
