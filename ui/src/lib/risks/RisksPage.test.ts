import { afterEach, describe, expect, test, vi } from 'vitest'
import { flushSync, mount, unmount } from 'svelte'
import { mockIPC } from '@tauri-apps/api/mocks'
import type { Risk, RiskEdit, RiskPage, RiskQuery } from '../api/bindings'
import RisksPage from './RisksPage.svelte'
import { applyEdit } from './risks.svelte'
import { heatOf, later, pageOf, risk, viewOf } from './testdata'
import { settle } from '../../test/fixtures'
import { goTo, nav } from '../projects/nav.svelte'

type Args = Record<string, unknown> & { query: RiskQuery; id: string; edit: RiskEdit }
type Answer = (a: Args) => unknown

/** Mounts the page over a fake core holding `data`; `answers` replace single commands. */
function setup(data: Risk[], answers: Record<string, Answer> = {}) {
  const calls: [string, Args][] = []
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Args
    calls.push([cmd, a])
    if (answers[cmd]) return answers[cmd](a)
    if (cmd === 'risks_view') return viewOf(data, a.query)
    if (cmd === 'list_risks') return pageOf(data, a.query)
    if (cmd === 'risk_heat_map') return heatOf(data)
    if (cmd === 'risk_owners') return [...new Set(data.map((r) => r.owner).filter(Boolean))]
    if (cmd === 'risk_history') return [{ date: '2026-01-05', field: 'created', old: null, new: null }]
    if (cmd === 'get_risk') return data.find((r) => r.id === a.id)
    if (cmd === 'edit_risk') {
      const i = data.findIndex((r) => r.id === a.id)
      if (a.edit.field === 'close') {
        if (!a.edit.value.trim()) throw { kind: 'invalid', message: 'A closing note is required.', field: 'closing_note' }
        data[i] = { ...data[i], status: 'closed', closing_note: a.edit.value }
      } else {
        data[i] = applyEdit(data[i], a.edit)
      }
      return data[i]
    }
    throw `Command ${cmd} not found`
  })
  const target = document.body.appendChild(document.createElement('div'))
  const app = mount(RisksPage, { target, props: { projectId: 'p1' } })
  flushSync()
  return { calls, target, app, lists: () => calls.filter(([c]) => c === 'list_risks').map(([, a]) => a.query) }
}

const $ = (root: ParentNode, id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`)
const $$ = (root: ParentNode, id: string) => Array.from(root.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`))
const titles = (root: ParentNode) => $$(root, 'risk-row-title').map((e) => e.textContent)

function type(input: HTMLElement, value: string) {
  ;(input as HTMLInputElement).value = value
  input.dispatchEvent(new Event('input', { bubbles: true }))
}

function key(el: HTMLElement, k: string) {
  el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }))
}

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
  nav.focus = null
})

describe('RisksPage', () => {
  test('the heat map has 25 cells with counts; a cell filters the list and its chip clears it', async () => {
    const data = [
      risk('Vendor lock-in', { likelihood: 4, impact: 3 }),
      risk('Key person leaves', { likelihood: 4, impact: 3 }),
      risk('Outage', { likelihood: 5, impact: 5 }),
      risk('Old', { likelihood: 4, impact: 3, status: 'closed' }),
    ]
    const { target, app, lists } = setup(data)
    await settle()
    const cells = $$(target, 'heat-cell')
    expect(cells).toHaveLength(25)
    expect(cells[0].dataset).toMatchObject({ likelihood: '5', impact: '1', count: '0' })
    const cell = cells.find((c) => c.dataset.likelihood === '4' && c.dataset.impact === '3')!
    expect(cell.tagName).toBe('BUTTON')
    expect(cell.dataset.count).toBe('2')
    expect(cell.textContent).toBe('2')
    expect(cell.getAttribute('aria-label')).toBe('Likelihood 4, impact 3: 2 risks, high')
    expect($(target, 'risk-total')!.textContent).toBe('3 risks')

    cell.click()
    await settle()
    expect(lists().at(-1)).toMatchObject({ cell: { likelihood: 4, impact: 3 }, offset: 0, status: 'active' })
    expect(titles(target)).toEqual(['Vendor lock-in', 'Key person leaves'])
    expect($(target, 'risk-total')!.textContent).toBe('2 risks')
    expect(cell.getAttribute('aria-pressed')).toBe('true')
    const chip = $(target, 'risk-cell-chip')!
    expect(chip.textContent).toBe('Likelihood 4 × impact 3 ×')

    chip.click()
    await settle()
    expect(lists().at(-1)!.cell).toBeUndefined()
    expect($(target, 'risk-cell-chip')).toBeNull()
    expect(titles(target)).toHaveLength(3)

    // Escape on a row clears the cell too.
    cell.click()
    await settle()
    key($(target, 'risk-row')!, 'Escape')
    await settle()
    expect($(target, 'risk-cell-chip')).toBeNull()
    expect(lists().at(-1)!.cell).toBeUndefined()
    unmount(app)
  })

  test('search asks as the user types; an answer overtaken by newer typing is never shown', async () => {
    const marks = vi.spyOn(performance, 'mark')
    const data = [risk('alpha'), risk('albatross'), risk('beta')]
    const held: { q: RiskQuery; l: ReturnType<typeof later<RiskPage>> }[] = []
    const { target, app } = setup(data, {
      list_risks: (a) => {
        const l = later<RiskPage>()
        held.push({ q: a.query, l })
        return l.promise
      },
    })
    await settle()
    const search = $(target, 'risk-search')!
    type(search, 'a')
    await settle()
    type(search, 'al')
    type(search, 'alb')
    await settle()
    expect(held.map((h) => h.q.search)).toEqual(['a'])
    held[0].l.resolve(pageOf(data, held[0].q))
    await settle()
    expect(titles(target)).toEqual(['alpha', 'albatross', 'beta'])
    expect(held.map((h) => h.q.search)).toEqual(['a', 'alb'])
    held[1].l.resolve(pageOf(data, held[1].q))
    await settle()
    expect(titles(target)).toEqual(['albatross'])
    expect($(target, 'risk-total')!.textContent).toBe('1 risk')
    const listed = marks.mock.calls.filter(([name]) => name === 'northstar:risks-listed')
    expect(listed).toEqual([['northstar:risks-listed', { detail: 'alb' }]])

    type(search, 'zebra')
    await settle()
    held[2].l.resolve(pageOf(data, held[2].q))
    await settle()
    expect($(target, 'risks-no-match')!.textContent).toContain('No risks match')
    $(target, 'risk-clear-filters')!.click()
    await settle()
    expect(held[3].q).toMatchObject({ search: '', status: 'active' })
    expect((search as HTMLInputElement).value).toBe('')
    unmount(app)
  })

  test('closing needs a note: the core refuses an empty one, then the risk leaves the list and map', async () => {
    const data = [risk('Vendor lock-in', { likelihood: 4, impact: 3 }), risk('Outage', { likelihood: 5, impact: 5 })]
    const { target, app, calls } = setup(data)
    await settle()
    const row = $$(target, 'risk-row').find((r) => r.dataset.riskId === 'r-Vendor lock-in')!
    row.focus()
    key(row, 'c')
    await settle()
    expect($(document.body, 'risk-close-note')).not.toBeNull()
    $(document.body, 'risk-close-confirm')!.click()
    await settle()
    expect($(document.body, 'field-error')!.textContent).toBe('A closing note is required.')
    expect($(document.body, 'risk-close-note')).not.toBeNull()

    type($(document.body, 'risk-close-note')!, 'Second vendor signed.')
    $(document.body, 'risk-close-confirm')!.click()
    await settle()
    const edits = calls.filter(([c]) => c === 'edit_risk').map(([, a]) => a.edit)
    expect(edits).toEqual([
      { field: 'close', value: '' },
      { field: 'close', value: 'Second vendor signed.' },
    ])
    expect($(document.body, 'risk-close-note')).toBeNull()
    expect(titles(target)).toEqual(['Outage'])
    // The closed row's place goes to the next one, focus included.
    expect(document.activeElement).toBe($(target, 'risk-row'))
    expect($(target, 'risk-total')!.textContent).toBe('1 risk')
    const cell = $$(target, 'heat-cell').find((c) => c.dataset.likelihood === '4' && c.dataset.impact === '3')!
    expect(cell.dataset.count).toBe('0')
    unmount(app)
  })

  test('a closed risk shows its note and reopens', async () => {
    const data = [risk('Old vendor', { status: 'closed', closing_note: 'Replaced in May.' })]
    const { target, app, calls } = setup(data)
    await settle()
    expect($(target, 'risks-no-match')!.textContent).toContain('Every risk is closed')
    $$(target, 'risk-status-filter')[0].dispatchEvent(new Event('change', { bubbles: true }))
    ;($(target, 'risk-status-filter') as HTMLSelectElement).value = 'closed'
    $(target, 'risk-status-filter')!.dispatchEvent(new Event('change', { bubbles: true }))
    await settle()
    $(target, 'risk-row')!.click()
    await settle()
    expect($(target, 'risk-closing-note')!.textContent).toBe('Replaced in May.')
    expect($(target, 'risk-close')).toBeNull()
    $(target, 'risk-reopen')!.click()
    await settle()
    expect(calls.filter(([c]) => c === 'edit_risk').map(([, a]) => a.edit)).toEqual([{ field: 'status', value: 'open' }])
    // Under "Closed", the reopened risk leaves the list.
    expect($(target, 'risk-row')).toBeNull()
    unmount(app)
  })

  test('L then a digit sets likelihood on the focused row; I then a digit sets impact; arrows move', async () => {
    const data = [risk('Vendor', { likelihood: 2, impact: 2 }), risk('Outage', { likelihood: 1, impact: 1 })]
    const { target, app, calls } = setup(data)
    await settle()
    const [first, second] = $$(target, 'risk-row')
    expect(first.tabIndex).toBe(0)
    expect(second.tabIndex).toBe(-1)
    first.focus()
    key(first, 'l')
    flushSync()
    expect(target.textContent).toContain('Likelihood: press 1–5')
    key(first, '5')
    flushSync()
    expect($(first, 'risk-row-band')!.textContent).toBe('10 · high')
    key(first, 'i')
    key(first, '4')
    await settle()
    expect(calls.filter(([c]) => c === 'edit_risk').map(([, a]) => a.edit)).toEqual([
      { field: 'likelihood', value: 5 },
      { field: 'impact', value: 4 },
    ])
    expect(first.dataset).toMatchObject({ likelihood: '5', impact: '4', band: 'critical' })
    expect(calls.some(([c]) => c === 'risk_heat_map')).toBe(true)
    key(first, 'ArrowDown')
    flushSync()
    expect(document.activeElement).toBe(second)
    expect(second.tabIndex).toBe(0)
    unmount(app)
  })

  test('Enter opens the editor under the row; a refused title keeps the typing and shows why', async () => {
    const data = [risk('Vendor', { goals: ['g1'], band_change: { was: 'high', since: '2026-01-12' } })]
    const { target, app, calls } = setup(data, {
      edit_risk: () => {
        throw { kind: 'invalid', message: 'A risk’s title is required.', field: 'title' }
      },
    })
    await settle()
    const row = $(target, 'risk-row')!
    expect(row.querySelectorAll('input, textarea, select')).toHaveLength(0)
    expect(row.textContent).toContain('Goals: Keep the onboarding API reliable')
    expect($(row, 'risk-row-was')!.textContent).toMatch(/^was high, now medium since 12 Jan/)
    key(row, 'Enter')
    await settle()
    const editor = $(target, 'risk-editor')!
    expect(row.nextElementSibling!.contains(editor)).toBe(true)
    expect($(editor, 'risk-history')!.textContent).toContain('created')
    const title = $(editor, 'risk-field-title') as HTMLInputElement
    type(title, '   ')
    title.dispatchEvent(new Event('blur'))
    await settle()
    expect(calls.find(([c]) => c === 'edit_risk')![1].edit).toEqual({ field: 'title', value: '   ' })
    expect(title.value).toBe('   ')
    expect(editor.querySelector('[data-testid="field-error"]')!.textContent).toBe('A risk’s title is required.')
    expect($(row, 'risk-row-title')!.textContent).toBe('Vendor')
    key(title, 'Escape')
    key(title, 'Escape')
    await settle()
    expect($(target, 'risk-editor')).toBeNull()
    unmount(app)
  })

  test('Remove asks first, then removes the risk and reads the heat map and owners again', async () => {
    const data = [risk('Vendor', { owner: 'Ana', goals: ['g1'] }), risk('Outage')]
    const { target, app, calls } = setup(data, {
      remove_risk: (a) => {
        data.splice(
          data.findIndex((r) => r.id === a.id),
          1,
        )
        return null
      },
    })
    await settle()
    $(target, 'risk-row')!.click()
    await settle()
    $(target, 'risk-remove')!.click()
    await settle()
    expect(document.body.textContent).toContain('Remove “Vendor” from the register? Its links to 1 goal go with it.')
    expect(calls.some(([c]) => c === 'remove_risk')).toBe(false)
    $(document.body, 'confirm-delete')!.click()
    await settle()
    expect(calls.find(([c]) => c === 'remove_risk')![1].id).toBe('r-Vendor')
    expect(titles(target)).toEqual(['Outage'])
    expect($(target, 'risk-editor')).toBeNull()
    expect(calls.some(([c]) => c === 'risk_owners')).toBe(true)
    const owners = Array.from(($(target, 'risk-owner-filter') as HTMLSelectElement).options).map((o) => o.text)
    expect(owners).toEqual(['Anyone', 'Nobody'])
    unmount(app)
  })

  test('an empty project says so; the form adds a risk with its likelihood and impact', async () => {
    const data: Risk[] = []
    const { target, app, calls } = setup(data, {
      add_risk: (a) => {
        const n = a.new as { title: string; likelihood: number; impact: number }
        if (!n.title.trim()) throw { kind: 'invalid', message: 'A risk’s title is required.', field: 'title' }
        const r = risk(n.title, { likelihood: n.likelihood, impact: n.impact })
        data.push(r)
        return r
      },
    })
    await settle()
    expect($(target, 'risks-empty')!.textContent).toContain('No risks yet')
    expect($$(target, 'heat-cell')).toHaveLength(25)
    $(target, 'risk-add-submit')!.click()
    await settle()
    expect($(target, 'field-error')!.textContent).toBe('A risk’s title is required.')
    type($(target, 'risk-add-title')!, 'Vendor lock-in')
    const l = $(target, 'risk-add-likelihood') as HTMLSelectElement
    l.value = '4'
    l.dispatchEvent(new Event('change', { bubbles: true }))
    $(target, 'risk-add-submit')!.click()
    await settle()
    expect(calls.filter(([c]) => c === 'add_risk').at(-1)![1].new).toMatchObject({
      title: 'Vendor lock-in',
      likelihood: 4,
      impact: 3,
    })
    expect($(target, 'risks-empty')).toBeNull()
    expect(titles(target)).toEqual(['Vendor lock-in'])
    expect($$(target, 'heat-cell').find((c) => c.dataset.likelihood === '4' && c.dataset.impact === '3')!.dataset.count).toBe('1')
    unmount(app)
  })

  test('a long register paints 20 rows, adds the rest of its page as the end nears, then asks for the next page', async () => {
    const observers: IntersectionObserverCallback[] = []
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        constructor(cb: IntersectionObserverCallback) {
          observers.push(cb)
        }
        observe() {}
        unobserve() {}
        disconnect() {}
      },
    )
    // Frames run when the test says so.
    const pending: FrameRequestCallback[] = []
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => pending.push(cb))
    vi.stubGlobal('cancelAnimationFrame', () => {})
    const marks = vi.spyOn(performance, 'mark')
    const data = Array.from({ length: 150 }, (_, i) => risk(`Risk ${i}`))
    const { target, app, lists } = setup(data)
    await settle()
    expect($$(target, 'risk-row')).toHaveLength(20)
    expect($$(target, 'heat-cell')).toHaveLength(25)
    expect(target.textContent).toContain('Showing 20 of 150')
    pending.splice(0).forEach((cb) => cb(0))
    expect(marks).toHaveBeenCalledWith('northstar:risks-ready', { detail: 'p1' })
    await settle()
    // Nothing more until the end of the list nears: no rows, no request.
    expect($$(target, 'risk-row')).toHaveLength(20)
    const near = () => observers.at(-1)!([{ isIntersecting: true } as IntersectionObserverEntry], {} as IntersectionObserver)
    // Rows already fetched come first, 40 at a time, without asking the core.
    near()
    await settle()
    expect($$(target, 'risk-row')).toHaveLength(60)
    near()
    await settle()
    expect($$(target, 'risk-row')).toHaveLength(100)
    expect(lists()).toHaveLength(0)
    near()
    await settle()
    expect(lists()).toEqual([expect.objectContaining({ offset: 100, limit: 100 })])
    // The last page is fetched; its rows still come in as the end nears, then the note goes.
    expect(target.textContent).toContain('Showing 100 of 150')
    near()
    await settle()
    expect($$(target, 'risk-row')).toHaveLength(140)
    near()
    await settle()
    expect($$(target, 'risk-row')).toHaveLength(150)
    expect(target.textContent).not.toContain('more load as you scroll')
    unmount(app)
  })

  test('opened from a goal’s risk chip, the page fetches that risk and opens its editor', async () => {
    const far = risk('Far down', { likelihood: 1, impact: 1, status: 'closed' })
    const { target, app, calls } = setup([risk('Vendor'), far])
    goTo('risks', far.id)
    const again = mount(RisksPage, { target, props: { projectId: 'p1' } })
    await settle()
    expect(calls.some(([c, a]) => c === 'get_risk' && a.id === far.id)).toBe(true)
    expect($(target, 'risk-editor')!.dataset.riskId).toBe(far.id)
    expect(nav.focus).toBeNull()
    unmount(again)
    unmount(app)
  })
})
