import { afterEach, expect, test } from 'vitest'
import { flushSync, mount, unmount } from 'svelte'
import { mockIPC } from '@tauri-apps/api/mocks'
import GoalList from './GoalList.svelte'
import { GoalsStore } from './goals.svelte'
import { goal, settle } from '../../test/fixtures'

/** An IntersectionObserver the test drives: `reach()` says the sentinel came into reach. */
class FakeObserver {
  static live: FakeObserver[] = []
  constructor(private readonly callback: IntersectionObserverCallback) {
    FakeObserver.live.push(this)
  }
  observe() {}
  disconnect() {
    FakeObserver.live = FakeObserver.live.filter((o) => o !== this)
  }
  static reach() {
    for (const o of [...FakeObserver.live]) {
      o.callback([{ isIntersecting: true } as IntersectionObserverEntry], o as unknown as IntersectionObserver)
    }
  }
}

afterEach(() => {
  delete (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver
})

test('a long list paints its first rows, adds more as the end comes near, and always shows a new goal', async () => {
  ;(globalThis as { IntersectionObserver?: unknown }).IntersectionObserver = FakeObserver
  const goals = Array.from({ length: 40 }, (_, i) => goal(`Goal ${i}`, { target: 1, values: [['2026-03-01', 2]] }))
  mockIPC((cmd, args) => {
    if (cmd === 'list_goals') return goals
    if (cmd === 'stakeholder_names') return []
    if (cmd === 'add_goal') return goal((args as { new: { goal: string } }).new.goal)
    throw `Command ${cmd} not found`
  })
  const store = new GoalsStore('p1')
  await store.load()
  const target = document.body.appendChild(document.createElement('div'))
  const app = mount(GoalList, { target, props: { store, leadingId: null } })
  flushSync()
  const rows = () => target.querySelectorAll('[data-testid="goal-row"]').length
  expect(rows()).toBe(15)
  expect(target.textContent).toContain('25 more goals below')

  FakeObserver.reach()
  flushSync()
  expect(rows()).toBe(23)

  await store.add({ goal: 'Added now', metric: '', unit: '', guardrail: '', stakeholders: [], risks_text: '' })
  await settle()
  const shown = Array.from(target.querySelectorAll<HTMLElement>('[data-testid="goal-row"]')).map((r) => r.dataset.goal)
  expect(shown).toHaveLength(24)
  expect(shown.at(-1)).toBe('Added now')

  for (let i = 0; i < 5; i++) {
    FakeObserver.reach()
    flushSync()
  }
  expect(rows()).toBe(41)
  expect(target.textContent).not.toContain('more goals below')
  unmount(app)
})
