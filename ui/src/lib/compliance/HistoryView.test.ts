import { afterEach, describe, expect, test, vi } from 'vitest'
import { flushSync, mount, unmount } from 'svelte'
import { mockIPC } from '@tauri-apps/api/mocks'
import type { Review } from '../api/bindings'
import HistoryView from './HistoryView.svelte'
import { fakeCore, notesView, review } from './notesTestdata'
import { settle } from '../../test/fixtures'
import { today as localToday } from '../assessments/dates'

type Args = Record<string, unknown>

function setup(reviews: Review[]) {
  const calls: [string, Args][] = []
  const core = fakeCore({ notes: notesView(), reviews }, localToday())
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Args
    calls.push([cmd, a])
    const out = core(cmd, a)
    if (out === null) throw `Command ${cmd} not found`
    return out
  })
  const target = document.body.appendChild(document.createElement('div'))
  const app = mount(HistoryView, { target, props: { projectId: 'p1' } })
  flushSync()
  const sent = (cmd: string) => calls.filter(([c]) => c === cmd).map(([, a]) => a)
  return { calls, sent, target, app }
}

const $ = (root: ParentNode, id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`)
const $$ = (root: ParentNode, id: string) => Array.from(root.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`))

function type(input: HTMLElement, value: string) {
  ;(input as HTMLInputElement).value = value
  input.dispatchEvent(new Event('input', { bubbles: true }))
}

const ANA = review('r1', '2025-11-12', 'Ana', { findings: 'Logged GDPR trigger; scheduled DPA signing' })
const OLD = review('r0', '2025-06-01', 'Bohdan', { findings: 'First pass' })

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})

describe('HistoryView', () => {
  test('“Record review” sends date, reviewer and findings; the entry comes first', async () => {
    const { target, app, sent } = setup([ANA, OLD])
    await settle()
    expect(($(target, 'review-date') as HTMLInputElement).value).toBe(localToday())
    type($(target, 'review-reviewer')!, 'Chen')
    type($(target, 'review-findings')!, 'Signed the DPA with Stripe')
    $(target, 'review-submit')!.click()
    await settle()
    expect(sent('record_review')).toEqual([
      { projectId: 'p1', new: { date: localToday(), reviewer: 'Chen', findings: 'Signed the DPA with Stripe' } },
    ])
    const entries = $$(target, 'review-entry')
    expect(entries).toHaveLength(3)
    expect(entries[0].textContent).toContain('Chen')
    expect(entries[0].textContent).toContain('Signed the DPA with Stripe')
    expect(entries.slice(1).map((e) => e.dataset.id)).toEqual(['r1', 'r0'])
    unmount(app)
  })

  test('a review without a reviewer is refused beside the field', async () => {
    const { target, app } = setup([])
    await settle()
    expect(target.textContent).toContain('No reviews recorded yet.')
    $(target, 'review-submit')!.click()
    await settle()
    const field = $(target, 'review-reviewer')!
    expect(field.getAttribute('aria-invalid')).toBe('true')
    expect($(field.parentElement!, 'field-error')!.textContent).toBe('A reviewer is required.')
    expect($$(target, 'review-entry')).toHaveLength(0)
    unmount(app)
  })

  test('entries have no edit or delete; “Correct…” records a later entry that names the earlier', async () => {
    const { target, app, sent } = setup([ANA, OLD])
    await settle()
    expect(target.textContent).toContain('Entries cannot be changed or removed')
    for (const e of $$(target, 'review-entry')) {
      expect(e.querySelector('input, textarea, select, [contenteditable]')).toBeNull()
      expect(Array.from(e.querySelectorAll('button')).map((b) => b.dataset.testid)).toEqual(['review-correct'])
      expect(e.textContent).not.toMatch(/Edit|Delete|Remove/)
    }
    expect(target.querySelectorAll('[role="button"]')).toHaveLength(0)

    $($$(target, 'review-entry')[0], 'review-correct')!.click()
    await settle()
    expect($(target, 'review-correcting')!.textContent).toContain('Corrects the entry of 12 Nov 2025 by Ana')
    expect(document.activeElement).toBe($(target, 'review-reviewer'))
    type($(target, 'review-reviewer')!, 'Bohdan')
    type($(target, 'review-findings')!, 'The DPA was signed on 14 Nov, not scheduled')
    $(target, 'review-submit')!.click()
    await settle()
    expect(sent('record_review')[0]).toEqual({
      projectId: 'p1',
      new: { date: localToday(), reviewer: 'Bohdan', findings: 'The DPA was signed on 14 Nov, not scheduled', corrects: 'r1' },
    })
    const [fix, earlier] = $$(target, 'review-entry')
    expect(fix.dataset.corrects).toBe('r1')
    expect($(fix, 'review-corrects')!.textContent).toBe('Corrects the entry of 12 Nov 2025 by Ana')
    expect(earlier.dataset.id).toBe('r1')
    expect(earlier.dataset.corrected).toBe('true')
    expect($(earlier, 'review-corrected')!.textContent).toMatch(/^Corrected on \d{1,2} [A-Z][a-z]{2}( \d{4})? by Bohdan$/)
    // The earlier entry is as it was.
    expect(earlier.textContent).toContain('Logged GDPR trigger; scheduled DPA signing')
    // The form is back to a plain review.
    expect($(target, 'review-correcting')).toBeNull()
    unmount(app)
  })

  test('1,000 entries paint 30, then more as the end nears; the view is marked ready', async () => {
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
    const many = Array.from({ length: 1000 }, (_, i) => review(`r${i}`, '2025-01-01', `Reviewer ${i}`))
    const { target, app } = setup(many)
    await settle()
    expect($$(target, 'review-entry')).toHaveLength(30)
    expect(target.textContent).toContain('Showing 30 of 1,000 entries')
    await new Promise((r) => requestAnimationFrame(r))
    expect(marks).toHaveBeenCalledWith('northstar:compliance-history-ready', { detail: 'p1' })
    observers.at(-1)!([{ isIntersecting: true } as IntersectionObserverEntry], {} as IntersectionObserver)
    await settle()
    expect($$(target, 'review-entry')).toHaveLength(70)
    unmount(app)
  })
})
