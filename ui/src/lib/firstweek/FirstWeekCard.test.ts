import { describe, expect, test } from 'vitest'
import { flushSync, mount, unmount } from 'svelte'
import { mockIPC } from '@tauri-apps/api/mocks'
import FirstWeekCard from './FirstWeekCard.svelte'
import type { FirstWeek } from '../api/bindings'
import { project, settle } from '../../test/fixtures'
import { firstWeek } from '../../test/stakeholders'
import { withTick } from './words'

function setup(card: FirstWeek, answers: Record<string, (a: Record<string, unknown>) => unknown> = {}) {
  const calls: [string, Record<string, unknown>][] = []
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>
    calls.push([cmd, a])
    if (answers[cmd]) return answers[cmd](a)
    if (cmd === 'get_first_week') return card
    throw `Command ${cmd} not found`
  })
  const target = document.body.appendChild(document.createElement('div'))
  const app = mount(FirstWeekCard, { target, props: { project: project() } })
  flushSync()
  return { calls, target, app }
}

const items = (root: ParentNode) => Array.from(root.querySelectorAll<HTMLElement>('[data-testid="first-week-item"]'))
const box = (root: ParentNode, key: string) =>
  root.querySelector<HTMLInputElement>(`[data-testid="first-week-item"][data-key="${key}"] input`)!

describe('FirstWeekCard', () => {
  test('items that tick themselves are disabled and explained; plan days are real checkboxes with dates', async () => {
    const { target, app } = setup(firstWeek())
    await settle()
    expect(items(target)).toHaveLength(10)
    expect(target.querySelector('[data-testid="first-week-progress"]')!.textContent).toBe('2 of 10 done')
    const auto = box(target, 'north_star')
    expect(auto.disabled).toBe(true)
    expect(auto.checked).toBe(true)
    expect(document.getElementById(auto.getAttribute('aria-describedby')!)!.textContent).toBe('Ticks itself (north_star).')
    expect(box(target, 'day1').disabled).toBe(false)
    expect(items(target).find((i) => i.dataset.key === 'day1')!.textContent).toContain('Mon 5 Jan')
    expect(target.querySelector('[data-testid="first-week-dismiss"]')).toBeNull()
    unmount(app)
  })

  test('ticking a day saves it and moves the progress; a refusal puts it back', async () => {
    let fail = false
    const { calls, target, app } = setup(firstWeek(), {
      tick_first_week: (a) => {
        if (fail) throw { kind: 'storage', message: 'storage error: disk full' }
        return withTick(firstWeek(), a.key as string, a.done as boolean)
      },
    })
    await settle()
    box(target, 'day1').click()
    await settle()
    expect(calls.at(-1)).toEqual(['tick_first_week', { projectId: 'p1', key: 'day1', done: true }])
    expect(target.querySelector('[data-testid="first-week-progress"]')!.textContent).toBe('3 of 10 done')
    expect(items(target).find((i) => i.dataset.key === 'day1')!.dataset.done).toBe('true')
    fail = true
    box(target, 'day2').click()
    await settle()
    expect(box(target, 'day2').checked).toBe(false)
    expect(target.querySelector('[data-testid="field-error"]')!.textContent).toBe('storage error: disk full')
    unmount(app)
  })

  test('a complete card can be dismissed, and brought back', async () => {
    const done: FirstWeek = { ...firstWeek(), complete: true, done: 10, items: firstWeek().items.map((i) => ({ ...i, done: true })) }
    const { target, app } = setup(done, {
      dismiss_first_week: (a) => ({ ...done, dismissed: a.dismissed as boolean }),
    })
    await settle()
    target.querySelector<HTMLButtonElement>('[data-testid="first-week-dismiss"]')!.click()
    await settle()
    expect(target.querySelector('[data-testid="first-week"]')).toBeNull()
    target.querySelector<HTMLButtonElement>('[data-testid="first-week-show"]')!.click()
    await settle()
    expect(target.querySelector('[data-testid="first-week"]')).not.toBeNull()
    unmount(app)
  })
})
