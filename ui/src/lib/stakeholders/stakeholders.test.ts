import { describe, expect, test } from 'vitest'
import { mockIPC } from '@tauri-apps/api/mocks'
import type { Stakeholder, StakeholderEdit } from '../api/bindings'
import { applyEdit, StakeholdersStore } from './stakeholders.svelte'
import { stakeholder } from '../../test/stakeholders'

const TODAY = '2026-11-24'
type Resolver = () => void

/** A core stand-in whose edit_stakeholder and check_in answer only when the test says so. */
function slowCore(list: Stakeholder[], fail?: (edit: StakeholderEdit) => unknown) {
  const db = new Map(list.map((s) => [s.id, s]))
  const waiting: Resolver[] = []
  const edits: StakeholderEdit[] = []
  mockIPC((cmd, args) => {
    const a = args as Record<string, unknown>
    if (cmd === 'list_stakeholders') return [...db.values()]
    if (cmd === 'goal_names') return [{ id: 'g1', name: 'Keep the onboarding API reliable during beta' }]
    if (cmd === 'edit_stakeholder') {
      const edit = a.edit as StakeholderEdit
      edits.push(edit)
      return new Promise((resolve, reject) => {
        waiting.push(() => {
          const err = fail?.(edit)
          if (err) return reject(err)
          const next = applyEdit(db.get(a.id as string)!, edit, TODAY)
          db.set(next.id, next)
          resolve(next)
        })
      })
    }
    if (cmd === 'check_in') {
      return new Promise((resolve) => {
        waiting.push(() => {
          const s = db.get(a.stakeholderId as string)!
          const next: Stakeholder = {
            ...s,
            last_check_in: TODAY,
            next_check_in: '2026-12-01',
            overdue: false,
            check_ins: [{ id: 'c-new', date: TODAY, note: a.note as string }, ...s.check_ins],
          }
          db.set(next.id, next)
          resolve(next)
        })
      })
    }
    throw { kind: 'not_found', message: `no ${cmd}` }
  })
  return { waiting, edits, db }
}

const tick = () => new Promise((r) => setTimeout(r, 0))
const cs = () =>
  stakeholder('CS', { cadence: 'weekly', last_check_in: '2026-11-14', next_check_in: '2026-11-21', overdue: true, goals: ['g1'] })

describe('StakeholdersStore', () => {
  test('loads the canvas and the texts of the goals that name people', async () => {
    slowCore([cs()])
    const store = new StakeholdersStore('p1', () => TODAY)
    await store.load()
    await tick()
    expect(store.list.map((s) => s.name)).toEqual(['CS'])
    expect(store.goalNames).toEqual({ g1: 'Keep the onboarding API reliable during beta' })
  })

  test('an edit shows at once, before the core answers, and a new cadence moves the next check-in', async () => {
    const core = slowCore([cs()])
    const store = new StakeholdersStore('p1', () => TODAY)
    await store.load()
    const saving = store.edit('st-CS', { field: 'cadence', value: 'monthly' })
    expect(store.list[0].cadence).toBe('monthly')
    expect(store.list[0].next_check_in).toBe('2026-12-14')
    expect(store.list[0].overdue).toBe(false)
    expect(store.saveState).toBe('saving')
    await tick()
    core.waiting.shift()!()
    await saving
    expect(store.saveState).toBe('saved')
    expect(core.db.get('st-CS')!.cadence).toBe('monthly')
  })

  test('a refused edit goes back to the saved value, keeps the message for the field, and rejects', async () => {
    const core = slowCore([cs()], (e) =>
      e.field === 'name' ? { kind: 'invalid', message: 'A stakeholder name is required.', field: 'name' } : null,
    )
    const store = new StakeholdersStore('p1', () => TODAY)
    await store.load()
    const saving = store.edit('st-CS', { field: 'name', value: ' ' })
    expect(store.list[0].name).toBe(' ')
    await tick()
    core.waiting.shift()!()
    await expect(saving).rejects.toMatchObject({ message: 'A stakeholder name is required.' })
    expect(store.list[0].name).toBe('CS')
    expect(store.errorFor('st-CS', 'name')).toBe('A stakeholder name is required.')
    expect(store.saveState).toBe('error')
    store.forget('st-CS', 'name')
    expect(store.saveState).toBe('idle')
  })

  test('saves go in order and the last one wins on screen', async () => {
    const core = slowCore([cs()])
    const store = new StakeholdersStore('p1', () => TODAY)
    await store.load()
    store.edit('st-CS', { field: 'owner', value: 'Teo' })
    const last = store.edit('st-CS', { field: 'owner', value: 'Lucas' })
    await tick()
    core.waiting.shift()!()
    await tick()
    // The first answer ("Teo") must not flash over the newer "Lucas".
    expect(store.list[0].owner).toBe('Lucas')
    await tick()
    core.waiting.shift()!()
    await last
    expect(core.edits.map((e) => e.value)).toEqual(['Teo', 'Lucas'])
    expect(store.list[0].owner).toBe('Lucas')
  })

  test('a check-in lands with its note, and a newer edit typed meanwhile is kept', async () => {
    const core = slowCore([cs()])
    const store = new StakeholdersStore('p1', () => TODAY)
    await store.load()
    const checking = store.checkIn('st-CS', 'Walked through the beta numbers.')
    store.edit('st-CS', { field: 'why', value: 'Churn' })
    await tick()
    core.waiting.shift()!()
    await checking
    expect(store.list[0].last_check_in).toBe(TODAY)
    expect(store.list[0].overdue).toBe(false)
    expect(store.list[0].check_ins[0].note).toBe('Walked through the beta numbers.')
    expect(store.list[0].why).toBe('Churn')
    await tick()
    core.waiting.shift()!()
    await store.settled()
    expect(store.list[0].why).toBe('Churn')
  })
})
