import { afterEach, describe, expect, test, vi } from 'vitest'
import { flushSync, mount, unmount } from 'svelte'
import { mockIPC } from '@tauri-apps/api/mocks'
import Shell from '../app/Shell.svelte'
import { project, settle } from '../../test/fixtures'
import { projects } from '../projects/projects.svelte'
import { nav } from '../projects/nav.svelte'
import { agendaMode } from './mode.svelte'
import { due, REFRESH_MS } from './due.svelte'
import { firstOf, sample } from './testdata'

/** The window over a fake core; `counts` is what agenda_due_counts answers (change it freely). */
function setup(counts: { value: Record<string, number> }) {
  const calls: [string, Record<string, unknown>][] = []
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>
    calls.push([cmd, a])
    if (cmd === 'agenda_due_counts') return counts.value
    if (cmd === 'agenda' || cmd === 'agenda_first') {
      const q = a.query as { project_id?: string }
      const list = sample().filter((i) => !q.project_id || i.project_id === q.project_id)
      return cmd === 'agenda' ? list : firstOf(list, a.limit as number)
    }
    if (cmd === 'default_paper') return 'a4'
    throw `Command ${cmd} not found`
  })
  projects.all = [project({ id: 'p1', name: 'LaunchPad' }), project({ id: 'p2', name: 'Atlas' })]
  projects.select('p1')
  // The project tab shows its own agenda, so the test needs no other page's commands.
  nav.area = 'agenda'
  const target = document.body.appendChild(document.createElement('div'))
  const app = mount(Shell, { target })
  flushSync()
  return { calls, target, app, counted: () => calls.filter(([c]) => c === 'agenda_due_counts').length }
}

/** The agenda's code loads when first shown (see ProjectView): wait for its view. */
const loaded = (root: ParentNode) =>
  vi.waitFor(() => {
    if (!root.querySelector('[data-testid="agenda-view"]')) throw new Error('the agenda view is not in yet')
  })

const $ = (root: ParentNode, id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`)
const item = (root: ParentNode, pid: string) =>
  root.querySelector<HTMLElement>(`[data-testid="project-item"][data-project-id="${pid}"]`)!

afterEach(() => {
  vi.useRealTimers()
  agendaMode.open = false
  projects.all = []
  projects.select(null)
  due.counts = {}
  nav.area = 'scorecard'
  nav.focus = null
})

describe('the sidebar agenda', () => {
  test('the badge sums the projects’ counts, shows each project’s own, and is absent at 0', async () => {
    const counts = { value: { p1: 2, p2: 3 } as Record<string, number> }
    const { target, app } = setup(counts)
    await settle()
    await loaded(target)
    await settle()
    expect($(target, 'agenda-badge')!.textContent).toBe('5')
    expect($(target, 'sidebar-agenda')!.getAttribute('aria-label')).toBe('Agenda, 5 overdue or due today')
    expect(item(target, 'p2').getAttribute('aria-label')).toBe('Atlas, 3 overdue or due today')
    expect(item(target, 'p2').textContent).toBe('Atlas')
    expect(item(target, 'p2').parentElement!.querySelector('[data-testid="project-due"]')!.textContent).toBe('3')

    counts.value = {}
    await due.refresh()
    flushSync()
    expect($(target, 'agenda-badge')).toBeNull()
    expect($(target, 'project-due')).toBeNull()
    expect($(target, 'sidebar-agenda')!.getAttribute('aria-label')).toBe('Agenda')
    unmount(app)
  })

  test('the badge is read again every few minutes and when the window regains focus', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    const counts = { value: { p1: 1 } as Record<string, number> }
    const { target, app, counted } = setup(counts)
    await settle()
    await loaded(target)
    await settle()
    const before = counted()
    counts.value = { p1: 4 }
    vi.advanceTimersByTime(REFRESH_MS)
    await settle()
    expect(counted()).toBe(before + 1)
    expect($(target, 'agenda-badge')!.textContent).toBe('4')
    counts.value = { p1: 1, p2: 1 }
    window.dispatchEvent(new Event('focus'))
    await settle()
    expect($(target, 'agenda-badge')!.textContent).toBe('2')
    unmount(app)
  })

  test('the entry shows the agenda of all projects instead of a project; picking a project leaves it', async () => {
    const { target, app } = setup({ value: {} })
    await settle()
    await loaded(target)
    await settle()
    expect($(target, 'tab-agenda')!.getAttribute('aria-selected')).toBe('true')
    expect($(target, 'agenda-view')!.dataset.scope).toBe('p1')
    expect(item(target, 'p1').getAttribute('aria-current')).toBe('page')

    $(target, 'sidebar-agenda')!.click()
    await settle()
    expect($(target, 'agenda-view')!.dataset.scope).toBe('all')
    expect($(target, 'tab-agenda')).toBeNull()
    expect(target.querySelector('main')!.getAttribute('aria-label')).toBe('Agenda')
    expect($(target, 'sidebar-agenda')!.getAttribute('aria-current')).toBe('page')
    expect(item(target, 'p1').getAttribute('aria-current')).toBeNull()

    // The project already selected: picking it still leaves the agenda.
    item(target, 'p1').click()
    await settle()
    expect(agendaMode.open).toBe(false)
    expect($(target, 'agenda-view')!.dataset.scope).toBe('p1')

    $(target, 'sidebar-agenda')!.click()
    await settle()
    item(target, 'p2').click()
    await settle()
    expect($(target, 'agenda-view')!.dataset.scope).toBe('p2')
    expect(item(target, 'p2').getAttribute('aria-current')).toBe('page')
    unmount(app)
  })
})
