import { beforeEach, describe, expect, test, vi } from 'vitest'
import { flushSync, mount, unmount } from 'svelte'
import { mockIPC } from '@tauri-apps/api/mocks'
import type { PaletteProject } from '../api/bindings'
import CommandPalette from './CommandPalette.svelte'
import OfferActions from '../../test/OfferActions.svelte'
import { project, settle } from '../../test/fixtures'
import { projects } from '../projects/projects.svelte'
import { nav } from '../projects/nav.svelte'

const INDEX: PaletteProject[] = [
  {
    id: 'p1',
    name: 'LaunchPad – v0 Readiness',
    archived: false,
    pillars: [{ id: 'pl1', name: 'Reliability' }],
    goals: [{ id: 'g1', name: 'Keep the onboarding API reliable during beta' }],
    stakeholders: [{ id: 's1', name: 'Customer success lead' }],
    risks: [{ id: 'r1', name: 'An integration spikes traffic' }],
    regulations: [{ id: 'builtin-gdpr', name: 'GDPR · General Data Protection Regulation (EU)' }],
  },
  {
    id: 'p2',
    name: 'Atlas',
    archived: true,
    pillars: [],
    goals: [],
    stakeholders: [],
    risks: [{ id: 'r2', name: 'Résumé parser fails after an upgrade' }],
    regulations: [],
  },
]

function setup(actions = [{ id: 'record-assessment', label: 'Record assessment', run: vi.fn() }]) {
  mockIPC((cmd) => {
    if (cmd === 'palette_index') return INDEX
    throw `Command ${cmd} not found`
  })
  projects.all = [project(), project({ id: 'p2', name: 'Atlas', archived: true })]
  projects.select('p1')
  const outside = document.body.appendChild(document.createElement('button'))
  outside.textContent = 'Before'
  outside.focus()
  const offerHost = document.body.appendChild(document.createElement('div'))
  const offer = mount(OfferActions, { target: offerHost, props: { actions } })
  const onclose = vi.fn()
  const target = document.body.appendChild(document.createElement('div'))
  const app = mount(CommandPalette, { target, props: { onclose } })
  flushSync()
  const input = target.querySelector<HTMLInputElement>('[data-testid="palette-input"]')!
  const type = async (text: string) => {
    input.value = text
    input.dispatchEvent(new Event('input', { bubbles: true }))
    flushSync()
    await settle()
  }
  const key = (k: string) => {
    input.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }))
    flushSync()
  }
  const options = () => [...target.querySelectorAll<HTMLElement>('[role="option"]')]
  const done = () => {
    unmount(app)
    unmount(offer)
  }
  return { target, input, type, key, options, onclose, outside, actions, done }
}

beforeEach(() => {
  nav.area = 'scorecard'
  nav.focus = null
})

describe('CommandPalette', () => {
  test('opens on the input, a combobox over a grouped listbox, with the rest of the page inert', async () => {
    const { target, input, options, outside, done } = setup()
    await settle()
    expect(document.activeElement).toBe(input)
    expect(input.getAttribute('role')).toBe('combobox')
    const list = target.querySelector('[role="listbox"]')!
    expect(input.getAttribute('aria-controls')).toBe(list.id)
    expect(outside.closest('[inert]')).not.toBeNull()
    // Nothing typed: the page's actions, the pages of the open project, the projects.
    const groups = [...target.querySelectorAll<HTMLElement>('[data-testid="palette-group"]')].map((g) => g.dataset.kind)
    expect(groups).toEqual(['action', 'page', 'project'])
    expect(options()[0].textContent).toContain('Record assessment')
    expect(options()[0].getAttribute('aria-selected')).toBe('true')
    expect(input.getAttribute('aria-activedescendant')).toBe(options()[0].id)
    done()
  })

  test('finds an item by a fragment, names its project, and Enter opens its page on it', async () => {
    const { type, key, options, onclose, target, done } = setup()
    await type('spikes')
    const found = options()
    expect(found).toHaveLength(1)
    expect(found[0].dataset.kind).toBe('risk')
    expect(found[0].textContent).toContain('An integration spikes traffic')
    expect(found[0].textContent).toContain('LaunchPad – v0 Readiness')
    expect(found[0].querySelector('mark')!.textContent).toBe('spikes')
    expect(target.querySelector('[data-testid="palette-status"]')!.textContent).toContain('1 result')
    key('Enter')
    await settle()
    expect(onclose).toHaveBeenCalled()
    expect(nav.area).toBe('risks')
    expect(nav.focus).toBe('r1')
    done()
  })

  test('an item in another project opens that project; accents do not matter', async () => {
    const { type, key, options, done } = setup()
    await type('resume')
    expect(options()[0].textContent).toContain('Atlas')
    key('Enter')
    await settle()
    expect(projects.selectedId).toBe('p2')
    expect(nav.area).toBe('risks')
    expect(nav.focus).toBe('r2')
    done()
  })

  test('arrows move the active option (wrapping); Enter runs an action the page offers', async () => {
    const run = vi.fn()
    const { type, key, options, input, done } = setup([
      { id: 'record-assessment', label: 'Record assessment', run },
      { id: 'add-risk', label: 'Add a risk', run: vi.fn() },
    ])
    await type('re')
    const first = options()[0]
    key('ArrowUp')
    expect(options().at(-1)!.getAttribute('aria-selected')).toBe('true')
    key('ArrowDown')
    expect(first.getAttribute('aria-selected')).toBe('true')
    await type('record')
    expect(input.getAttribute('aria-activedescendant')).toBe(options()[0].id)
    expect(options()[0].dataset.key).toBe('action:record-assessment')
    key('Enter')
    await settle()
    expect(run).toHaveBeenCalledOnce()
    done()
  })

  test('Escape closes; Tab stays in the input; a miss says so', async () => {
    const { type, key, input, onclose, target, done } = setup()
    await type('zzzz')
    expect(target.querySelector('[data-testid="palette-status"]')!.textContent).toContain('Nothing matches “zzzz”.')
    const tab = new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true })
    input.dispatchEvent(tab)
    expect(tab.defaultPrevented).toBe(true)
    expect(document.activeElement).toBe(input)
    key('Escape')
    expect(onclose).toHaveBeenCalledOnce()
    done()
  })

  test('a name is drawn as text, never as HTML', async () => {
    INDEX[1].risks.push({ id: 'r3', name: '<img src=x onerror=alert(1)> leak' })
    const { type, options, done } = setup()
    await type('leak')
    expect(options()[0].querySelector('img')).toBeNull()
    expect(options()[0].textContent).toContain('<img src=x onerror=alert(1)>')
    INDEX[1].risks.pop()
    done()
  })
})
