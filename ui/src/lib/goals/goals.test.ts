import { describe, expect, test } from 'vitest'
import { mockIPC } from '@tauri-apps/api/mocks'
import type { Goal, GoalEdit, Risk, RiskRef } from '../api/bindings'
import { GoalsStore, applyEdit } from './goals.svelte'
import { leading } from './leading.svelte'
import { projects } from '../projects/projects.svelte'
import { goal, project } from '../../test/fixtures'

type Resolver = () => void

/** A core stand-in whose edit_goal answers only when the test says so. */
function slowCore(goals: Goal[], fail?: (edit: GoalEdit) => unknown) {
  const db = new Map(goals.map((g) => [g.id, g]))
  const waiting: Resolver[] = []
  const edits: GoalEdit[] = []
  const calls: [string, Record<string, unknown>][] = []
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>
    calls.push([cmd, a])
    if (cmd === 'list_goals') return [...db.values()]
    if (cmd === 'stakeholder_names') return [{ id: 's1', name: 'Customer success lead' }]
    if (cmd === 'edit_goal') {
      const edit = a.edit as GoalEdit
      edits.push(edit)
      return new Promise((resolve, reject) => {
        waiting.push(() => {
          const err = fail?.(edit)
          if (err) return reject(err)
          const next = applyEdit(db.get(a.id as string)!, edit)
          db.set(next.id, next)
          resolve(next)
        })
      })
    }
    if (cmd === 'add_reading') {
      const g = db.get(a.goalId as string)!
      const values: [string, number][] = [...g.readings.map((r): [string, number] => [r.date, r.value]), [(a.date as string) ?? '2026-03-20', a.value as number]]
      const next = goal(g.goal, { target: g.target, unit: g.unit, direction: g.direction, values })
      db.set(next.id, next)
      return next
    }
    if (cmd === 'edit_project') return project({ leading_goal_id: (a.edit as { value: string | null }).value })
    if (cmd === 'remove_goal') {
      db.delete(a.id as string)
      return null
    }
    throw { kind: 'not_found', message: `no ${cmd}` }
  })
  return { waiting, edits, db, calls }
}

const tick = () => new Promise((r) => setTimeout(r, 0))
const api = () => goal('Keep the API reliable', { target: 99, unit: '%', values: [['2026-03-01', 99.3], ['2026-03-18', 98.1]] })

describe('GoalsStore', () => {
  test('loads the goals and the stakeholder names together', async () => {
    slowCore([api()])
    const store = new GoalsStore('p1')
    await store.load()
    expect(store.goals.map((g) => g.goal)).toEqual(['Keep the API reliable'])
    expect(store.names.get('s1')).toBe('Customer success lead')
    expect(store.loading).toBe(false)
  })

  test('a new target shows at once, with the status judged again, before the core answers', async () => {
    const core = slowCore([api()])
    const store = new GoalsStore('p1')
    await store.load()
    expect(store.goals[0].status).toBe('not_met')
    const before = leading.version

    const saved = store.edit('g-Keep the API reliable', { field: 'target', value: 98 })
    expect(store.goals[0].target).toBe(98)
    expect(store.goals[0].status).toBe('met')
    expect(store.saveState).toBe('saving')

    await tick()
    core.waiting.shift()!()
    await saved
    expect(store.saveState).toBe('saved')
    expect(core.db.get('g-Keep the API reliable')!.target).toBe(98)
    expect(leading.version).toBeGreaterThan(before)
  })

  test('a refused edit goes back to the saved value, keeps the error by its field and rejects', async () => {
    const core = slowCore([api()], (e) =>
      e.field === 'goal' ? { kind: 'invalid', message: 'A goal can be at most 500 characters (this one has 501).', field: 'goal' } : null,
    )
    const store = new GoalsStore('p1')
    await store.load()
    const saved = store.edit('g-Keep the API reliable', { field: 'goal', value: 'x'.repeat(501) })
    expect(store.goals[0].goal).toHaveLength(501)
    await tick()
    core.waiting.shift()!()
    await expect(saved).rejects.toThrow(/at most 500/)
    expect(store.goals[0].goal).toBe('Keep the API reliable')
    expect(store.errorFor('g-Keep the API reliable', 'goal')).toMatch(/at most 500/)
    expect(store.saveState).toBe('error')
  })

  test('a refused direction goes back, and so does the status judged from it', async () => {
    const core = slowCore([api()], () => ({ kind: 'storage', message: 'storage error: disk full' }))
    const store = new GoalsStore('p1')
    await store.load()
    const saved = store.edit('g-Keep the API reliable', { field: 'direction', value: 'lower' })
    expect(store.goals[0].status).toBe('met')
    await tick()
    core.waiting.shift()!()
    await expect(saved).rejects.toThrow('disk full')
    expect(store.goals[0].direction).toBe('higher')
    expect(store.goals[0].status).toBe('not_met')
    expect(store.errorFor('g-Keep the API reliable', 'direction')).toBe('storage error: disk full')
  })

  test('saves go to the core in order, and an older answer never shows over a newer edit', async () => {
    const core = slowCore([api()])
    const store = new GoalsStore('p1')
    await store.load()
    const id = 'g-Keep the API reliable'
    store.edit(id, { field: 'unit', value: 'percent' })
    store.edit(id, { field: 'unit', value: '%' })
    await tick()
    core.waiting.shift()!()
    await tick()
    expect(store.goals[0].unit).toBe('%')
    await tick()
    core.waiting.shift()!()
    await store.settled()
    expect(core.edits.map((e) => e.value)).toEqual(['percent', '%'])
    expect(store.goals[0].unit).toBe('%')
  })

  test('a reading takes the core answer, status and sparkline data included', async () => {
    const core = slowCore([api()])
    const store = new GoalsStore('p1')
    await store.load()
    const before = leading.version
    await store.addReading('g-Keep the API reliable', 99.4, null)
    expect(core.calls.find(([c]) => c === 'add_reading')![1]).toEqual({ goalId: 'g-Keep the API reliable', value: 99.4, date: null })
    expect(store.goals[0].readings).toHaveLength(3)
    expect(store.goals[0].status).toBe('met')
    expect(leading.version).toBeGreaterThan(before)
  })

  test('the leading metric is tied through the project, and untied when its goal is removed', async () => {
    const core = slowCore([api()])
    projects.all = [project()]
    const store = new GoalsStore('p1')
    await store.load()
    await store.setLeading('g-Keep the API reliable')
    expect(core.calls.find(([c]) => c === 'edit_project')![1]).toEqual({
      id: 'p1',
      edit: { field: 'leading_goal', value: 'g-Keep the API reliable' },
    })
    expect(projects.all[0].leading_goal_id).toBe('g-Keep the API reliable')
    await store.remove('g-Keep the API reliable')
    expect(store.goals).toHaveLength(0)
    expect(projects.all[0].leading_goal_id).toBeNull()
  })

  test('linked risks show at once with their band, and a refused link goes back to the saved risks', async () => {
    const high: RiskRef = { id: 'r-high', title: 'Traffic spike', severity: 12, band: 'high', status: 'open' }
    const low: RiskRef = { id: 'r-low', title: 'Typos', severity: 2, band: 'low', status: 'open' }
    const g = goal('API', { risks: [low], risk_band: 'low' })
    const core = slowCore([g], () => ({ kind: 'not_found', message: 'That risk was removed.' }))
    const store = new GoalsStore('p1')
    await store.load()
    const saved = store.linkRisks(g.id, [low, high])
    expect(store.goals[0].risks.map((r) => r.id)).toEqual(['r-high', 'r-low'])
    expect(store.goals[0].risk_band).toBe('high')
    await tick()
    expect(core.edits).toEqual([{ field: 'risks', value: ['r-low', 'r-high'] }])
    core.waiting.shift()!()
    await expect(saved).rejects.toThrow('That risk was removed.')
    expect(store.goals[0].risks).toEqual([low])
    expect(store.goals[0].risk_band).toBe('low')
    expect(store.errorFor(g.id, 'risks')).toBe('That risk was removed.')
  })

  test('typed risks turned into a risk: the link shows, the text goes, and the text stays when refused', async () => {
    const g = goal('API', { risks_text: 'Risk: spike → Mitigation: limits' })
    const made = {
      id: 'r-new',
      title: 'Spike',
      severity: 9,
      band: 'medium',
      status: 'open',
    } as Risk
    let refuse = true
    const calls: string[] = []
    mockIPC((cmd, args) => {
      if (cmd === 'list_goals') return [g]
      if (cmd === 'stakeholder_names') return []
      if (cmd === 'risk_from_goal_text') {
        calls.push((args as { goalId: string }).goalId)
        if (refuse) throw { kind: 'storage', message: 'storage error: disk full' }
        return made
      }
      throw { kind: 'not_found', message: `no ${cmd}` }
    })
    const store = new GoalsStore('p1')
    await store.load()
    await expect(store.convertRiskText(g.id)).rejects.toThrow('disk full')
    expect(store.goals[0].risks_text).toBe('Risk: spike → Mitigation: limits')
    expect(store.errorFor(g.id, 'risks_text')).toBe('storage error: disk full')
    refuse = false
    expect((await store.convertRiskText(g.id)).id).toBe('r-new')
    expect(calls).toEqual([g.id, g.id])
    expect(store.goals[0].risks_text).toBe('')
    expect(store.goals[0].risks).toEqual([{ id: 'r-new', title: 'Spike', severity: 9, band: 'medium', status: 'open' }])
    expect(store.goals[0].risk_band).toBe('medium')
    expect(store.errorFor(g.id, 'risks_text')).toBeUndefined()
  })
})
