import { afterEach, describe, expect, test, vi } from 'vitest'
import { flushSync, mount, unmount } from 'svelte'
import { mockIPC } from '@tauri-apps/api/mocks'
import ScanView from './ScanView.svelte'
import { FakeCore, LIBRARY, scanRow } from './scanTestdata'
import { settle } from '../../test/fixtures'
import { goTo, nav } from '../projects/nav.svelte'

const [GDPR, HIPAA, PCI] = LIBRARY

/** Mounts the view over `core`; every command is recorded. */
function setup(core = new FakeCore()) {
  const calls: [string, Record<string, unknown>][] = []
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>
    calls.push([cmd, a])
    return core.handle(cmd, a)
  })
  const target = document.body.appendChild(document.createElement('div'))
  const app = mount(ScanView, { target, props: { projectId: 'p1' } })
  flushSync()
  const sent = (cmd: string) => calls.filter(([c]) => c === cmd).map(([, a]) => a)
  return { core, calls, target, app, sent }
}

const $ = (root: ParentNode, id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`)
const $$ = (root: ParentNode, id: string) => Array.from(root.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`))
const card = (root: ParentNode, code: string) => $$(root, 'regulation').find((c) => c.dataset.code === code)

function click(el: HTMLElement | null | undefined) {
  if (!el) throw new Error('nothing to click')
  el.click()
}

function type(el: HTMLElement | null, value: string) {
  ;(el as HTMLInputElement).value = value
  el!.dispatchEvent(new Event('input', { bubbles: true }))
}

function pick(el: HTMLElement | null, value: string) {
  ;(el as HTMLSelectElement).value = value
  el!.dispatchEvent(new Event('change', { bubbles: true }))
}

const checked = (root: ParentNode, id: string) => ($(root, id) as HTMLInputElement).checked

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})

describe('ScanView', () => {
  test('each answer saves all three answers at once, and the regulations they propose appear', async () => {
    const { target, app, sent } = setup()
    await settle()
    expect($$(target, 'regulation')).toHaveLength(0)

    click($(target, 'q-data-eu_personal'))
    await settle()
    expect(sent('set_compliance_answers').at(-1)).toEqual({
      projectId: 'p1',
      answers: { data: ['eu_personal'], industry_detail: '' },
    })
    const gdpr = card(target, 'GDPR')!
    expect(gdpr.dataset.status).toBe('proposed')
    expect(gdpr.textContent).toContain('Proposed because you store EU residents’ personal data')

    click($(target, 'q-payments-yes'))
    await settle()
    pick($(target, 'q-industry'), 'healthcare')
    await settle()
    const detail = $(target, 'q-industry-detail') as HTMLInputElement
    detail.value = 'Clinics'
    detail.dispatchEvent(new Event('change', { bubbles: true }))
    await settle()
    expect(sent('set_compliance_answers').map((a) => a.answers)).toEqual([
      { data: ['eu_personal'], industry_detail: '' },
      { data: ['eu_personal'], payments: true, industry_detail: '' },
      { data: ['eu_personal'], payments: true, industry: 'healthcare', industry_detail: '' },
      { data: ['eu_personal'], payments: true, industry: 'healthcare', industry_detail: 'Clinics' },
    ])
    expect($$(target, 'regulation').map((c) => c.dataset.code)).toEqual(['GDPR', 'HIPAA', 'PCI DSS'])

    // Back to "Not answered": the industry is left out of the answers.
    pick($(target, 'q-industry'), 'unanswered')
    await settle()
    expect(sent('set_compliance_answers').at(-1)!.answers).toEqual({
      data: ['eu_personal'],
      payments: true,
      industry_detail: 'Clinics',
    })
    unmount(app)
  })

  test('the answers come back from the core when the view opens again', async () => {
    const core = new FakeCore()
    core.answers = { data: ['card'], payments: false, industry: 'other', industry_detail: 'Lending' }
    const { target, app } = setup(core)
    await settle()
    expect(checked(target, 'q-data-card')).toBe(true)
    expect(checked(target, 'q-data-eu_personal')).toBe(false)
    expect(checked(target, 'q-payments-no')).toBe(true)
    expect(checked(target, 'q-payments-yes')).toBe(false)
    expect(($(target, 'q-industry') as HTMLSelectElement).value).toBe('other')
    expect(($(target, 'q-industry-detail') as HTMLInputElement).value).toBe('Lending')
    unmount(app)
  })

  test('“None of these” clears the kinds of data, and a kind clears it', async () => {
    const { target, app, sent } = setup()
    await settle()
    click($(target, 'q-data-eu_personal'))
    click($(target, 'q-data-card'))
    await settle()
    click($(target, 'q-data-none'))
    await settle()
    expect(sent('set_compliance_answers').at(-1)!.answers).toEqual({ data: ['none'], industry_detail: '' })
    expect(checked(target, 'q-data-none')).toBe(true)
    expect(checked(target, 'q-data-eu_personal')).toBe(false)
    expect(checked(target, 'q-data-card')).toBe(false)
    expect($$(target, 'regulation')).toHaveLength(0)

    click($(target, 'q-data-student'))
    await settle()
    expect(sent('set_compliance_answers').at(-1)!.answers).toEqual({ data: ['student'], industry_detail: '' })
    expect(checked(target, 'q-data-none')).toBe(false)
    expect($(target, 'field-error')).toBeNull()
    unmount(app)
  })

  test('accept, dismiss with a required reason, and undo send the right decisions', async () => {
    const core = new FakeCore()
    core.answers = { data: ['eu_personal', 'us_health'], industry_detail: '' }
    const { target, app, sent } = setup(core)
    await settle()

    click(card(target, 'GDPR')!.querySelector('[data-testid="regulation-accept"]'))
    await settle()
    expect(sent('decide_regulation').at(-1)).toEqual({
      projectId: 'p1',
      regulationId: GDPR.id,
      decision: { decision: 'accept' },
    })
    expect(card(target, 'GDPR')!.dataset.status).toBe('accepted')
    expect($$(target, 'summary-item').map((s) => s.textContent?.trim())).toEqual(['GDPR · No rows yet'])

    click(card(target, 'HIPAA')!.querySelector('[data-testid="regulation-dismiss"]'))
    flushSync()
    const reason = $(document.body, 'dismiss-reason')!
    expect(document.activeElement).toBe(reason)
    // An empty reason is refused by the core; its message shows and the dialog stays.
    click($(document.body, 'dismiss-confirm'))
    await settle()
    expect(sent('decide_regulation').at(-1)!.decision).toEqual({ decision: 'dismiss', reason: '' })
    expect($(document.body, 'dismiss-dialog')!.textContent).toContain('A reason to dismiss is required.')
    type(reason, 'We keep no health data: the pilot was cancelled.')
    click($(document.body, 'dismiss-confirm'))
    await settle()
    expect(sent('decide_regulation').at(-1)).toEqual({
      projectId: 'p1',
      regulationId: HIPAA.id,
      decision: { decision: 'dismiss', reason: 'We keep no health data: the pilot was cancelled.' },
    })
    expect($(document.body, 'dismiss-dialog')).toBeNull()
    const hipaa = card(target, 'HIPAA')!
    expect(hipaa.dataset.status).toBe('dismissed')
    expect(hipaa.textContent).toContain('Dismissed: We keep no health data: the pilot was cancelled.')
    expect(hipaa.querySelector('[data-testid="regulation-dismiss"]')).toBeNull()

    click(hipaa.querySelector('[data-testid="regulation-undo"]'))
    await settle()
    expect(sent('decide_regulation').at(-1)!.decision).toEqual({ decision: 'undecide' })
    expect(card(target, 'HIPAA')!.dataset.status).toBe('proposed')
    unmount(app)
  })

  test('undoing a regulation that scan rows name shows the core’s refusal in its card', async () => {
    const core = new FakeCore()
    core.decisions.set(GDPR.id, { status: 'accepted', reason: '' })
    core.rows = [scanRow('Accounts', GDPR, 'partial')]
    const { target, app } = setup(core)
    await settle()
    click(card(target, 'GDPR')!.querySelector('[data-testid="regulation-undo"]'))
    await settle()
    expect(card(target, 'GDPR')!.dataset.status).toBe('accepted')
    expect(card(target, 'GDPR')!.querySelector('[data-testid="field-error"]')!.textContent).toContain(
      'Scan rows name this regulation',
    )
    expect($(target, 'save-status')!.dataset.state).toBe('error')
    unmount(app)
  })

  test('the summary strip gives each accepted regulation’s worst readiness and its rows', async () => {
    const core = new FakeCore()
    for (const r of [GDPR, HIPAA, PCI]) core.decisions.set(r.id, { status: 'accepted', reason: '' })
    core.decisions.set(LIBRARY[3].id, { status: 'dismissed', reason: 'No students' })
    core.rows = [
      scanRow('Accounts', GDPR, 'ready'),
      scanRow('Analytics', GDPR, 'partial'),
      scanRow('Health pilot', HIPAA, 'missing'),
    ]
    const { target, app } = setup(core)
    await settle()
    const items = $$(target, 'summary-item')
    expect(items.map((s) => [s.dataset.code, s.dataset.worst, s.textContent?.trim()])).toEqual([
      ['GDPR', 'partial', 'GDPR · Partial · 2 rows'],
      ['HIPAA', 'missing', 'HIPAA · Missing · 1 row'],
      ['PCI DSS', 'none', 'PCI DSS · No rows yet'],
    ])
    // Word, icon and colour: the chip's tone follows the readiness.
    expect(items[0].querySelector('.chip')!.className).toContain('warn')
    expect(items[1].querySelector('.chip')!.className).toContain('bad')
    expect(items[2].querySelector('.chip')!.className).toContain('neutral')
    expect(items[0].querySelector('.icon')).not.toBeNull()
    unmount(app)
  })

  test('adding a scan row accepts its regulation; an empty area is refused beside the field', async () => {
    const { target, app, sent } = setup()
    await settle()
    const select = $(target, 'scan-add-regulation') as HTMLSelectElement
    expect(Array.from(select.options).map((o) => o.value)).toEqual(LIBRARY.map((r) => r.id))

    click($(target, 'scan-add-submit'))
    await settle()
    expect($(target, 'field-error')!.textContent).toBe('A data or feature area is required.')
    expect($(target, 'scan-add-area')!.getAttribute('aria-invalid')).toBe('true')

    type($(target, 'scan-add-area'), 'User accounts (EU residents)')
    pick(select, GDPR.id)
    pick($(target, 'scan-add-readiness'), 'partial')
    click($(target, 'scan-add-submit'))
    await settle()
    expect(sent('add_scan_row').at(-1)).toEqual({
      projectId: 'p1',
      new: { area: 'User accounts (EU residents)', regulation_id: GDPR.id, readiness: 'partial', proof: '', gaps: '', owner: '' },
    })
    expect($(target, 'field-error')).toBeNull()
    const rows = $$(target, 'scan-row')
    expect(rows).toHaveLength(1)
    expect(rows[0].dataset.readiness).toBe('partial')
    expect(rows[0].textContent).toContain('User accounts (EU residents)')
    expect(rows[0].textContent).toContain('Partial')
    expect(card(target, 'GDPR')!.dataset.status).toBe('accepted')
    expect($$(target, 'summary-item').map((s) => s.textContent?.trim())).toEqual(['GDPR · Partial · 1 row'])
    expect(($(target, 'scan-add-area') as HTMLInputElement).value).toBe('')
    unmount(app)
  })

  test('rows hold no form controls; a click opens the editor, whose fields save; remove asks first', async () => {
    const core = new FakeCore()
    core.decisions.set(GDPR.id, { status: 'accepted', reason: '' })
    core.rows = [
      scanRow('Accounts', GDPR, 'partial', { proof: 'Policy at https://example.com/privacy. Region eu-west-1', owner: 'Bohdan' }),
      scanRow('Billing', PCI, 'missing'),
    ]
    const { target, app, sent } = setup(core)
    await settle()
    const rows = $$(target, 'scan-row')
    expect(rows[0].querySelector('input, select, textarea')).toBeNull()
    expect(rows[0].tabIndex).toBe(0)
    expect(rows[1].tabIndex).toBe(-1)

    // A link in the proof opens in the browser, not the editor.
    const link = rows[0].querySelector<HTMLAnchorElement>('a[data-url]')!
    expect(link.textContent).toBe('https://example.com/privacy')
    click(link)
    await settle()
    expect(sent('open_link')).toEqual([{ url: 'https://example.com/privacy' }])
    expect($(target, 'scan-editor')).toBeNull()

    click(rows[0].querySelector('.area') as HTMLElement)
    await settle()
    expect($(target, 'scan-editor')).not.toBeNull()
    expect(($(target, 'scan-field-area') as HTMLInputElement).value).toBe('Accounts')
    expect(($(target, 'scan-field-owner') as HTMLInputElement).value).toBe('Bohdan')
    pick($(target, 'scan-field-readiness'), 'ready')
    await settle()
    expect(sent('edit_scan_row').at(-1)).toEqual({ id: 's-Accounts', edit: { field: 'readiness', value: 'ready' } })
    expect($$(target, 'scan-row')[0].dataset.readiness).toBe('ready')

    // A refused area stays in the field with the core's message beside it.
    const area = $(target, 'scan-field-area')!
    type(area, '  ')
    area.dispatchEvent(new FocusEvent('blur'))
    await settle()
    expect(sent('edit_scan_row').at(-1)!.edit).toEqual({ field: 'area', value: '  ' })
    expect($(target, 'scan-editor')!.textContent).toContain('A data or feature area is required.')
    expect($$(target, 'scan-row')[0].textContent).toContain('Accounts')

    click($(target, 'scan-remove'))
    flushSync()
    expect(sent('remove_scan_row')).toHaveLength(0)
    click($(document.body, 'confirm-delete'))
    await settle()
    expect(sent('remove_scan_row')).toEqual([{ id: 's-Accounts' }])
    expect($$(target, 'scan-row').map((r) => r.dataset.id)).toEqual(['s-Billing'])
    unmount(app)
  })

  test('Enter on a focused row opens its editor; Escape closes it and returns to the row', async () => {
    const core = new FakeCore()
    core.rows = [scanRow('Accounts', GDPR, 'partial'), scanRow('Billing', PCI, 'missing')]
    const { target, app } = setup(core)
    await settle()
    const first = $$(target, 'scan-row')[0]
    first.focus()
    first.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }))
    await settle()
    const second = $$(target, 'scan-row')[1]
    expect(document.activeElement).toBe(second)
    second.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }))
    await settle()
    expect(document.activeElement).toBe($(target, 'scan-field-area'))
    $(target, 'scan-field-area')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))
    await settle()
    expect($(target, 'scan-editor')).toBeNull()
    expect(document.activeElement).toBe($$(target, 'scan-row')[1])
    unmount(app)
  })

  test('opened from an Agenda review, the view renders down to that row and opens its editor', async () => {
    const core = new FakeCore()
    core.rows = Array.from({ length: 100 }, (_, i) => scanRow(`Area ${i}`, GDPR, 'partial'))
    goTo('compliance', 's-Area 80', 'compliance_review')
    const { target, app } = setup(core)
    await settle()
    const rows = $$(target, 'scan-row')
    expect(rows).toHaveLength(81)
    expect(rows[80].dataset.id).toBe('s-Area 80')
    expect($$(target, 'scan-editor')).toHaveLength(1)
    expect(($(target, 'scan-field-area') as HTMLInputElement).value).toBe('Area 80')
    expect(document.activeElement).toBe($(target, 'scan-field-area'))
    expect(nav.focus).toBeNull()
    unmount(app)
  })

  test('a user’s own regulation joins the library and can then be accepted; a taken code is refused', async () => {
    const { target, app, sent } = setup()
    await settle()
    expect($(target, 'regulation-add-code')).toBeNull()
    click($(target, 'regulation-add-open'))
    await settle()
    type($(target, 'regulation-add-code'), 'gdpr')
    click($(target, 'regulation-add-submit'))
    await settle()
    expect($(target, 'field-error')!.textContent).toBe('The library already has a regulation called “gdpr”.')

    type($(target, 'regulation-add-code'), 'SOC 2')
    type($(target, 'regulation-add-name'), 'Service Organization Control 2')
    click($(target, 'regulation-add-submit'))
    await settle()
    expect(sent('add_regulation').at(-1)).toEqual({
      projectId: 'p1',
      new: { code: 'SOC 2', name: 'Service Organization Control 2', applies_when: '', controls: '' },
    })
    expect($(target, 'field-error')).toBeNull()
    expect($$(target, 'library-regulation').map((l) => l.dataset.code)).toContain('SOC 2')
    click($(target, 'regulation-add-accept'))
    await settle()
    expect(sent('decide_regulation').at(-1)).toEqual({
      projectId: 'p1',
      regulationId: 'custom-SOC 2',
      decision: { decision: 'accept' },
    })
    expect(card(target, 'SOC 2')!.dataset.status).toBe('accepted')
    expect($$(target, 'library-regulation').map((l) => l.dataset.code)).not.toContain('SOC 2')
    unmount(app)
  })

  test('2,000 rows paint 30 at first, more as the end nears; the ready mark waits for a frame', async () => {
    const observers: { cb: IntersectionObserverCallback; el: Element | null }[] = []
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        entry: { cb: IntersectionObserverCallback; el: Element | null }
        constructor(cb: IntersectionObserverCallback) {
          this.entry = { cb, el: null }
          observers.push(this.entry)
        }
        observe(el: Element) {
          this.entry.el = el
        }
        unobserve() {}
        disconnect() {
          this.entry.el = null
        }
      },
    )
    const frames: FrameRequestCallback[] = []
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb))
    const marks = vi.spyOn(performance, 'mark')
    const core = new FakeCore()
    core.rows = Array.from({ length: 2000 }, (_, i) => scanRow(`Area ${i}`, GDPR, i % 2 ? 'ready' : 'missing'))
    const { target, app } = setup(core)
    await settle()
    expect($$(target, 'scan-row')).toHaveLength(30)
    expect(target.textContent).toContain('Showing 30 of 2,000')
    expect(marks).not.toHaveBeenCalledWith('northstar:compliance-scan-ready', expect.anything())
    frames.splice(0).forEach((cb) => cb(0))
    expect(marks).toHaveBeenCalledWith('northstar:compliance-scan-ready', { detail: 'p1' })

    const near = () => {
      const o = observers.find((x) => x.el)!
      o.cb([{ isIntersecting: true } as IntersectionObserverEntry], {} as IntersectionObserver)
    }
    near()
    flushSync()
    expect($$(target, 'scan-row')).toHaveLength(70)
    near()
    flushSync()
    expect($$(target, 'scan-row')).toHaveLength(110)
    // A row added now shows at once, though the end of the list is far away.
    type($(target, 'scan-add-area'), 'Brand new')
    click($(target, 'scan-add-submit'))
    await settle()
    const shown = $$(target, 'scan-row')
    expect(shown).toHaveLength(111)
    expect(shown.at(-1)!.textContent).toContain('Brand new')
    unmount(app)
  })
})
