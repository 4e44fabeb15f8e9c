import { afterEach, describe, expect, test, vi } from 'vitest'
import { flushSync, mount, unmount } from 'svelte'
import { mockIPC } from '@tauri-apps/api/mocks'
import type { NotesView as Notes } from '../api/bindings'
import NotesView from './NotesView.svelte'
import { control, fakeCore, inventoryRow, notesView, vendor } from './notesTestdata'
import { settle } from '../../test/fixtures'
import { goTo, nav } from '../projects/nav.svelte'
import { today as localToday } from '../assessments/dates'

type Args = Record<string, unknown>

function setup(notes: Notes, answers: Record<string, (a: Args) => unknown> = {}) {
  const calls: [string, Args][] = []
  const state = { notes, reviews: [] }
  const core = fakeCore(state, localToday())
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Args
    calls.push([cmd, a])
    if (answers[cmd]) return answers[cmd](a)
    const out = core(cmd, a)
    if (out === null) throw `Command ${cmd} not found`
    return out
  })
  const target = document.body.appendChild(document.createElement('div'))
  const app = mount(NotesView, { target, props: { projectId: 'p1' } })
  flushSync()
  const sent = (cmd: string) => calls.filter(([c]) => c === cmd).map(([, a]) => a)
  return { calls, sent, target, app, state }
}

const $ = (root: ParentNode, id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`)
const $$ = (root: ParentNode, id: string) => Array.from(root.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`))

function type(input: HTMLElement, value: string) {
  ;(input as HTMLInputElement).value = value
  input.dispatchEvent(new Event('input', { bubbles: true }))
}

function change(el: HTMLElement, value: string) {
  ;(el as HTMLInputElement).value = value
  el.dispatchEvent(new Event('change', { bubbles: true }))
}

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})

describe('NotesView', () => {
  test('shows the worksheet’s sections in order, with its headings', async () => {
    const { target, app } = setup(notesView({ vendors: [vendor('Stripe')] }))
    await settle()
    expect(Array.from(target.querySelectorAll('h3')).map((h) => h.textContent)).toEqual([
      'Snapshot',
      'Data Inventory',
      'Regulatory Triggers',
      'Vendors & Integrations',
      'Controls & Follow-Ups',
      'Quick Questions to Revisit',
    ])
    const heads = (label: string) =>
      Array.from(target.querySelectorAll(`table[aria-label="${label}"] th`)).map((th) => th.textContent)
    expect(heads('Data inventory').slice(0, 6)).toEqual([
      'Data Category',
      'Source',
      'Storage Location',
      'Retention Policy',
      'Access Roles',
      'Sensitive',
    ])
    expect(heads('Vendors and integrations').slice(0, 4)).toEqual(['Vendor', 'Data Shared', 'Compliance Status Verified?', 'Action Items'])
    expect($$(target, 'question').map((q) => q.dataset.key)).toEqual(['transfers', 'vendors', 'incidents', 'next_review'])
    // Resting rows hold no form fields.
    expect($(target, 'vendor-row')!.querySelector('input, select, textarea')).toBeNull()
    unmount(app)
  })

  test('a flagged inventory row says so in words; others carry no flag', async () => {
    const words = 'Health data that no accepted regulation’s scan row covers: probably HIPAA.'
    const { target, app } = setup(
      notesView({
        data_inventory: [
          inventoryRow('Customer email', { kind: 'personal' }),
          inventoryRow('Symptoms', { kind: 'health', flag: words, needs: 'builtin-hipaa' }),
        ],
      }),
    )
    await settle()
    const [plain, flagged] = $$(target, 'inventory-row')
    expect(plain.dataset.flagged).toBe('false')
    expect($(plain, 'inventory-flag')).toBeNull()
    expect(flagged.dataset.flagged).toBe('true')
    expect($(flagged, 'inventory-flag')!.textContent).toBe(words)
    expect($(flagged, 'inventory-flag')!.querySelector('.icon')).not.toBeNull()
    expect(flagged.textContent).toContain('Health')
    unmount(app)
  })

  test('adding an inventory row sends its kind; removing one asks first', async () => {
    const { target, app, sent } = setup(notesView())
    await settle()
    type($(target, 'inventory-add-category')!, 'Card numbers')
    change($(target, 'inventory-add-kind')!, 'payment')
    $(target, 'inventory-add-submit')!.click()
    await settle()
    expect(sent('add_inventory_row')[0].new).toEqual({
      category: 'Card numbers',
      source: '',
      storage: '',
      retention: '',
      access: '',
      kind: 'payment',
    })
    const row = $(target, 'inventory-row')!
    expect(row.textContent).toContain('Payment')
    row.querySelector<HTMLElement>('button[aria-label="Remove Card numbers"]')!.click()
    await settle()
    expect(sent('remove_inventory_row')).toHaveLength(0)
    $(document.body, 'confirm-delete')!.click()
    await settle()
    expect(sent('remove_inventory_row')).toEqual([{ id: row.dataset.id }])
    expect($$(target, 'inventory-row')).toHaveLength(0)
    unmount(app)
  })

  test('ticking a control sends tick_control and shows who ticked it and when', async () => {
    const { target, app, sent } = setup(notesView())
    await settle()
    const first = $$(target, 'control')[0]
    expect(first.dataset.done).toBe('false')
    const box = $(first, 'control-tick') as HTMLInputElement
    box.click()
    await settle()
    expect(sent('tick_control')).toEqual([{ id: 'c-HTTPS enforced across environments', done: true }])
    const ticked = $$(target, 'control')[0]
    expect(ticked.dataset.done).toBe('true')
    expect((($(ticked, 'control-tick')) as HTMLInputElement).checked).toBe(true)
    expect(ticked.textContent).toMatch(/ticked by ana on \d{1,2} [A-Z][a-z]{2}/)

    type($(target, 'control-add-label')!, 'Backups restored monthly')
    $(target, 'control-add-submit')!.click()
    await settle()
    expect(sent('add_control')).toEqual([{ projectId: 'p1', label: 'Backups restored monthly' }])
    expect($$(target, 'control').map((c) => c.textContent)).toContainEqual(expect.stringContaining('Backups restored monthly'))
    unmount(app)
  })

  test('a milestone without a date reads “to be dated”; the select and date input save', async () => {
    const { target, app, sent } = setup(
      notesView({
        snapshot: {
          last_reviewed: '2025-11-12',
          next_review_date: null,
          next_review_milestone: 'launch_day',
          undated: true,
          owner: 'Ana',
        },
      }),
    )
    await settle()
    expect($(target, 'snapshot-next-review')!.textContent!.trim()).toBe('Launch day — to be dated')
    expect(($(target, 'snapshot-milestone') as HTMLSelectElement).value).toBe('launch_day')
    expect($(target, 'snapshot-last-reviewed')!.textContent!.trim()).toBe('12 Nov 2025')
    expect($(target, 'snapshot-owner')!.textContent!.trim()).toBe('Ana')

    change($(target, 'snapshot-next-date')!, '2027-03-01')
    await settle()
    expect(sent('edit_compliance_snapshot').at(-1)).toEqual({
      projectId: 'p1',
      edit: { field: 'next_review_date', value: '2027-03-01' },
    })
    expect($(target, 'snapshot-next-review')!.textContent!.trim()).toBe('1 Mar 2027 · Launch day')

    // "Other…" asks for the user's own words.
    change($(target, 'snapshot-milestone')!, 'other')
    await settle()
    const own = target.querySelector<HTMLInputElement>('input[aria-label="Next review milestone in your words"]')!
    own.value = 'Beta launch'
    own.dispatchEvent(new Event('blur'))
    await settle()
    expect(sent('edit_compliance_snapshot').at(-1)!.edit).toEqual({ field: 'next_review_milestone', value: 'Beta launch' })
    expect($(target, 'snapshot-next-review')!.textContent!.trim()).toBe('1 Mar 2027 · Beta launch')
    unmount(app)
  })

  test('a vendor name the project already lists is refused beside the field', async () => {
    const { target, app, sent } = setup(notesView({ vendors: [vendor('Stripe')] }))
    await settle()
    type($(target, 'vendor-add-name')!, 'stripe')
    $(target, 'vendor-add-submit')!.click()
    await settle()
    expect(sent('add_vendor')).toHaveLength(1)
    const cell = $(target, 'vendor-add-name')!.parentElement!
    expect($(cell, 'field-error')!.textContent).toBe('This project already lists the vendor “Stripe”.')
    expect($(target, 'vendor-add-name')!.getAttribute('aria-invalid')).toBe('true')
    expect($$(target, 'vendor-row')).toHaveLength(1)

    type($(target, 'vendor-add-name')!, 'Postmark')
    $(target, 'vendor-add-submit')!.click()
    await settle()
    expect($$(target, 'vendor-row').map((r) => r.textContent)).toContainEqual(expect.stringContaining('Postmark'))
    expect($(cell, 'field-error')).toBeNull()
    unmount(app)
  })

  test('ticking “verified” sends it; the row shows the date and the re-check; an old re-check reads overdue', async () => {
    const { target, app, sent } = setup(
      notesView({ vendors: [vendor('Stripe'), vendor('Mailgun', { verified: true, verified_with: 'SOC 2 report reviewed', verified_on: '2024-01-10', recheck_date: '2025-01-10' })] }),
    )
    await settle()
    const [stripe, mailgun] = $$(target, 'vendor-row')
    expect(mailgun.textContent).toContain('SOC 2 report reviewed')
    expect(mailgun.textContent).toContain('Overdue since 10 Jan 2025')
    const tick = $(stripe, 'vendor-verified')!
    expect(tick.getAttribute('aria-checked')).toBe('false')
    expect(stripe.textContent).toContain('Not verified')
    tick.click()
    await settle()
    expect(sent('edit_vendor')).toEqual([{ id: 'v-Stripe', edit: { field: 'verified', value: true } }])
    const row = $$(target, 'vendor-row')[0]
    expect($(row, 'vendor-verified')!.getAttribute('aria-checked')).toBe('true')
    expect(row.dataset.verified).toBe('true')
    expect(row.textContent).not.toContain('Overdue')
    expect(row.textContent).toMatch(/on \d{1,2} [A-Z][a-z]{2}/)
    unmount(app)
  })

  test('a question’s note saves on blur with its tick', async () => {
    const { target, app, sent } = setup(notesView())
    await settle()
    const q = $$(target, 'question')[1]
    const note = $(q, 'question-note') as HTMLInputElement
    type(note, 'Stripe and Postmark')
    note.dispatchEvent(new Event('blur'))
    await settle()
    expect(sent('set_compliance_question')).toEqual([{ projectId: 'p1', key: 'vendors', done: false, note: 'Stripe and Postmark' }])
    ;($(q, 'question-tick') as HTMLInputElement).click()
    await settle()
    expect(sent('set_compliance_question').at(-1)).toEqual({ projectId: 'p1', key: 'vendors', done: true, note: 'Stripe and Postmark' })
    expect($$(target, 'question')[1].dataset.done).toBe('true')
    unmount(app)
  })

  test('500 vendors paint 30 rows, then more as the end nears; the view is marked ready', async () => {
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
    const marks = vi.spyOn(performance, 'mark')
    const many = Array.from({ length: 500 }, (_, i) => vendor(`Vendor ${i}`))
    const { target, app } = setup(notesView({ vendors: many }))
    await settle()
    expect($$(target, 'vendor-row')).toHaveLength(30)
    expect(target.textContent).toContain('Showing 30 of 500 vendors')
    await new Promise((r) => requestAnimationFrame(r))
    expect(marks).toHaveBeenCalledWith('northstar:compliance-notes-ready', { detail: 'p1' })
    observers.at(-1)!([{ isIntersecting: true } as IntersectionObserverEntry], {} as IntersectionObserver)
    await settle()
    expect($$(target, 'vendor-row')).toHaveLength(70)
    // A vendor added now shows at once, below the rows already in.
    type($(target, 'vendor-add-name')!, 'Brand new')
    $(target, 'vendor-add-submit')!.click()
    await settle()
    const rows = $$(target, 'vendor-row')
    expect(rows).toHaveLength(71)
    expect(rows.at(-1)!.textContent).toContain('Brand new')
    unmount(app)
  })

  test('opened from an Agenda re-check, the view renders down to that vendor; from a review, the Snapshot', async () => {
    // An observer that never reports the end of the table in view: the user has not scrolled.
    vi.stubGlobal('IntersectionObserver', class { observe() {} unobserve() {} disconnect() {} })
    const many = Array.from({ length: 100 }, (_, i) => vendor(`Vendor ${i}`))
    goTo('compliance', 'v-Vendor 80', 'vendor_recheck')
    const { target, app } = setup(notesView({ vendors: many }))
    await settle()
    const rows = $$(target, 'vendor-row')
    expect(rows).toHaveLength(81)
    expect(rows[80].dataset.id).toBe('v-Vendor 80')
    expect(rows[80].contains(document.activeElement)).toBe(true)
    expect(nav.focus).toBeNull()
    unmount(app)

    goTo('compliance', 'notes-p1', 'notes_review')
    const again = setup(notesView({ vendors: many }))
    await settle()
    expect($(again.target, 'notes-snapshot')!.contains(document.activeElement)).toBe(true)
    expect(nav.focus).toBeNull()
    unmount(again.app)
  })

  test('a control ticked and refused goes back, with the core’s words', async () => {
    const { target, app } = setup(notesView({ controls: [control('MFA')] }), {
      tick_control: () => {
        throw { kind: 'storage', message: 'The workspace is read-only.' }
      },
    })
    await settle()
    ;($(target, 'control-tick') as HTMLInputElement).click()
    await settle()
    expect($(target, 'control')!.dataset.done).toBe('false')
    expect(($(target, 'control-tick') as HTMLInputElement).checked).toBe(false)
    expect($(target, 'control')!.textContent).toContain('The workspace is read-only.')
    unmount(app)
  })
})
