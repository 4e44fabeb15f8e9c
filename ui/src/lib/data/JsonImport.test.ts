import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { flushSync, mount, unmount } from 'svelte'
import { mockIPC } from '@tauri-apps/api/mocks'
import type { JsonImportOptions, JsonImportPreview, JsonImportReport } from '../api/bindings'
import WorkspaceDialog from './WorkspaceDialog.svelte'
import { RENAME_DELAY } from './jsonImport.svelte'
import { projects } from '../projects/projects.svelte'
import { agendaMode } from '../agenda/mode.svelte'
import { project, settle } from '../../test/fixtures'

type Args = Record<string, unknown> & { path: string; options: JsonImportOptions }
type Answers = Record<string, (a: Args) => unknown>

const FILE = '/home/pm/Atlas.json'
const TABLES = [
  { table: 'projects', rows: 1 },
  { table: 'pillars', rows: 8 },
  { table: 'risk_goals', rows: 3 },
]
const TAKEN = ['atlas', 'atlas (copy)']

/** The core's preview over a workspace holding the projects named in TAKEN. */
function preview(options: JsonImportOptions, over: Partial<JsonImportPreview> = {}): JsonImportPreview {
  const name = options.rename ?? 'Atlas'
  return {
    projects: [{ id: 'f1', name }],
    name_clashes: TAKEN.includes(name.toLowerCase()) ? [name] : [],
    ids_present: false,
    tables: TABLES,
    ...over,
  }
}

function report(options: JsonImportOptions): JsonImportReport {
  return {
    projects: [{ id: 'p-new', name: options.rename ?? 'Atlas' }],
    tables: TABLES,
    regulations_added: 1,
    history: 0,
    remapped: options.remap_ids,
  }
}

function setup(answers: Answers) {
  const calls: [string, Args][] = []
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Args
    calls.push([cmd, a])
    if (answers[cmd]) return answers[cmd](a)
    if (cmd === 'list_backups') return []
    if (cmd === 'plugin:dialog|open') return FILE
    if (cmd === 'list_projects') return [...projects.all, project({ id: 'p-new', name: 'Imported' })]
    if (cmd === 'agenda_due_counts') return {}
    throw `Command ${cmd} not found`
  })
  const onclose = vi.fn()
  const target = document.body.appendChild(document.createElement('div'))
  const app = mount(WorkspaceDialog, { target, props: { onclose } })
  flushSync()
  const sent = (cmd: string) => calls.filter(([c]) => c === cmd).map(([, a]) => a)
  return { sent, onclose, app }
}

const $ = <T extends HTMLElement = HTMLButtonElement>(id: string) => document.querySelector<T>(`[data-testid="${id}"]`)
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function click(id: string) {
  $(id)!.click()
  await settle()
}

function type(value: string) {
  const input = $<HTMLInputElement>('json-rename')!
  input.value = value
  input.dispatchEvent(new Event('input', { bubbles: true }))
  flushSync()
}

beforeEach(() => {
  projects.all = [project({ id: 'p1', name: 'Atlas' }), project({ id: 'p2', name: 'Atlas (copy)' })]
  projects.select('p1')
  agendaMode.open = false
})

afterEach(() => vi.restoreAllMocks())

describe('JSON import', () => {
  test('previews the file: its project and rows per table, folded away', async () => {
    const { sent, app } = setup({ preview_json_import: () => preview({ remap_ids: false }, { projects: [{ id: 'f1', name: 'Borealis' }], name_clashes: [] }) })
    await click('import-json')
    const options = sent('plugin:dialog|open')[0].options as Record<string, unknown>
    expect(options.multiple).toBe(false)
    expect(JSON.stringify(options.filters)).toContain('"json"')
    expect(sent('preview_json_import')).toEqual([{ path: FILE, options: { remap_ids: false } }])
    expect($('json-totals')!.textContent).toBe('The file holds “Borealis”: 12 rows in 3 tables.')
    const details = $('json-preview')!.querySelector('details')!
    expect(details.open).toBe(false)
    expect(Array.from(details.querySelectorAll('li')).map((l) => l.textContent)).toEqual([
      'projects1 row',
      'scorecard pillars8 rows',
      'risk–goal links3 rows',
    ])
    expect($('json-rename')).toBeNull()
    expect($('json-remap-note')).toBeNull()
    expect($('json-apply')!.disabled).toBe(false)
    unmount(app)
  })

  test('a taken name asks for another, checked as it is typed; Import waits for a free one', async () => {
    const { sent, app } = setup({ preview_json_import: (a) => preview(a.options) })
    await click('import-json')
    // "Atlas (copy)" is offered, and taken too.
    const input = $<HTMLInputElement>('json-rename')!
    expect(input.value).toBe('Atlas (copy)')
    expect(document.querySelector(`label[for="${input.id}"]`)!.textContent).toBe('Import as')
    expect(sent('preview_json_import').map((a) => a.options.rename)).toEqual([undefined, 'Atlas (copy)'])
    expect($('json-rename-status')!.textContent).toContain(
      'A project called “Atlas (copy)” is already in this workspace. Choose another name.',
    )
    expect($('json-apply')!.disabled).toBe(true)

    // Typing checks once, after a pause; until the answer, Import stays off.
    type('Atlas 2')
    type('Atlas 26')
    expect($('json-rename-status')!.textContent).toContain('Checking the name…')
    expect($('json-apply')!.disabled).toBe(true)
    await settle()
    expect(sent('preview_json_import')).toHaveLength(2)
    await wait(RENAME_DELAY + 50)
    await settle()
    expect(sent('preview_json_import').map((a) => a.options.rename)).toEqual([undefined, 'Atlas (copy)', 'Atlas 26'])
    expect($('json-totals')!.textContent).toContain('“Atlas 26”')
    expect($('json-rename-status')!.textContent).toContain('No project here has this name')
    expect($('json-apply')!.disabled).toBe(false)

    // Back to a taken name: off again.
    type('atlas')
    await wait(RENAME_DELAY + 50)
    await settle()
    expect($('json-apply')!.disabled).toBe(true)
    unmount(app)
  })

  test('rows already here are remapped, said in words; the import sends it and opens the project', async () => {
    const { sent, onclose, app } = setup({
      preview_json_import: (a) => preview(a.options, { ids_present: true, projects: [{ id: 'f1', name: 'Imported' }], name_clashes: [] }),
      import_json: (a) => report({ ...a.options, rename: 'Imported' }),
    })
    const version = projects.version
    await click('import-json')
    expect($('json-remap-note')!.textContent).toContain(
      'These rows are already in this workspace (imported before); they will get new ids.',
    )
    await click('json-apply')
    expect(sent('import_json')).toEqual([{ path: FILE, options: { remap_ids: true } }])
    expect($('json-preview')).toBeNull()
    expect($('json-summary')!.textContent!.trim()).toBe('Imported “Imported”: 12 rows, with new ids.')
    expect($('json-report')!.textContent).toContain('1 regulation added to the library.')
    expect(sent('list_projects')).toHaveLength(1)
    expect(projects.version).toBe(version + 1)
    expect(document.activeElement).toBe($('json-open'))

    await click('json-open')
    expect(projects.selectedId).toBe('p-new')
    expect(onclose).toHaveBeenCalledTimes(1)
    unmount(app)
  })

  test('the renamed import sends the new name', async () => {
    const { sent, app } = setup({
      preview_json_import: (a) => preview(a.options),
      import_json: (a) => report(a.options),
    })
    await click('import-json')
    type('Imported')
    await wait(RENAME_DELAY + 50)
    await settle()
    await click('json-apply')
    expect(sent('import_json')).toEqual([{ path: FILE, options: { rename: 'Imported', remap_ids: false } }])
    expect($('json-summary')!.textContent!.trim()).toBe('Imported “Imported”: 12 rows.')
    unmount(app)
  })

  test('a name taken after the preview: the refusal shows, and the preview now asks for another', async () => {
    let taken = false
    const { sent, app } = setup({
      preview_json_import: (a) =>
        preview(a.options, {
          projects: [{ id: 'f1', name: a.options.rename ?? 'Caspian' }],
          name_clashes: taken && !a.options.rename ? ['Caspian'] : [],
        }),
      import_json: () => {
        taken = true
        throw { kind: 'conflict', message: 'A project called “Caspian” is already in this workspace.' }
      },
    })
    await click('import-json')
    await click('json-apply')
    expect($('field-error')!.textContent).toBe('A project called “Caspian” is already in this workspace.')
    expect(sent('preview_json_import').map((a) => a.options.rename)).toEqual([undefined, undefined, 'Caspian (copy)'])
    expect($<HTMLInputElement>('json-rename')!.value).toBe('Caspian (copy)')
    expect($('json-rename-status')!.textContent).toContain('No project here has this name')
    expect($('json-apply')!.disabled).toBe(false)
    unmount(app)
  })

  test('a malformed file shows the core message, with no preview', async () => {
    const { app } = setup({
      preview_json_import: () => {
        throw { kind: 'invalid', field: 'file', message: `${FILE}: line 3: expected a value, found “}”.` }
      },
    })
    await click('import-json')
    expect($('field-error')!.textContent).toBe(`${FILE}: line 3: expected a value, found “}”.`)
    expect($('json-preview')).toBeNull()
    unmount(app)
  })

  test('a file with several projects, one taken, cannot be renamed and says so', async () => {
    const { app } = setup({
      preview_json_import: (a) =>
        preview(a.options, { projects: [{ id: 'f1', name: 'Atlas' }, { id: 'f2', name: 'Borealis' }], name_clashes: ['Atlas'] }),
    })
    await click('import-json')
    expect($('json-totals')!.textContent).toBe('The file holds 2 projects: “Atlas” and “Borealis”: 12 rows in 3 tables.')
    expect($('json-rename')).toBeNull()
    expect($('json-clash')!.textContent).toContain('Already in this workspace: “Atlas”.')
    expect($('json-apply')!.disabled).toBe(true)
    unmount(app)
  })
})
