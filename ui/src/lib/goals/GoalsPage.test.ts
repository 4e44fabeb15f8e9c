import { beforeEach, describe, expect, test, vi } from 'vitest'
import { flushSync, mount, unmount } from 'svelte'
import { mockIPC } from '@tauri-apps/api/mocks'
import type { Goal, GoalEdit, Risk, RiskQuery, RiskRef } from '../api/bindings'
import GoalsPage from './GoalsPage.svelte'
import { goal, project, settle } from '../../test/fixtures'
import { goTo, nav } from '../projects/nav.svelte'
import { applyEdit } from './goals.svelte'

const SCRIPT = '<script>alert(1)</script>'

function setup(goals: Goal[], answers: Record<string, (a: Record<string, unknown>) => unknown> = {}) {
  const calls: [string, Record<string, unknown>][] = []
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>
    calls.push([cmd, a])
    if (answers[cmd]) return answers[cmd](a)
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

  test('opened from an Agenda deadline, the page renders down to that goal and focuses in its row', async () => {
    // An observer that never reports the end of the list in view: the user has not scrolled.
    vi.stubGlobal('IntersectionObserver', class { observe() {} unobserve() {} disconnect() {} })
    goTo('goals', 'g-Goal 30', 'goal_deadline')
    const { target, app } = setup(Array.from({ length: 40 }, (_, i) => goal(`Goal ${i}`)))
    await settle()
    const rows = target.querySelectorAll<HTMLElement>('[data-testid="goal-row"]')
    expect(rows).toHaveLength(31)
    const row = rows[30]
    expect(row.dataset.goalId).toBe('g-Goal 30')
    // The row takes no focus itself: its first field does (the goal's text, at rest).
    expect(document.activeElement).toBe(row.querySelector('[data-testid="goal-text"] [tabindex="0"]'))
    expect(nav.focus).toBeNull()
    unmount(app)
    vi.unstubAllGlobals()
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

const ref = (id: string, title: string, band: RiskRef['band'], severity: number, status: RiskRef['status'] = 'open'): RiskRef => ({
  id,
  title,
  band,
  severity,
  status,
})
const SPIKE = ref('r-spike', 'An integration spikes traffic', 'high', 12)
const TYPO = ref('r-typo', 'Docs typos', 'low', 2)
const OLD = ref('r-old', 'Launch slips', 'critical', 20, 'closed')

/** A risk as the register returns it, from the part a goal row shows. */
const risk = (r: RiskRef, goals: string[] = []): Risk =>
  ({ ...r, project_id: 'p1', description: '', mitigation: '', owner: '', goals, stakeholders: [] }) as unknown as Risk

const $ = (root: ParentNode, id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`)
const $$ = (root: ParentNode, id: string) => Array.from(root.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`))
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('risks on a goal row', () => {
  beforeEach(() => {
    nav.area = 'goals'
    nav.focus = null
  })

  test('linked risks show as links with their band in words; the highest open band leads; a click opens the risk', async () => {
    const g = goal('API', { risks: [SPIKE, TYPO, OLD], risk_band: 'high' })
    const { target, app } = setup([g, goal('Docs')])
    await settle()
    const [row, bare] = $$(target, 'goal-row')
    const band = $(row, 'goal-risk-band')!
    expect(band.dataset.band).toBe('high')
    expect(band.textContent!.trim()).toBe('Risk: high')
    expect(band.querySelector('.chip.warn')).not.toBeNull()
    const links = $$(row, 'goal-risk-link')
    expect(links.map((l) => l.dataset.riskId)).toEqual(['r-spike', 'r-typo', 'r-old'])
    expect(links.map((l) => l.textContent!.replace(/\s+/g, ' ').trim())).toEqual([
      'An integration spikes traffic high',
      'Docs typos low',
      'Launch slips closed',
    ])
    expect(links[0].getAttribute('aria-label')).toBe('An integration spikes traffic, high, open: show on the Risks tab')
    expect(links[1].querySelector('.chip.ok')).not.toBeNull()
    expect(links[2].querySelector('.chip.neutral')!.getAttribute('data-status')).toBe('closed')
    // A goal with no links says so, quietly.
    expect($(bare, 'goal-risk-band')!.textContent!.trim()).toBe('No linked risks')
    expect($$(bare, 'goal-risk-link')).toHaveLength(0)
    // Resting rows hold no input in their risks cell (WebKitGTK slows down with many).
    expect(target.querySelectorAll('.risks input, .risks textarea')).toHaveLength(0)

    links[0].click()
    expect(nav.area).toBe('risks')
    expect(nav.focus).toBe('r-spike')
    unmount(app)
  })

  test('only closed links: no band, and the row says there are no open risks', async () => {
    const { target, app } = setup([goal('API', { risks: [OLD], risk_band: null })])
    await settle()
    expect($(target, 'goal-risk-band')!.textContent!.trim()).toBe('No open risks')
    expect($(target, 'goal-risk-band')!.dataset.band).toBe('')
    unmount(app)
  })

  test('"Link risks…" searches the register as you type and each tick saves the new set', async () => {
    const g = goal('API', { risks: [TYPO], risk_band: 'low' })
    const queries: RiskQuery[] = []
    const { target, app, calls } = setup([g], {
      list_risks: (a) => {
        const q = a.query as RiskQuery
        queries.push(q)
        const all = [SPIKE, TYPO].filter((r) => r.title.toLowerCase().includes(q.search.toLowerCase()))
        return { total: all.length, offset: 0, risks: all.map((r) => risk(r)) }
      },
      edit_goal: (a) => applyEdit(g, a.edit as GoalEdit, [SPIKE, TYPO]),
    })
    await settle()
    const pick = $(target, 'goal-risks-pick')!
    expect(pick.getAttribute('aria-expanded')).toBe('false')
    expect($(target, 'goal-risk-picker')).toBeNull()
    pick.click()
    await settle()
    expect(pick.getAttribute('aria-expanded')).toBe('true')
    const search = $(target, 'goal-risk-search') as HTMLInputElement
    expect(document.activeElement).toBe(search)
    expect(queries[0]).toMatchObject({ status: 'active', search: '', sort: 'severity', offset: 0, limit: 20 })
    // The linked risk comes first and is ticked; the rest of the register follows.
    const options = () => $$(target, 'goal-risk-option')
    expect(options().map((o) => o.dataset.riskId)).toEqual(['r-typo', 'r-spike'])
    expect(options().map((o) => o.querySelector('input')!.checked)).toEqual([true, false])

    search.value = 'spike'
    search.dispatchEvent(new Event('input', { bubbles: true }))
    await wait(200)
    await settle()
    expect(queries.at(-1)!.search).toBe('spike')
    expect(options().map((o) => o.dataset.riskId)).toEqual(['r-spike'])

    options()[0].querySelector('input')!.click()
    await settle()
    expect(calls.filter(([c]) => c === 'edit_goal').map(([, a]) => a)).toEqual([
      { id: g.id, edit: { field: 'risks', value: ['r-typo', 'r-spike'] } },
    ])
    expect($$(target, 'goal-risk-link').map((l) => l.dataset.riskId)).toEqual(['r-spike', 'r-typo'])
    expect($(target, 'goal-risk-band')!.textContent!.trim()).toBe('Risk: high')

    // Escape closes the picker and gives the focus back to its button.
    search.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))
    await settle()
    expect($(target, 'goal-risk-picker')).toBeNull()
    expect(document.activeElement).toBe(pick)
    unmount(app)
  })

  test('typed risks stay, read-only, until turned into a risk: then the link shows and the text goes', async () => {
    const typed = 'Risk: an integration spikes traffic → Mitigation: rate limits'
    const g = goal('API', { risks_text: typed })
    const { target, app, calls } = setup([g], { risk_from_goal_text: () => risk(SPIKE, [g.id]) })
    await settle()
    const text = $(target, 'goal-risks-text')!
    expect(text.textContent).toBe(typed)
    expect(text.closest('[role="group"]')!.textContent).toContain('Typed before the risk register:')
    expect(text.querySelector('input, textarea')).toBeNull()
    $(target, 'goal-risks-convert')!.click()
    await settle()
    expect(calls.filter(([c]) => c === 'risk_from_goal_text').map(([, a]) => a)).toEqual([{ goalId: g.id }])
    expect($(target, 'goal-risks-text')).toBeNull()
    expect($(target, 'goal-risks-convert')).toBeNull()
    const link = $(target, 'goal-risk-link')!
    expect(link.dataset.riskId).toBe('r-spike')
    expect(document.activeElement).toBe(link)
    expect($(target, 'goal-risk-band')!.textContent!.trim()).toBe('Risk: high')
    unmount(app)
  })

  test('a refused conversion keeps the text and says why', async () => {
    const { target, app } = setup([goal('API', { risks_text: 'Vendor lock-in' })], {
      risk_from_goal_text: () => {
        throw { kind: 'storage', message: 'storage error: disk full' }
      },
    })
    await settle()
    $(target, 'goal-risks-convert')!.click()
    await settle()
    expect($(target, 'goal-risks-text')!.textContent).toBe('Vendor lock-in')
    expect($(target, 'field-error')!.textContent).toBe('storage error: disk full')
    expect($$(target, 'goal-risk-link')).toHaveLength(0)
    unmount(app)
  })

  test('"Clear…" asks first, quoting the text; cancel keeps it, confirm clears it', async () => {
    const g = goal('API', { risks_text: 'Vendor lock-in' })
    const { target, app, calls } = setup([g], { edit_goal: (a) => applyEdit(g, a.edit as GoalEdit) })
    await settle()
    $(target, 'goal-risks-clear')!.click()
    await settle()
    let dialog = document.querySelector('[role="alertdialog"]')!
    expect(dialog.textContent).toContain('“Vendor lock-in” will be deleted')
    Array.from(dialog.querySelectorAll('button')).find((b) => b.textContent!.trim() === 'Cancel')!.click()
    await settle()
    expect(document.querySelector('[role="alertdialog"]')).toBeNull()
    expect($(target, 'goal-risks-text')!.textContent).toBe('Vendor lock-in')
    expect(calls.some(([c]) => c === 'edit_goal')).toBe(false)

    $(target, 'goal-risks-clear')!.click()
    await settle()
    dialog = document.querySelector('[role="alertdialog"]')!
    dialog.querySelector<HTMLButtonElement>('[data-testid="confirm-delete"]')!.click()
    await settle()
    expect(calls.find(([c]) => c === 'edit_goal')![1]).toEqual({ id: g.id, edit: { field: 'risks_text', value: '' } })
    expect($(target, 'goal-risks-text')).toBeNull()
    expect(document.activeElement).toBe($(target, 'goal-risks-pick'))
    unmount(app)
  })
})
