import { describe, expect, test } from 'vitest'
import { flushSync, mount, unmount } from 'svelte'
import { mockIPC } from '@tauri-apps/api/mocks'
import type { Goal } from '../api/bindings'
import GoalsPage from './GoalsPage.svelte'
import { goal, project, settle } from '../../test/fixtures'

const SCRIPT = '<script>alert(1)</script>'

function setup(goals: Goal[]) {
  const calls: [string, Record<string, unknown>][] = []
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>
    calls.push([cmd, a])
    if (cmd === 'list_goals') return goals
    if (cmd === 'stakeholder_names') return [{ id: 's1', name: 'Customer success lead' }]
    if (cmd === 'add_goal') {
      const n = a.new as { goal: string; target?: number; unit: string; direction?: 'higher' | 'lower' }
      if (!n.goal.trim()) throw { kind: 'invalid', message: 'A goal is required.', field: 'goal' }
      return goal(n.goal, { target: n.target ?? null, unit: n.unit, direction: n.direction })
    }
    throw `Command ${cmd} not found`
  })
  const target = document.body.appendChild(document.createElement('div'))
  const app = mount(GoalsPage, { target, props: { project: project({ leading_goal_id: 'g-API' }) } })
  flushSync()
  const q = (sel: string) => target.querySelector<HTMLElement>(`[data-testid="${sel}"]`)
  return { calls, target, app, q }
}

describe('GoalsPage', () => {
  test('a row shows the metric against its target, its status in words, sparkline and stakeholders', async () => {
    const api = goal('API', {
      target: 99,
      unit: '%',
      metric: '99% of requests succeed',
      stakeholders: ['s1'],
      values: [['2026-03-01', 99.3], ['2026-03-18', 98.1]],
    })
    const { target, app, q } = setup([api, goal(SCRIPT)])
    await settle()
    const rows = target.querySelectorAll<HTMLElement>('[data-testid="goal-row"]')
    expect(rows).toHaveLength(2)
    expect(rows[0].dataset.status).toBe('not_met')
    expect(q('goal-status')!.textContent).toContain('not met')
    expect(q('goal-latest')!.textContent).toBe('98.1% · target ≥ 99%')
    expect(q('goal-sparkline')!.getAttribute('data-points')).toBe('2')
    expect(q('goal-sparkline')!.getAttribute('aria-label')).toMatch(/^Trend of 2 readings/)
    expect(q('goal-since')!.textContent).toBe('2 days ago')
    expect(q('goal-stakeholders')!.textContent).toContain('Customer success lead')
    expect(q('leading-badge')).not.toBeNull()
    expect(q('goals-summary')!.textContent).toBe('2 goals · 1 not met')
    // A goal without numbers: words only, and the way to add a target.
    expect(rows[1].querySelector('[data-testid="goal-status"]')).toBeNull()
    expect(rows[1].querySelector('[data-testid="add-numbers"]')!.textContent).toContain('Add a numeric target')
    unmount(app)
  })

  test('text from the database is shown as text, never as HTML', async () => {
    const { target, app } = setup([goal(SCRIPT, { risks_text: '<img src=x onerror=alert(1)>' })])
    await settle()
    const row = target.querySelector<HTMLElement>('[data-testid="goal-row"]')!
    expect(row.querySelector('[data-testid="goal-text"]')!.textContent).toBe(SCRIPT)
    expect(row.dataset.goal).toBe(SCRIPT)
    expect(target.querySelectorAll('script, img')).toHaveLength(0)
    unmount(app)
  })

  test('with no goals, the page says so; Enter in the form adds one with its numbers', async () => {
    const { target, app, q, calls } = setup([])
    await settle()
    expect(q('goals-empty')!.textContent).toContain('No goals yet')
    const input = q('add-goal-input') as HTMLInputElement
    input.value = 'Cut p95 latency'
    input.dispatchEvent(new Event('input', { bubbles: true }))
    const t = q('add-goal-target') as HTMLInputElement
    t.value = '400'
    t.dispatchEvent(new Event('input', { bubbles: true }))
    q('add-goal-submit')!.click()
    await settle()
    expect(calls.find(([c]) => c === 'add_goal')![1].new).toMatchObject({ goal: 'Cut p95 latency', target: 400 })
    expect(target.querySelectorAll('[data-testid="goal-row"]')).toHaveLength(1)
    expect(q('goal-status')!.textContent).toContain('no reading yet')
    expect(q('goals-empty')).toBeNull()
    unmount(app)
  })

  test('a target that is not a number is refused in place, before the core', async () => {
    const { app, q, calls } = setup([])
    await settle()
    const input = q('add-goal-input') as HTMLInputElement
    input.value = 'Faster'
    input.dispatchEvent(new Event('input', { bubbles: true }))
    const t = q('add-goal-target') as HTMLInputElement
    t.value = 'fast'
    t.dispatchEvent(new Event('input', { bubbles: true }))
    q('add-goal-submit')!.click()
    await settle()
    expect(q('field-error')!.textContent).toMatch(/“fast” is not a number/)
    expect(calls.some(([c]) => c === 'add_goal')).toBe(false)
    unmount(app)
  })
})
