import { describe, expect, test, vi } from 'vitest'
import { flushSync, mount, unmount } from 'svelte'
import { mockIPC } from '@tauri-apps/api/mocks'
import CompliancePage from './CompliancePage.svelte'
import { FakeCore } from './scanTestdata'
import { settle } from '../../test/fixtures'
import { goTo, nav } from '../projects/nav.svelte'

// The Notes and History views have their own tests; here they only say which project they got.
const shown: string[] = []
vi.mock('./NotesView.svelte', () => ({ default: (_: unknown, p: { projectId: string }) => shown.push(`notes ${p.projectId}`) }))
vi.mock('./HistoryView.svelte', () => ({
  default: (_: unknown, p: { projectId: string }) => shown.push(`history ${p.projectId}`),
}))

const $ = (root: ParentNode, id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`)
const selected = (root: ParentNode) =>
  Array.from(root.querySelectorAll<HTMLElement>('[role="tab"]'))
    .filter((t) => t.getAttribute('aria-selected') === 'true')
    .map((t) => t.dataset.testid)

function key(el: HTMLElement, k: string) {
  el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }))
}

describe('CompliancePage', () => {
  test('says once that it is not legal advice; the views switch by click and arrow keys and stay picked', async () => {
    const core = new FakeCore()
    mockIPC((cmd, args) => core.handle(cmd, (args ?? {}) as Record<string, unknown>))
    const target = document.body.appendChild(document.createElement('div'))
    const app = mount(CompliancePage, { target, props: { projectId: 'p1' } })
    await settle()
    expect($(target, 'compliance-page')).not.toBeNull()
    expect($(target, 'compliance-disclaimer')!.textContent).toContain('not legal advice')
    expect(target.textContent!.match(/legal advice/g)).toHaveLength(1)
    expect(selected(target)).toEqual(['compliance-view-scan'])
    expect($(target, 'compliance-scan')).not.toBeNull()
    expect($(target, 'compliance-view-scan')!.tabIndex).toBe(0)
    expect($(target, 'compliance-view-notes')!.tabIndex).toBe(-1)

    $(target, 'compliance-view-notes')!.click()
    flushSync()
    expect(selected(target)).toEqual(['compliance-view-notes'])
    expect(shown.at(-1)).toBe('notes p1')
    expect($(target, 'compliance-scan')).toBeNull()

    key($(target, 'compliance-view-notes')!, 'ArrowRight')
    flushSync()
    expect(selected(target)).toEqual(['compliance-view-history'])
    expect(document.activeElement).toBe($(target, 'compliance-view-history'))
    expect(shown.at(-1)).toBe('history p1')
    key($(target, 'compliance-view-history')!, 'ArrowRight')
    flushSync()
    expect(selected(target)).toEqual(['compliance-view-scan'])
    key($(target, 'compliance-view-scan')!, 'ArrowLeft')
    flushSync()
    expect(selected(target)).toEqual(['compliance-view-history'])
    unmount(app)

    // Opened again (another project, or back from another area): the History view is still picked.
    const again = mount(CompliancePage, { target, props: { projectId: 'p2' } })
    flushSync()
    expect(selected(target)).toEqual(['compliance-view-history'])
    expect(shown.at(-1)).toBe('history p2')
    key($(target, 'compliance-view-history')!, 'Home')
    flushSync()
    expect(selected(target)).toEqual(['compliance-view-scan'])
    unmount(again)
  })

  test('opened from an Agenda item, it shows the view holding the row: Notes for the notes or a vendor, Scan for a scan row', async () => {
    const core = new FakeCore()
    mockIPC((cmd, args) => core.handle(cmd, (args ?? {}) as Record<string, unknown>))
    const target = document.body.appendChild(document.createElement('div'))
    for (const [kind, view] of [
      ['vendor_recheck', 'notes'],
      ['compliance_review', 'scan'],
      ['notes_review', 'notes'],
    ] as const) {
      goTo('compliance', 'row-1', kind)
      const app = mount(CompliancePage, { target, props: { projectId: 'p1' } })
      flushSync()
      expect(selected(target)).toEqual([`compliance-view-${view}`])
      unmount(app)
    }
    nav.focus = null
    nav.area = 'scorecard'
  })
})
