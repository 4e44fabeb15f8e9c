import { describe, expect, test, vi } from 'vitest'
import { flushSync, mount, unmount } from 'svelte'
import { mockIPC } from '@tauri-apps/api/mocks'
import StakeholdersPage from './StakeholdersPage.svelte'
import { goTo, nav } from '../projects/nav.svelte'
import type { Stakeholder } from '../api/bindings'
import { settle } from '../../test/fixtures'
import { stakeholder } from '../../test/stakeholders'

function setup(list: Stakeholder[], answers: Record<string, (a: Record<string, unknown>) => unknown> = {}) {
  const calls: [string, Record<string, unknown>][] = []
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>
    calls.push([cmd, a])
    if (answers[cmd]) return answers[cmd](a)
    if (cmd === 'list_stakeholders') return list
    if (cmd === 'goal_names') return [{ id: 'g1', name: 'Keep the onboarding API reliable during beta' }]
    throw `Command ${cmd} not found`
  })
  const target = document.body.appendChild(document.createElement('div'))
  const app = mount(StakeholdersPage, { target, props: { projectId: 'p1' } })
  flushSync()
  return { calls, target, app }
}

const $ = (root: ParentNode, id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`)
const $$ = (root: ParentNode, id: string) => Array.from(root.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`))

describe('StakeholdersPage', () => {
  test('a card shows the worksheet fields as text, overdue in words, and the goals naming them', async () => {
    const cs = stakeholder('<b>Customer success lead</b>', {
      cadence: 'weekly',
      owner: 'Teo',
      last_check_in: '2020-11-14',
      next_check_in: '2020-11-21',
      overdue: true,
      check_ins: [{ id: 'c1', date: '2020-11-14', note: 'Shared the beta error budget.' }],
      goals: ['g1'],
    })
    const { target, app } = setup([cs])
    await settle()
    const card = $(target, 'stakeholder-card')!
    expect(card.dataset.overdue).toBe('true')
    expect(card.dataset.name).toBe('<b>Customer success lead</b>')
    expect($(card, 'stakeholder-name')!.textContent).toBe('<b>Customer success lead</b>')
    expect(card.querySelector('b')).toBeNull()
    expect($(card, 'stakeholder-next')!.textContent).toBe('Overdue since 21 Nov 2020')
    expect($(card, 'stakeholder-last')!.textContent).toMatch(/^Last check-in 14 Nov 2020 · \d+ days ago$/)
    expect($(card, 'stakeholder-cadence')!.getAttribute('aria-label')).toBe('Cadence for <b>Customer success lead</b>')
    expect($$(card, 'check-in-item').map((e) => e.textContent?.trim())).toEqual(['14 Nov 2020 Shared the beta error budget.'])
    expect($(card, 'stakeholder-goals')!.textContent).toBe('Keep the onboarding API reliable during beta')
    unmount(app)
  })

  test('a long canvas renders its first screen, then marks the page ready', async () => {
    const marks = vi.spyOn(performance, 'mark')
    // An observer that never reports the end of the list in view: the user has not scrolled.
    const observed: Element[] = []
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        observe(el: Element) {
          observed.push(el)
        }
        unobserve() {}
        disconnect() {}
      },
    )
    const many = Array.from({ length: 1000 }, (_, i) => stakeholder(`Person ${i}`, { id: `st-${i}`, position: i }))
    const { target, app } = setup(many)
    await settle()
    expect($$(target, 'stakeholder-card')).toHaveLength(12)
    expect(observed.at(-1)!.textContent).toContain('Showing 12 of 1,000')
    await new Promise((r) => requestAnimationFrame(r))
    expect(marks).toHaveBeenCalledWith('northstar:stakeholders-ready', { detail: 'p1' })
    unmount(app)
    vi.unstubAllGlobals()
  })

  test('opened from an Agenda check-in, the page renders down to that card and focuses it', async () => {
    // An observer that never reports the end of the list in view: the user has not scrolled.
    vi.stubGlobal('IntersectionObserver', class { observe() {} unobserve() {} disconnect() {} })
    goTo('stakeholders', 'st-120', 'stakeholder_check_in')
    const many = Array.from({ length: 300 }, (_, i) => stakeholder(`Person ${i}`, { id: `st-${i}`, position: i }))
    const { target, app } = setup(many)
    // jsdom renders 120 cards slowly on a busy machine: allow it time, the browser needs none.
    await vi.waitFor(
      () => expect(document.activeElement).toBe(target.querySelector('[data-stakeholder-id="st-120"]')),
      { timeout: 8000 },
    )
    expect($$(target, 'stakeholder-card').length).toBeLessThan(300)
    expect(nav.focus).toBeNull()
    unmount(app)
    vi.unstubAllGlobals()
  })

  test('"Checked in today" records a check-in with the note typed beside it', async () => {
    const s = stakeholder('Support', { cadence: 'weekly' })
    const { calls, target, app } = setup([s], {
      check_in: (a) => ({
        ...s,
        last_check_in: '2026-11-24',
        next_check_in: '2026-12-01',
        check_ins: [{ id: 'c1', date: '2026-11-24', note: a.note }],
      }),
    })
    await settle()
    expect($(target, 'check-in-note')).toBeNull()
    $(target, 'check-in-add-note')!.click()
    await settle()
    const note = $(target, 'check-in-note') as HTMLInputElement
    expect(document.activeElement).toBe(note)
    note.value = '  Demoed the new retry logic. '
    note.dispatchEvent(new Event('input', { bubbles: true }))
    $(target, 'check-in')!.click()
    await settle()
    expect(calls.find(([c]) => c === 'check_in')![1]).toEqual({
      stakeholderId: 'st-Support',
      date: null,
      note: 'Demoed the new retry logic.',
    })
    expect($(target, 'check-in-note')).toBeNull()
    expect($(target, 'stakeholder-next')!.textContent).toMatch(/^Next check-in 1 Dec/)
    expect($(target, 'check-in-item')!.textContent).toContain('Demoed the new retry logic.')
    unmount(app)
  })

  test('removing asks first and names the goals that name them', async () => {
    const { calls, target, app } = setup([stakeholder('CS', { goals: ['g1'] })], {
      stakeholder_removal_impact: () => ({ goals: ['Keep the onboarding API reliable during beta'], check_ins: 0, risks: [] }),
      remove_stakeholder: () => null,
    })
    await settle()
    $(target, 'remove-stakeholder')!.click()
    await settle()
    const dialog = document.querySelector('[role="alertdialog"]')!
    expect(dialog.textContent).toContain(
      '“Keep the onboarding API reliable during beta” names them; the link goes with them.',
    )
    expect(calls.some(([c]) => c === 'remove_stakeholder')).toBe(false)
    document.querySelector<HTMLButtonElement>('[data-testid="confirm-delete"]')!.click()
    await settle()
    expect(calls.find(([c]) => c === 'remove_stakeholder')![1]).toEqual({ id: 'st-CS' })
    expect($(target, 'stakeholders-empty')).not.toBeNull()
    unmount(app)
  })

  test('a card lists the open risks naming them, band in words; a click opens the risk', async () => {
    nav.area = 'stakeholders'
    nav.focus = null
    const cs = stakeholder('CS', {
      risks: [
        { id: 'r-churn', title: 'Beta customers churn', severity: 20, band: 'critical', status: 'open' },
        { id: 'r-swamp', title: 'Support is swamped', severity: 6, band: 'medium', status: 'mitigating' },
      ],
    })
    const { target, app } = setup([cs, stakeholder('Quiet')])
    await settle()
    const [card, quiet] = $$(target, 'stakeholder-card')
    const risks = $$(card, 'stakeholder-risk')
    expect(risks.map((r) => r.dataset.riskId)).toEqual(['r-churn', 'r-swamp'])
    expect(risks.map((r) => r.textContent!.replace(/\s+/g, ' ').trim())).toEqual([
      'Beta customers churn critical',
      'Support is swamped medium · mitigating',
    ])
    expect(risks[0].querySelector('.chip.bad')).not.toBeNull()
    expect(card.textContent).toContain('Open risks')
    // No open risks: nothing about them, the card stays calm.
    expect($$(quiet, 'stakeholder-risk')).toHaveLength(0)
    expect(quiet.textContent).not.toContain('Open risks')
    risks[1].click()
    expect(nav.area).toBe('risks')
    expect(nav.focus).toBe('r-swamp')
    unmount(app)
  })

  test('removing says which open risks will stop naming them', async () => {
    const { target, app } = setup([stakeholder('CS')], {
      stakeholder_removal_impact: () => ({ goals: [], check_ins: 0, risks: ['Beta customers churn'] }),
    })
    await settle()
    $(target, 'remove-stakeholder')!.click()
    await settle()
    expect(document.querySelector('[role="alertdialog"]')!.textContent).toContain(
      'The open risk “Beta customers churn” will no longer name them.',
    )
    unmount(app)
  })

  test('a refused edit shows beside its field and in the save status; Escape puts the saved text back', async () => {
    const { target, app } = setup([stakeholder('Support')], {
      edit_stakeholder: () => {
        throw { kind: 'invalid', message: 'A stakeholder name is required.', field: 'name' }
      },
    })
    await settle()
    const name = $(target, 'stakeholder-name')!
    name.querySelector<HTMLElement>('[role="button"]')!.click()
    await settle()
    const input = name.querySelector('input')!
    input.value = ''
    input.dispatchEvent(new Event('input', { bubbles: true }))
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }))
    await settle()
    expect(name.querySelector('[data-testid="field-error"]')!.textContent).toBe('A stakeholder name is required.')
    expect($(target, 'save-status')!.textContent!.trim()).toBe('Not saved: A stakeholder name is required.')
    expect($(target, 'stakeholder-card')!.dataset.name).toBe('Support')
    name.querySelector('input')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))
    await settle()
    expect(name.textContent).toBe('Support')
    expect($(target, 'save-status')!.dataset.state).toBe('idle')
    unmount(app)
  })

  test('an empty name is refused beside the add field', async () => {
    const { target, app } = setup([], {
      add_stakeholder: () => {
        throw { kind: 'invalid', message: 'A stakeholder name is required.', field: 'name' }
      },
    })
    await settle()
    $(target, 'add-stakeholder-submit')!.click()
    await settle()
    expect($(target, 'field-error')!.textContent).toBe('A stakeholder name is required.')
    expect($(target, 'add-stakeholder-input')!.getAttribute('aria-invalid')).toBe('true')
    unmount(app)
  })
})
