import { describe, expect, test } from 'vitest'
import { mount, unmount } from 'svelte'
import { mockIPC } from '@tauri-apps/api/mocks'
import type { Pillar, PillarEdit } from '../api/bindings'
import { ScorecardStore } from './scorecard.svelte'
import ScorecardPage from './ScorecardPage.svelte'
import { goTo, nav } from '../projects/nav.svelte'
import { headlineOf } from './headline'
import { applyEdit } from './scorecard.svelte'
import { pillar, settle } from '../../test/fixtures'

type Resolver = () => void

/** A core stand-in whose edit_pillar answers only when the test says so. */
function slowCore(pillars: Pillar[], fail?: (edit: PillarEdit) => unknown) {
  const db = new Map(pillars.map((p) => [p.id, p]))
  const waiting: Resolver[] = []
  const edits: PillarEdit[] = []
  mockIPC((cmd, args) => {
    const a = args as Record<string, unknown>
    if (cmd === 'get_scorecard') {
      const list = [...db.values()]
      return { project_id: 'p1', pillars: list, headline: headlineOf(list), assessments: [] }
    }
    if (cmd === 'edit_pillar') {
      const edit = a.edit as PillarEdit
      edits.push(edit)
      return new Promise((resolve, reject) => {
        waiting.push(() => {
          const err = fail?.(edit)
          if (err) return reject(err)
          const next = applyEdit(db.get(a.id as string)!, edit)
          db.set(next.id, next)
          const list = [...db.values()]
          resolve({ pillar: next, headline: headlineOf(list) })
        })
      })
    }
    throw { kind: 'not_found', message: `no ${cmd}` }
  })
  return { waiting, edits, db }
}

const tick = () => new Promise((r) => setTimeout(r, 0))

describe('ScorecardStore', () => {
  test('a score shows at once, before the core answers, and the headline moves with it', async () => {
    const core = slowCore([pillar('Security', 1), pillar('Reliability', 2, { position: 1 })])
    const store = new ScorecardStore('p1')
    await store.load()
    expect(store.headline.overall).toBe(1.5)

    store.setScore('pl-Security', 4)
    expect(store.pillars[0].score).toBe(4)
    expect(store.pillars[0].status).toBe('on_target')
    expect(store.headline.overall).toBe(3)
    expect(store.headline.at_target).toBe(1)
    expect(store.saveState).toBe('saving')

    await tick()
    core.waiting.shift()!()
    await store.settled()
    expect(store.saveState).toBe('saved')
    expect(core.db.get('pl-Security')!.score).toBe(4)
  })

  test('saves go to the core in the order they were made, and the last one wins', async () => {
    const core = slowCore([pillar('Security', 1)])
    const store = new ScorecardStore('p1')
    await store.load()
    store.setScore('pl-Security', 3)
    store.setScore('pl-Security', 5)
    await tick()
    core.waiting.shift()!()
    await tick()
    // The first answer (3) must not flash over the newer 5.
    expect(store.pillars[0].score).toBe(5)
    await tick()
    core.waiting.shift()!()
    await store.settled()
    expect(core.edits.map((e) => e.value)).toEqual([3, 5])
    expect(store.pillars[0].score).toBe(5)
  })

  test('a refused score goes back to the saved one and the error is shown for that field', async () => {
    const core = slowCore([pillar('Security', 2)], () => ({
      kind: 'storage',
      message: 'storage error: disk full',
    }))
    const store = new ScorecardStore('p1')
    await store.load()
    store.setScore('pl-Security', 5)
    expect(store.pillars[0].score).toBe(5)
    await tick()
    core.waiting.shift()!()
    await store.settled()
    expect(store.pillars[0].score).toBe(2)
    expect(store.headline.overall).toBe(2)
    expect(store.errorFor('pl-Security', 'score')).toBe('storage error: disk full')
    expect(store.saveState).toBe('error')
  })

  test('refused text stays on screen with the error beside its field', async () => {
    const core = slowCore([pillar('Security', 2)], (e) =>
      e.field === 'name' ? { kind: 'invalid', message: 'A pillar name can be at most 100 characters.', field: 'name' } : null,
    )
    const store = new ScorecardStore('p1')
    await store.load()
    store.edit('pl-Security', { field: 'name', value: 'x'.repeat(101) })
    await tick()
    core.waiting.shift()!()
    await store.settled()
    expect(store.pillars[0].name).toHaveLength(101)
    expect(store.errorFor('pl-Security', 'name')).toMatch(/at most 100/)
  })
})

describe('ScorecardPage', () => {
  test('opened from an Agenda checkpoint, the page renders down to that pillar and focuses its row', async () => {
    const pillars = Array.from({ length: 20 }, (_, i) => pillar(`P${i}`, null, { position: i }))
    mockIPC((cmd) => {
      if (cmd === 'get_scorecard') return { project_id: 'p1', pillars, headline: headlineOf(pillars), assessments: [] }
      if (cmd === 'pillar_sets') return []
      if (cmd === 'default_paper') return 'a4'
      throw { kind: 'not_found', message: `no ${cmd}` }
    })
    goTo('scorecard', 'pl-P17', 'pillar_checkpoint')
    const target = document.body.appendChild(document.createElement('div'))
    const app = mount(ScorecardPage, { target, props: { projectId: 'p1' } })
    await settle()
    const row = target.querySelector<HTMLElement>('[data-testid="pillar-row"][data-pillar-id="pl-P17"]')
    expect(row).not.toBeNull()
    expect(document.activeElement).toBe(row)
    expect(nav.focus).toBeNull()
    unmount(app)
  })
})
