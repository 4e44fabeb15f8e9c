import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { flushSync, mount, unmount } from 'svelte'
import { mockIPC } from '@tauri-apps/api/mocks'
import type { AgendaItem, AgendaQuery } from '../api/bindings'
import AgendaView from './AgendaView.svelte'
import { firstOf, item, sample } from './testdata'
import { settle, project } from '../../test/fixtures'
import { nav } from '../projects/nav.svelte'
import { projects } from '../projects/projects.svelte'
import { agendaMode } from './mode.svelte'

type Args = Record<string, unknown> & { query: AgendaQuery; item: string; note: string; until: string }
type Answer = (a: Args) => unknown

function setup(data: AgendaItem[], answers: Record<string, Answer> = {}, projectId: string | null = null) {
  const calls: [string, Args][] = []
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Args
    calls.push([cmd, a])
    const list = (a: Args) =>
      answers.agenda ? answers.agenda(a) : data.filter((i) => !a.query.project_id || i.project_id === a.query.project_id)
    if (answers[cmd]) return answers[cmd](a)
    if (cmd === 'agenda') return list(a)
    if (cmd === 'agenda_first') return firstOf(list(a) as AgendaItem[], a.limit as number)
    if (cmd === 'agenda_due_counts') return { p1: 1, p2: 1 }
    throw `Command ${cmd} not found`
  })
  const target = document.body.appendChild(document.createElement('div'))
  const app = mount(AgendaView, { target, props: { projectId } })
  flushSync()
  return { calls, target, app, called: (cmd: string) => calls.filter(([c]) => c === cmd).map(([, a]) => a) }
}

const $ = (root: ParentNode, id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`)
const $$ = (root: ParentNode, id: string) => Array.from(root.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`))
const row = (root: ParentNode, title: string) =>
  $$(root, 'agenda-item').find((r) => $(r, 'agenda-title')!.textContent === title)!

function key(el: HTMLElement, k: string) {
  el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }))
}

function type(el: HTMLElement, value: string) {
  ;(el as HTMLInputElement).value = value
  el.dispatchEvent(new Event('input', { bubbles: true }))
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date(2026, 10, 28, 10, 0))
})

afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
  agendaMode.open = false
  nav.area = 'scorecard'
  nav.focus = null
  nav.kind = null
})

describe('AgendaView', () => {
  test('items are grouped overdue / today / this week / later, each saying what, where, when and how often', async () => {
    const marks = vi.spyOn(performance, 'mark')
    vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => (f(0), 0))
    const { target, app, called } = setup(sample())
    await settle()
    expect(called('agenda_first')).toEqual([{ query: {}, limit: 40 }])
    expect(called('agenda'), 'all of it came in the first answer').toEqual([])
    expect($(target, 'agenda-view')!.dataset.scope).toBe('all')
    expect($$(target, 'agenda-bucket').map((b) => b.dataset.bucket)).toEqual(['overdue', 'today', 'this_week', 'later'])
    expect($(target, 'agenda-counts')!.textContent).toBe('1 overdue · 1 today · 1 this week · 1 later')

    const rows = $$(target, 'agenda-item')
    expect(rows.map((r) => [r.dataset.kind, r.dataset.bucket])).toEqual([
      ['risk_review', 'overdue'],
      ['stakeholder_check_in', 'today'],
      ['pillar_checkpoint', 'this_week'],
      ['goal_deadline', 'later'],
    ])
    expect(rows[0].dataset.id).toBe('risk_review:row-Vendor lock-in')
    expect(rows.map((r) => $(r, 'agenda-when')!.textContent!.trim())).toEqual([
      'overdue since 25 Nov',
      'today',
      'in 3 days',
      '5 Dec',
    ])
    expect(rows[0].textContent).toContain('Risk review')
    expect($(rows[0], 'agenda-project')!.textContent).toBe('Atlas')
    expect($(rows[1], 'agenda-recurring')!.textContent).toBe('weekly')
    expect($(rows[3], 'agenda-recurring')!.textContent).toBe('')
    expect(rows[1].getAttribute('aria-label')).toBe('Check in with Ana, Check-in, LaunchPad – v0, today, repeats weekly')
    // One Tab stop: the first row and its buttons.
    expect(rows.map((r) => r.tabIndex)).toEqual([0, -1, -1, -1])
    expect($(rows[1], 'agenda-open')!.tabIndex).toBe(-1)
    expect(marks.mock.calls.filter(([n]) => n === 'northstar:agenda-ready')).toEqual([
      ['northstar:agenda-ready', { detail: 'all' }],
    ])
    expect(called('agenda_due_counts').length).toBeGreaterThan(0)
    unmount(app)
  })

  test('one project: asks for its items only and leaves the project name out', async () => {
    const { target, app, called } = setup(sample(), {}, 'p2')
    await settle()
    expect(called('agenda_first')).toEqual([{ query: { project_id: 'p2' }, limit: 40 }])
    expect($(target, 'agenda-view')!.dataset.scope).toBe('p2')
    expect($$(target, 'agenda-item').map((r) => $(r, 'agenda-title')!.textContent)).toEqual(['Vendor lock-in', 'Ship the beta'])
    expect($(target, 'agenda-project')).toBeNull()
    unmount(app)
  })

  test('nothing dated says so', async () => {
    const { target, app } = setup([])
    await settle()
    expect($(target, 'agenda-empty')!.textContent).toContain('Nothing to review')
    expect($(target, 'agenda-bucket')).toBeNull()
    unmount(app)
  })

  test('mark reviewed sends the note; a recurring item moves to its next date, others leave', async () => {
    const data = sample()
    const { target, app, called } = setup(data, {
      mark_reviewed: (a) =>
        a.item === data[2].id ? { ...data[2], due: '2027-01-05', bucket: 'later' } : null,
    })
    await settle()
    $(row(target, 'Reliability checkpoint'), 'agenda-reviewed')!.click()
    flushSync()
    const dialog = $(document.body, 'agenda-reviewed-dialog')!
    expect(dialog.textContent).toContain('It repeats monthly')
    const note = $(dialog, 'agenda-note')!
    expect(document.activeElement).toBe(note)
    type(note, '  Looked at the error budget  ')
    $(dialog, 'agenda-reviewed-confirm')!.click()
    await settle()
    expect(called('mark_reviewed')).toEqual([{ item: data[2].id, note: 'Looked at the error budget' }])
    expect($(document.body, 'agenda-reviewed-dialog')).toBeNull()
    const moved = row(target, 'Reliability checkpoint')
    expect(moved.dataset.bucket).toBe('later')
    expect($(moved, 'agenda-when')!.textContent!.trim()).toBe('5 Jan 2027')
    expect($(target, 'agenda-status')!.textContent).toBe('Reviewed; next due 5 Jan 2027')
    expect($$(target, 'agenda-bucket').map((b) => b.dataset.bucket)).toEqual(['overdue', 'today', 'later'])
    // The badge is read again after the change.
    const counted = called('agenda_due_counts').length

    // R on a focused row asks too; a one-off item leaves the list, its neighbour takes the focus.
    const first = row(target, 'Vendor lock-in')
    first.focus()
    key(first, 'r')
    flushSync()
    $(document.body, 'agenda-reviewed-confirm')!.click()
    await settle()
    expect(called('mark_reviewed').at(-1)).toEqual({ item: data[0].id, note: '' })
    expect($$(target, 'agenda-item').map((r) => $(r, 'agenda-title')!.textContent)).toEqual([
      'Check in with Ana',
      'Ship the beta',
      'Reliability checkpoint',
    ])
    expect($(target, 'agenda-status')!.textContent).toBe('Reviewed.')
    expect(document.activeElement).toBe(row(target, 'Check in with Ana'))
    expect(called('agenda_due_counts').length).toBeGreaterThan(counted)
    unmount(app)
  })

  test('a refused review keeps the dialog open with the message', async () => {
    const { target, app } = setup(sample(), {
      mark_reviewed: () => {
        throw { kind: 'invalid', message: 'A note is at most 10000 characters.', field: 'note' }
      },
    })
    await settle()
    $(row(target, 'Ship the beta'), 'agenda-reviewed')!.click()
    flushSync()
    $(document.body, 'agenda-reviewed-confirm')!.click()
    await settle()
    expect($(document.body, 'agenda-reviewed-dialog')!.querySelector('[data-testid="field-error"]')!.textContent).toBe(
      'A note is at most 10000 characters.',
    )
    expect($$(target, 'agenda-item')).toHaveLength(4)
    unmount(app)
  })

  test('snooze 1 day counts from today for an overdue item, 1 week from the due date of a later one', async () => {
    const data = sample()
    const { target, app, called } = setup(data, {
      snooze_item: (a) => {
        const it = data.find((i) => i.id === a.item)!
        return { ...it, due: a.until, snoozed_from: it.due, bucket: 'this_week' }
      },
    })
    await settle()
    $(row(target, 'Vendor lock-in'), 'agenda-snooze')!.click()
    flushSync()
    const menu = $(target, 'agenda-snooze-menu')!
    expect($(row(target, 'Vendor lock-in'), 'agenda-snooze')!.getAttribute('aria-expanded')).toBe('true')
    expect($(row(target, 'Ship the beta'), 'agenda-snooze')!.getAttribute('aria-expanded')).toBe('false')
    expect(document.activeElement).toBe($(menu, 'agenda-snooze-day'))
    expect($(menu, 'agenda-snooze-day')!.textContent).toContain('Sun 29 Nov')
    $(menu, 'agenda-snooze-day')!.click()
    await settle()
    expect(called('snooze_item')).toEqual([{ item: data[0].id, until: '2026-11-29' }])
    expect($(target, 'agenda-snooze-menu')).toBeNull()
    const snoozed = row(target, 'Vendor lock-in')
    expect(snoozed.dataset.bucket).toBe('this_week')
    expect($(snoozed, 'agenda-when')!.textContent).toContain('snoozed from 25 Nov')
    expect($(target, 'agenda-status')!.textContent).toBe('Snoozed until 29 Nov.')

    const checkpoint = row(target, 'Reliability checkpoint')
    checkpoint.focus()
    key(checkpoint, 's')
    flushSync()
    $(target, 'agenda-snooze-week')!.click()
    await settle()
    expect(called('snooze_item').at(-1)).toEqual({ item: data[2].id, until: '2026-12-08' })
    unmount(app)
  })

  test('a picked day the core refuses shows its message beside the date; Escape closes the menu', async () => {
    const { target, app, called } = setup(sample(), {
      snooze_item: (a) => {
        throw { kind: 'invalid', message: `Snooze until a day after today (got ${a.until}).`, field: 'until' }
      },
    })
    await settle()
    const button = $(row(target, 'Ship the beta'), 'agenda-snooze')!
    button.click()
    flushSync()
    const date = $(target, 'agenda-snooze-date') as HTMLInputElement
    expect(date.min).toBe('2026-11-29')
    type(date, '2026-11-28')
    $(target, 'agenda-snooze-confirm')!.click()
    await settle()
    expect(called('snooze_item')).toEqual([{ item: sample()[3].id, until: '2026-11-28' }])
    const error = $(target, 'agenda-snooze-menu')!.querySelector('[data-testid="field-error"]')!
    expect(error.textContent).toBe('Snooze until a day after today (got 2026-11-28).')
    expect(date.getAttribute('aria-invalid')).toBe('true')
    key(date, 'Escape')
    await settle()
    expect($(target, 'agenda-snooze-menu')).toBeNull()
    expect(document.activeElement).toBe(button)

    // A click elsewhere closes it; its own button toggles it.
    button.click()
    flushSync()
    document.body.dispatchEvent(new Event('pointerdown', { bubbles: true }))
    flushSync()
    expect($(target, 'agenda-snooze-menu')).toBeNull()
    button.click()
    flushSync()
    button.dispatchEvent(new Event('pointerdown', { bubbles: true }))
    button.click()
    flushSync()
    expect($(target, 'agenda-snooze-menu')).toBeNull()
    unmount(app)
  })

  test('open selects the project and goes to the area, focused on the row', async () => {
    projects.all = [project({ id: 'p1' }), project({ id: 'p2', name: 'Atlas' })]
    agendaMode.open = true
    const select = vi.spyOn(projects, 'select')
    const { target, app } = setup(sample())
    await settle()
    $(row(target, 'Vendor lock-in'), 'agenda-open')!.click()
    expect(select).toHaveBeenCalledWith('p2')
    expect(projects.selectedId).toBe('p2')
    expect(nav).toMatchObject({ area: 'risks', focus: 'row-Vendor lock-in', kind: 'risk_review' })
    expect(agendaMode.open).toBe(false)

    // Enter on a focused row does the same.
    const ana = row(target, 'Check in with Ana')
    ana.focus()
    key(ana, 'Enter')
    expect(select).toHaveBeenLastCalledWith('p1')
    expect(nav).toMatchObject({ area: 'stakeholders', focus: 'row-Check in with Ana', kind: 'stakeholder_check_in' })
    projects.all = []
    unmount(app)
  })

  test('arrow keys move between rows across groups', async () => {
    const { target, app } = setup(sample())
    await settle()
    const rows = $$(target, 'agenda-item')
    rows[0].focus()
    key(rows[0], 'ArrowDown')
    await settle()
    expect(document.activeElement).toBe(rows[1])
    key(rows[1], 'End')
    await settle()
    expect(document.activeElement).toBe(rows[3])
    expect(rows[3].tabIndex).toBe(0)
    expect(rows[0].tabIndex).toBe(-1)
    unmount(app)
  })

  test('a long agenda paints its first 40 rows with no form fields, and shows more on request', async () => {
    const many = Array.from({ length: 1500 }, (_, i) =>
      item(`Review ${String(i).padStart(4, '0')}`, i < 10 ? '2026-11-20' : '2027-03-01'),
    )
    vi.stubGlobal('requestAnimationFrame', () => 0)
    const { target, app, called } = setup(many)
    await settle()
    // First the core's first 40, with its counts of all 1,500; the rest waits for that paint.
    expect(called('agenda_first')).toEqual([{ query: {}, limit: 40 }])
    expect(called('agenda')).toEqual([])
    expect($$(target, 'agenda-item')).toHaveLength(40)
    expect(target.querySelector('input, textarea, select')).toBeNull()
    expect($$(target, 'agenda-bucket-count').map((c) => c.textContent)).toEqual(['10', '1,490'])
    expect(target.textContent).toContain('Showing 40 of 1,500')
    vi.unstubAllGlobals()
    unmount(app)
  })

  test('a long agenda asks for the rest once its first rows are painted, then shows more on request', async () => {
    const many = Array.from({ length: 1500 }, (_, i) =>
      item(`Review ${String(i).padStart(4, '0')}`, i < 10 ? '2026-11-20' : '2027-03-01'),
    )
    vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => setTimeout(() => f(0)))
    const { target, app, called } = setup(many)
    await settle()
    await vi.waitFor(() => expect(called('agenda')).toEqual([{ query: {} }]))
    await settle()
    expect($$(target, 'agenda-item')).toHaveLength(40)
    expect($$(target, 'agenda-bucket-count').map((c) => c.textContent)).toEqual(['10', '1,490'])
    expect(target.textContent).toContain('Showing 40 of 1,500')
    target.querySelector<HTMLButtonElement>('.end button')!.click()
    flushSync()
    expect($$(target, 'agenda-item')).toHaveLength(80)
    unmount(app)
  })

  test('export asks where, writes the calendar of the scope, and says where it went', async () => {
    const { target, app, called } = setup(sample(), {
      'plugin:dialog|save': () => '/home/pm/northstar-reviews.ics',
      export_ics: (a) => a.path,
    }, 'p1')
    await settle()
    $(target, 'agenda-export-ics')!.click()
    await settle()
    expect(JSON.stringify(called('plugin:dialog|save')[0])).toContain('northstar-reviews.ics')
    expect(called('export_ics')).toEqual([{ path: '/home/pm/northstar-reviews.ics', projectId: 'p1' }])
    expect($(target, 'agenda-export-result')!.textContent).toBe('Written to /home/pm/northstar-reviews.ics')
    unmount(app)
  })

  test('a cancelled save dialog writes nothing; a failed write shows the message', async () => {
    let path: string | null = null
    const { target, app, called } = setup(sample(), {
      'plugin:dialog|save': () => path,
      export_ics: () => {
        throw { kind: 'io', message: 'file error: Permission denied (os error 13)' }
      },
    })
    await settle()
    $(target, 'agenda-export-ics')!.click()
    await settle()
    expect(called('export_ics')).toEqual([])
    path = '/ro/x.ics'
    $(target, 'agenda-export-ics')!.click()
    await settle()
    expect(called('export_ics')).toEqual([{ path: '/ro/x.ics', projectId: null }])
    expect($(target, 'field-error')!.textContent).toBe('file error: Permission denied (os error 13)')
    unmount(app)
  })
})
