import { afterEach, describe, expect, test, vi } from 'vitest'

afterEach(() => {
  localStorage.clear()
  vi.resetModules()
})

describe('the page last open', () => {
  test('is remembered when a page is opened and comes back on the next start', async () => {
    const first = await import('./nav.svelte')
    expect(first.nav.area).toBe('scorecard')
    first.goTo('risks')
    vi.resetModules()
    const next = await import('./nav.svelte')
    expect(next.nav.area).toBe('risks')
  })

  test('anything stored that is not a page falls back to the scorecard', async () => {
    localStorage.setItem('northstar.lastArea', 'nowhere')
    const { nav } = await import('./nav.svelte')
    expect(nav.area).toBe('scorecard')
  })
})
