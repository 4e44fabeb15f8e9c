import { afterEach, beforeEach, describe, expect, test, vi, type MockInstance } from 'vitest'
import { flushSync, mount, unmount } from 'svelte'
import { mockIPC } from '@tauri-apps/api/mocks'
import RestoredBanner from './RestoredBanner.svelte'
import { page, restoredHere } from './reload.svelte'
import { settle } from '../../test/fixtures'

function setup(marks: (string | null)[]) {
  let n = 0
  mockIPC((cmd) => {
    if (cmd === 'last_restore') return marks[Math.min(n++, marks.length - 1)]
    throw `Command ${cmd} not found`
  })
  const target = document.body.appendChild(document.createElement('div'))
  const app = mount(RestoredBanner, { target })
  flushSync()
  return { app, asked: () => n }
}

const banner = () => document.querySelector('[data-testid="restored-banner"]')

async function focusWindow() {
  window.dispatchEvent(new Event('focus'))
  await settle()
}

let reload: MockInstance<() => void>

beforeEach(() => {
  restoredHere.value = false
  reload = vi.spyOn(page, 'reload').mockImplementation(() => {})
})

afterEach(() => vi.restoreAllMocks())

describe('restored elsewhere', () => {
  test('appears when the window comes back after a restore made outside it', async () => {
    const { app, asked } = setup([null, null, '{"id":"r1"}'])
    await settle()
    expect(asked()).toBe(1)
    await focusWindow()
    expect(banner()).toBeNull()
    await focusWindow()
    expect(asked()).toBe(3)
    const b = banner()!
    expect(b.getAttribute('role')).toBe('alert')
    expect(b.textContent).toContain('This workspace was restored from a backup outside this window. Reload to see it.')
    document.querySelector<HTMLButtonElement>('[data-testid="restored-reload"]')!.click()
    expect(reload).toHaveBeenCalledTimes(1)
    unmount(app)
  })

  test('a window that comes back to view checks too, and the banner stays', async () => {
    const { app } = setup(['{"id":"r1"}', '{"id":"r2"}', '{"id":"r1"}'])
    await settle()
    document.dispatchEvent(new Event('visibilitychange'))
    await settle()
    expect(banner()).not.toBeNull()
    await focusWindow()
    expect(banner()).not.toBeNull()
    unmount(app)
  })

  test('stays away when nothing changed', async () => {
    const { app } = setup(['{"id":"r1"}'])
    await settle()
    await focusWindow()
    await focusWindow()
    expect(banner()).toBeNull()
    unmount(app)
  })

  test('stays away after a restore made by this window, whose dialog asks to reload itself', async () => {
    const { app } = setup([null, '{"id":"r9"}'])
    await settle()
    restoredHere.value = true
    await focusWindow()
    expect(banner()).toBeNull()
    unmount(app)
  })

  test('a mark that cannot be read shows nothing', async () => {
    mockIPC(() => {
      throw { kind: 'storage', message: 'database is locked' }
    })
    const target = document.body.appendChild(document.createElement('div'))
    const app = mount(RestoredBanner, { target })
    await settle()
    await focusWindow()
    expect(banner()).toBeNull()
    unmount(app)
  })
})
