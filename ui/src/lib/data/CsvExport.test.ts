import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { flushSync, mount, unmount, type Component } from 'svelte'
import { mockIPC } from '@tauri-apps/api/mocks'
import RisksPage from '../risks/RisksPage.svelte'
import NotesView from '../compliance/NotesView.svelte'
import { pageOf, risk, viewOf } from '../risks/testdata'
import { fakeCore, inventoryRow, notesView, vendor } from '../compliance/notesTestdata'
import { projects } from '../projects/projects.svelte'
import { today } from '../assessments/dates'
import type { RiskQuery } from '../api/bindings'
import { project, settle } from '../../test/fixtures'

type Args = Record<string, unknown>
type Answers = Record<string, (a: Args) => unknown>

function setup(page: Component<{ projectId: string }>, core: (cmd: string, a: Args) => unknown, answers: Answers) {
  const calls: [string, Args][] = []
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Args
    calls.push([cmd, a])
    if (answers[cmd]) return answers[cmd](a)
    const out = core(cmd, a)
    if (out == null) throw `Command ${cmd} not found`
    return out
  })
  const target = document.body.appendChild(document.createElement('div'))
  const app = mount(page, { target, props: { projectId: 'p1' } })
  flushSync()
  const sent = (cmd: string) => calls.filter(([c]) => c === cmd).map(([, a]) => a)
  return { sent, target, app }
}

const $ = (root: ParentNode, id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`)

async function click(root: ParentNode, id: string) {
  $(root, id)!.click()
  await settle()
}

function risksCore(cmd: string, a: Args): unknown {
  const data = [risk('Vendor lock-in', { owner: 'Sam' }), risk('Vendor outage', { status: 'closed' }), risk('Outage')]
  const q = a.query as RiskQuery
  if (cmd === 'risks_view') return viewOf(data, q)
  if (cmd === 'list_risks') return pageOf(data, q)
  return null
}

const saveTo = (path: string | null): Answers => ({
  'plugin:dialog|save': () => path,
  export_csv: (a) => `${a.path}`,
  open_exported: () => null,
})

beforeEach(() => {
  projects.all = [project({ id: 'p1', name: 'Atlas/2' })]
})

afterEach(() => vi.restoreAllMocks())

describe('CSV export', () => {
  test('the Risks page sends the filter and search on screen, and says where the file went', async () => {
    const { sent, target, app } = setup(RisksPage, risksCore, saveTo('/home/pm/Atlas-2 – Risks.csv'))
    await settle()
    const search = $(target, 'risk-search') as HTMLInputElement
    search.value = 'vendor'
    search.dispatchEvent(new Event('input', { bubbles: true }))
    const status = $(target, 'risk-status-filter') as HTMLSelectElement
    status.value = 'all'
    status.dispatchEvent(new Event('change', { bubbles: true }))
    await settle()

    await click(target, 'export-csv')
    const options = sent('plugin:dialog|save')[0].options as Args
    expect(options.defaultPath).toBe('Atlas-2 – Risks.csv')
    expect(JSON.stringify(options.filters)).toContain('"csv"')
    const [args] = sent('export_csv')
    expect(args).toMatchObject({ projectId: 'p1', table: 'risks', path: '/home/pm/Atlas-2 – Risks.csv' })
    expect((args.filter as { risks: RiskQuery }).risks).toMatchObject({
      status: 'all',
      search: 'vendor',
      sort: 'severity',
      offset: 0,
    })
    // Exactly what the list asked for, so the file holds the rows on screen (every page of them).
    expect((args.filter as { risks: RiskQuery }).risks).toEqual(sent('list_risks').at(-1)!.query)
    expect(args.filter).not.toHaveProperty('agenda_days')

    const result = $(target, 'export-csv-result')!
    expect(result.textContent).toBe('Saved to Atlas-2 – Risks.csv')
    expect(result.getAttribute('title')).toBe('/home/pm/Atlas-2 – Risks.csv')
    await click(target, 'open-export-csv')
    expect(sent('open_exported')).toEqual([{ path: '/home/pm/Atlas-2 – Risks.csv' }])
    unmount(app)
  })

  test('a cancelled save dialog writes nothing; a refused write shows why', async () => {
    let path: string | null = null
    const { sent, target, app } = setup(RisksPage, risksCore, {
      'plugin:dialog|save': () => path,
      export_csv: () => {
        throw { kind: 'io', message: 'file error: Permission denied (os error 13)' }
      },
    })
    await settle()
    await click(target, 'export-csv')
    expect(sent('export_csv')).toEqual([])
    expect($(target, 'field-error')).toBeNull()
    path = '/ro/x.csv'
    await click(target, 'export-csv')
    expect($(target, 'field-error')!.textContent).toBe('file error: Permission denied (os error 13)')
    unmount(app)
  })

  test('the compliance notes export vendors and the data inventory, each its own table', async () => {
    const state = { notes: notesView({ vendors: [vendor('Stripe')], data_inventory: [inventoryRow('Emails')] }), reviews: [] }
    const { sent, target, app } = setup(NotesView, fakeCore(state, today()), saveTo('/home/pm/out.csv'))
    await settle()
    await click(target, 'export-csv-vendors')
    await click(target, 'export-csv-inventory')
    expect(sent('plugin:dialog|save').map((a) => (a.options as Args).defaultPath)).toEqual([
      'Atlas-2 – Vendors.csv',
      'Atlas-2 – Data inventory.csv',
    ])
    expect(sent('export_csv')).toEqual([
      { projectId: 'p1', table: 'vendors', filter: {}, path: '/home/pm/out.csv' },
      { projectId: 'p1', table: 'inventory', filter: {}, path: '/home/pm/out.csv' },
    ])
    expect($(target, 'export-csv-inventory-result')!.textContent).toBe('Saved to out.csv')
    unmount(app)
  })
})
