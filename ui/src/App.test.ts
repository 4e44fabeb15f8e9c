import { describe, expect, onTestFinished, test } from 'vitest'
import { flushSync, mount, unmount } from 'svelte'
import { mockIPC } from '@tauri-apps/api/mocks'
import App from './App.svelte'
import firstScreenScript from './first-screen.js?raw'
import { headlineOf } from './lib/scorecard/headline'
import { pillar, project, settle } from './test/fixtures'

const NASTY = '<img src=x onerror=alert(1)>'

function core(over: Record<string, (args: Record<string, unknown>) => unknown> = {}) {
  const pillars = [pillar('Reliability', 2), pillar('Security', 1, { position: 1 })]
  const edits: unknown[] = []
  const calls: string[] = []
  const list = () => [project({ id: 'p1', name: NASTY }), project({ id: 'p2', name: 'Old', archived: true })]
  const screen = (id: unknown) => ({ project_id: id, pillars, headline: headlineOf(pillars), assessments: [] })
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>
    calls.push(cmd)
    if (over[cmd]) return over[cmd](a)
    switch (cmd) {
      case 'app_info':
        return { version: '0.1.0', data_dir: '/tmp/ws', open_error: null }
      case 'list_projects':
        return list()
      case 'first_screen':
        return { projects: list(), selected: 'p1', scorecard: a.scorecard ? screen('p1') : null }
      case 'get_scorecard':
        return screen(a.projectId)
      case 'pillar_sets':
        return []
      case 'default_paper':
        return 'a4'
      case 'edit_pillar':
        edits.push(a)
        return new Promise(() => {}) // never answers: the UI must not wait for it
      default:
        throw { kind: 'not_found', message: `no ${cmd}` }
    }
  })
  return { edits, calls }
}

async function start() {
  const target = document.body.appendChild(document.createElement('div'))
  target.id = 'app'
  const app = mount(App, { target })
  await settle()
  flushSync()
  return { target, app }
}

describe('App', () => {
  test('the launch asks once for the projects and the scorecard that opens', async () => {
    const { calls } = core()
    const { target, app } = await start()
    expect(target.querySelectorAll('[data-testid="pillar-row"]')).toHaveLength(2)
    expect(calls.filter((c) => c === 'first_screen')).toHaveLength(1)
    expect(calls, JSON.stringify(calls)).not.toContain('get_scorecard')
    expect(calls).not.toContain('list_projects')
    unmount(app)
  })

  test('the questions first-screen.js asked as the page loaded are the ones the launch takes', async () => {
    const { calls } = core()
    // The project the app remembers, under the key the head script reads too: were the keys to
    // drift apart, the app would ask again.
    localStorage.setItem('northstar.lastProject', 'p1')
    onTestFinished(() => localStorage.clear())
    // The page's head script, as the window runs it: before the app, on the same bridge.
    new Function(firstScreenScript)()
    expect(calls).toEqual(['app_info', 'first_screen'])
    const { target, app } = await start()
    expect(target.querySelectorAll('[data-testid="pillar-row"]')).toHaveLength(2)
    expect(calls.filter((c) => c === 'first_screen')).toHaveLength(1)
    expect(calls.filter((c) => c === 'app_info')).toHaveLength(1)
    unmount(app)
  })

  test("an early question that is not the launch's is not taken for its answer", async () => {
    const { calls } = core()
    const w = window as { __northstarEarly?: Record<string, unknown> }
    const wrong = { projects: [], selected: null, scorecard: null }
    w.__northstarEarly = { first_screen: { args: { remembered: 'gone', scorecard: false }, answer: Promise.resolve(wrong) } }
    const { target, app } = await start()
    expect(calls.filter((c) => c === 'first_screen')).toHaveLength(1)
    expect(target.querySelectorAll('[data-testid="pillar-row"]')).toHaveLength(2)
    expect(w.__northstarEarly).toEqual({})
    unmount(app)
  })

  test('a scorecard the launch brought for another project is not used', async () => {
    const { calls } = core({
      first_screen: () => ({
        projects: [project({ id: 'p1', name: 'Alpha' }), project({ id: 'p3', name: 'beta' })],
        selected: 'p3',
        scorecard: { project_id: 'p3', pillars: [], headline: headlineOf([]), assessments: [] },
      }),
    })
    const { target, app } = await start()
    expect(target.querySelector('[data-testid="project-title"]')!.textContent!.trim()).toBe('Alpha')
    expect(target.querySelectorAll('[data-testid="pillar-row"]')).toHaveLength(2)
    expect(calls).toContain('get_scorecard')
    // Nor kept for later: opening that project asks the core.
    const asked = calls.filter((c) => c === 'get_scorecard').length
    Array.from(target.querySelectorAll<HTMLElement>('[data-testid="project-item"]')).find((e) => e.textContent === 'beta')!.click()
    await settle()
    expect(calls.filter((c) => c === 'get_scorecard')).toHaveLength(asked + 1)
    unmount(app)
  })

  test('a project named like HTML shows as literal text', async () => {
    core()
    const { target, app } = await start()
    expect(target.querySelector('[data-testid="project-title"]')!.textContent!.trim()).toBe(NASTY)
    const items = target.querySelectorAll('[data-testid="project-item"]')
    expect(items[0].textContent).toBe(NASTY)
    expect(target.querySelector('img')).toBeNull()
    unmount(app)
  })

  test('archived projects are folded into "Archived (N)"', async () => {
    core()
    const { target, app } = await start()
    const list = target.querySelector('[data-testid="project-list"]')!
    expect(list.querySelectorAll('[data-testid="project-item"]')).toHaveLength(1)
    expect(target.querySelector('details summary')!.textContent).toContain('Archived (1)')
    unmount(app)
  })

  test('a workspace that could not open shows only the message and the folder', async () => {
    core({
      app_info: () => ({
        version: '0.1.0',
        data_dir: '/home/pm/.local/share/northstar',
        open_error: { kind: 'refused', message: 'This database was made by a newer Northstar.' },
      }),
    })
    const { target, app } = await start()
    expect(target.textContent).toContain('Northstar could not open your workspace')
    expect(target.textContent).toContain('This database was made by a newer Northstar.')
    expect(target.textContent).toContain('/home/pm/.local/share/northstar')
    expect(target.querySelector('[data-testid="project-list"]')).toBeNull()
    unmount(app)
  })

  test('pressing 3 on a focused row updates the row and the headline before the core answers', async () => {
    const { edits } = core()
    const { target, app } = await start()
    const row = target.querySelector<HTMLElement>('[data-testid="pillar-row"][data-pillar-name="Security"]')!
    row.focus()
    row.dispatchEvent(new KeyboardEvent('keydown', { key: '3', bubbles: true }))
    flushSync()
    expect(row.querySelector('[data-testid="pillar-score"]')!.textContent).toBe('3 · Emerging')
    expect(target.querySelector('[data-testid="headline-overall"]')!.textContent).toBe('2.5')
    expect(target.querySelector('[data-testid="save-status"]')!.textContent!.trim()).toBe('Saving…')
    await settle()
    expect(edits).toEqual([{ id: 'pl-Security', edit: { field: 'score', value: 3 } }])
    unmount(app)
  })

  test('Ctrl+N opens the new-project form and Escape closes it', async () => {
    core()
    const { target, app } = await start()
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'n', ctrlKey: true, bubbles: true }))
    flushSync()
    const form = target.querySelector('[data-testid="new-project-form"]')
    expect(form).not.toBeNull()
    expect(document.activeElement).toBe(target.querySelector('[data-testid="project-name-input"]'))
    document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))
    flushSync()
    expect(target.querySelector('[data-testid="new-project-form"]')).toBeNull()
    unmount(app)
  })
})
