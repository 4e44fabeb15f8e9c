import { expect, test } from 'vitest'
import { flushSync, mount, unmount } from 'svelte'
import { mockIPC } from '@tauri-apps/api/mocks'
import LeadingReading from './LeadingReading.svelte'
import { leading } from './leading.svelte'
import { goal, project, settle } from '../../test/fixtures'

test('the header shows the leading goal’s latest reading and fetches it again when the Goals page says so', async () => {
  let values: [string, number][] = [['2026-03-01', 99.3], ['2026-03-18', 98.1]]
  let fetches = 0
  mockIPC((cmd) => {
    if (cmd === 'leading_goal') {
      fetches++
      return goal('API', { target: 99, unit: '%', values })
    }
    throw `Command ${cmd} not found`
  })
  const target = document.body.appendChild(document.createElement('div'))
  const app = mount(LeadingReading, { target, props: { project: project({ leading_goal_id: 'g-API' }) } })
  flushSync()
  await settle()
  const shown = () => target.querySelector('[data-testid="leading-reading"]')?.textContent?.replace(/\s+/g, ' ').trim()
  expect(shown()).toContain('98.1% · target ≥ 99%')
  expect(shown()).toContain('not met')
  expect(shown()).toContain('2 days ago')

  values = [...values, ['2026-03-20', 99.5]]
  leading.bump()
  await settle()
  expect(fetches).toBe(2)
  expect(shown()).toContain('99.5% · target ≥ 99%')
  expect(shown()).toMatch(/\bmet\b/)
  unmount(app)
})

test('nothing shows, and nothing is fetched, when the leading metric follows no goal', async () => {
  let fetches = 0
  mockIPC(() => {
    fetches++
    return null
  })
  const target = document.body.appendChild(document.createElement('div'))
  const app = mount(LeadingReading, { target, props: { project: project() } })
  flushSync()
  await settle()
  expect(target.querySelector('[data-testid="leading-reading"]')).toBeNull()
  expect(fetches).toBe(0)
  unmount(app)
})
