import { afterEach, beforeEach, describe, expect, test, vi, type MockInstance } from 'vitest'
import { flushSync, mount, unmount } from 'svelte'
import { mockIPC } from '@tauri-apps/api/mocks'
import WorkspaceDialog from './WorkspaceDialog.svelte'
import Shell from '../app/Shell.svelte'
import { page, restoredHere } from './reload.svelte'
import { projects } from '../projects/projects.svelte'
import { agendaMode } from '../agenda/mode.svelte'
import { today } from '../assessments/dates'
import { project, settle } from '../../test/fixtures'
import {
  DIR,
  backupFile,
  backupInfo,
  checkReport,
  importPlan,
  importReport,
  restoreReport,
  table,
} from './testdata'

type Answers = Record<string, (a: Record<string, unknown>) => unknown>

const day = today()
const OLDER = backupFile('northstar-2025-11-20-080000.db', '2025-11-20T08:00:00', {
  kind: 'before_restore',
  name: 'northstar-2025-11-20-080000-before-restore.db',
})
const NEWER = backupFile('northstar-today-091200.db', `${day}T09:12:00`)

function setup(answers: Answers = {}) {
  const calls: [string, Record<string, unknown>][] = []
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>
    calls.push([cmd, a])
    if (answers[cmd]) return answers[cmd](a)
    if (cmd === 'list_backups') return [OLDER]
    throw `Command ${cmd} not found`
  })
  const onclose = vi.fn()
  const target = document.body.appendChild(document.createElement('div'))
  const app = mount(WorkspaceDialog, { target, props: { onclose } })
  flushSync()
  const called = (cmd: string) => calls.filter(([c]) => c === cmd).map(([, a]) => a)
  return { calls, called, onclose, target, app }
}

const $ = <T extends HTMLElement = HTMLButtonElement>(id: string) =>
  document.querySelector<T>(`[data-testid="${id}"]`)
const $$ = (id: string) => Array.from(document.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`))

async function click(id: string, i = 0) {
  $$(id)[i].click()
  await settle()
}

let reload: MockInstance<() => void>

beforeEach(() => {
  restoredHere.value = false
  reload = vi.spyOn(page, 'reload').mockImplementation(() => {})
  projects.all = [project({ id: 'p1', name: 'Atlas' }), project({ id: 'p2', name: 'Borealis' })]
  projects.select('p1')
  agendaMode.open = false
})

afterEach(() => vi.restoreAllMocks())

describe('backups', () => {
  test('back up now says what was saved, and the list shows the new backup', async () => {
    let list = [OLDER]
    const { app } = setup({
      list_backups: () => list,
      backup_now: () => {
        list = [NEWER, OLDER]
        return backupInfo()
      },
    })
    await settle()
    expect($$('backup-row')).toHaveLength(1)
    const older = $$('backup-row')[0]
    expect(older.textContent).toContain('20 Nov 2025 08:00')
    expect(older.textContent).toContain('before restore')
    expect(older.textContent).toContain('0.5 MB')

    await click('backup-now')
    const status = $('backup-status')!
    expect(status.getAttribute('role')).toBe('status')
    expect(status.textContent!.trim()).toBe('Backed up: 3 projects, 24 pillars, 5 goals, 6 risks (0.5 MB).')
    const rows = $$('backup-row')
    expect(rows).toHaveLength(2)
    expect(rows[0].textContent).toContain('Today 09:12')
    expect(rows[0].textContent).not.toContain('before restore')
    unmount(app)
  })

  test('restoring asks first; a refused file shows why and changes nothing', async () => {
    const { called, app } = setup({
      restore_backup: () => {
        throw { kind: 'refused', message: 'This file is not a Northstar workspace.' }
      },
    })
    await settle()
    await click('restore-backup')
    const confirm = document.querySelector('[role="alertdialog"]')!
    expect(confirm.textContent).toContain(
      'Replace the whole workspace with the backup from 20 Nov 2025 08:00? The workspace as it is now is backed up first.',
    )
    expect(called('restore_backup')).toEqual([])

    await click('confirm-restore')
    expect(called('restore_backup')).toEqual([{ path: OLDER.path }])
    expect(confirm.querySelector('[data-testid="field-error"]')!.textContent).toBe(
      'This file is not a Northstar workspace.',
    )
    expect($('restore-summary')).toBeNull()
    expect($$('backup-row')).toHaveLength(1)
    expect(restoredHere.value).toBe(false)
    expect(reload).not.toHaveBeenCalled()
    unmount(app)
  })

  test('a restored file shows what came back, and every way out reloads the window', async () => {
    const { called, onclose, app } = setup({
      'plugin:dialog|open': () => '/home/pm/Desktop/old workspace.db',
      restore_backup: (a) => restoreReport(a.path as string),
    })
    await settle()
    await click('restore-file')
    const options = called('plugin:dialog|open')[0].options as Record<string, unknown>
    expect(options.defaultPath).toBe(DIR)
    expect(JSON.stringify(options.filters)).toContain('"db"')
    expect(document.querySelector('[role="alertdialog"]')!.textContent).toContain('the backup from “old workspace.db”?')

    await click('confirm-restore')
    expect(called('restore_backup')).toEqual([{ path: '/home/pm/Desktop/old workspace.db' }])
    const summary = $('restore-summary')!
    expect(summary.textContent).toContain('Restored from old workspace.db, brought up to date from schema 7.')
    expect(summary.textContent).toContain('The workspace now holds 2 projects.')
    expect(summary.textContent).toContain('pillars24')
    expect(summary.textContent).not.toContain('history entries')
    expect($('restore-before')!.textContent).toBe(`${DIR}northstar-2026-11-25-091500-before-restore.db`)
    expect($('backup-now')).toBeNull()
    expect(document.activeElement).toBe($('restore-reload'))
    expect(restoredHere.value).toBe(true)

    await click('restore-reload')
    expect(reload).toHaveBeenCalledTimes(1)
    $('workspace-dialog')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))
    expect(reload).toHaveBeenCalledTimes(2)
    expect(onclose).not.toHaveBeenCalled()
    unmount(app)
  })

  test('a cancelled file dialog asks nothing', async () => {
    const { called, app } = setup({ 'plugin:dialog|open': () => null })
    await settle()
    await click('restore-file')
    expect(document.querySelector('[role="alertdialog"]')).toBeNull()
    expect(called('restore_backup')).toEqual([])
    unmount(app)
  })
})

describe('check', () => {
  test('lists each result with its verdict in words', async () => {
    const { app } = setup({ check_workspace: () => checkReport() })
    await click('check-workspace')
    const items = $$('check-item')
    expect(items.map((i) => i.textContent!.replace(/\s+/g, ' ').trim())).toEqual([
      'OK Integrity The database passed SQLite’s integrity check.',
      'OK Foreign keys Every link points at a row that exists.',
      'Problem Newest backup northstar-2026-11-24.db could not be opened: file is not a database',
    ])
    expect(document.querySelector('[data-testid="workspace-dialog"]')!.textContent).toContain('1 problem found.')
    unmount(app)
  })
})

describe('import', () => {
  function importing(answers: Answers = {}) {
    return setup({
      'plugin:dialog|open': () => ['/home/pm/readiness.md', '/home/pm/notes.md'],
      plan_markdown_import: () => importPlan(),
      list_projects: () => [...projects.all, project({ id: 'p-new', name: 'Caspian' })],
      agenda_due_counts: () => ({}),
      ...answers,
    })
  }

  test('the preview lists each table, what it becomes, and its skipped rows and unknown columns', async () => {
    const { called, app } = importing()
    await click('import-markdown')
    const options = called('plugin:dialog|open')[0].options as Record<string, unknown>
    expect(options.multiple).toBe(true)
    expect(JSON.stringify(options.filters)).toContain('"markdown"')
    expect(called('plan_markdown_import')).toEqual([{ paths: ['/home/pm/readiness.md', '/home/pm/notes.md'] }])

    expect($('import-totals')!.textContent).toBe('2 rows to create, 1 skipped, from 2 tables.')
    const [first, second] = $$('import-table')
    const text = (el: Element) => el.textContent!.replace(/\s+/g, ' ')
    expect(text(first)).toContain('readiness.md:3')
    expect(text(first)).toContain('Production Readiness › Scorecard')
    expect(text(first)).toContain('→ becomes scorecard pillars')
    expect(text(first)).toContain('2 to create, 1 skipped')
    expect(first.querySelector('summary')!.textContent).toBe('1 skipped row, 1 column not recognised, 1 remark')
    expect(first.querySelector('[data-testid="import-skipped"]')!.textContent).toBe(
      'Line 7, Pillar X: The score “seven” is not a number from 1 to 5.',
    )
    expect(first.querySelector('[data-testid="import-unrecognised"]')!.textContent).toBe('“Trend”')
    expect(text(first)).toContain('Line 5, Reliability: status “In progress” read as score 3 of target 4')
    expect(text(second)).toContain('not imported')
    expect(text(second)).toContain('Northstar has no place for a glossary.')

    expect($<HTMLInputElement>('import-project')!.value).toBe('Atlas')
    expect($('import-apply')!.textContent).toBe('Import 2 rows')
    expect($('import-apply')!.disabled).toBe(false)
    unmount(app)
  })

  test('with nothing to create, Import cannot be pressed', async () => {
    const { app } = importing({
      plan_markdown_import: () => ({ tables: [table({ area: null, note: 'Not a worksheet.' })], creates: 0, skips: 0 }),
    })
    await click('import-markdown')
    expect($('import-apply')!.disabled).toBe(true)
    expect($('import-apply')!.textContent).toBe('Import 0 rows')
    unmount(app)
  })

  test('import sends the project name, says what was made, and opens the new project', async () => {
    const { called, onclose, app } = importing({
      apply_markdown_import: (a) => importReport(a.project as string, true),
    })
    const version = projects.version
    await click('import-markdown')
    const input = $<HTMLInputElement>('import-project')!
    input.value = '  Caspian '
    input.dispatchEvent(new Event('input', { bubbles: true }))
    flushSync()
    expect(document.getElementById(input.getAttribute('aria-describedby')!)!.textContent).toBe(
      'No project has this name, so a new one is made.',
    )
    await click('import-apply')
    expect(called('apply_markdown_import')).toEqual([{ project: 'Caspian' }])
    expect($('import-preview')).toBeNull()
    const report = $('import-report')!
    expect(report.textContent).toContain('Made the project “Caspian” and imported into it.')
    expect($$('import-area').map((a) => a.textContent)).toEqual(['scorecard pillars1 created and 1 already there'])
    expect(report.querySelector('details')!.textContent).toContain('already there')
    expect(called('list_projects')).toHaveLength(1)
    expect(projects.all.map((p) => p.name)).toContain('Caspian')
    expect(projects.version).toBe(version + 1) // the open pages read their data again
    expect(document.activeElement).toBe($('import-open'))

    await click('import-open')
    expect(projects.selectedId).toBe('p-new')
    expect(onclose).toHaveBeenCalledTimes(1)
    unmount(app)
  })

  test('a name differing only in case goes to the existing project', async () => {
    const { called, app } = importing({ apply_markdown_import: () => importReport('Borealis', false) })
    await click('import-markdown')
    const input = $<HTMLInputElement>('import-project')!
    input.value = 'borealis'
    input.dispatchEvent(new Event('input', { bubbles: true }))
    flushSync()
    expect(document.getElementById(input.getAttribute('aria-describedby')!)!.textContent).toBe(
      'Adds to the existing project “Borealis”.',
    )
    await click('import-apply')
    expect(called('apply_markdown_import')).toEqual([{ project: 'Borealis' }])
    expect($('import-report')!.textContent).toContain('Imported into “Borealis”.')
    unmount(app)
  })

  test('a failed import shows why and reads the files again, so Import still works', async () => {
    const { called, app } = importing({
      apply_markdown_import: () => {
        throw { kind: 'invalid', message: 'readiness.md, line 6: a pillar name is required.' }
      },
    })
    await click('import-markdown')
    await click('import-apply')
    expect($('field-error')!.textContent).toBe('readiness.md, line 6: a pillar name is required.')
    expect(called('plan_markdown_import')).toHaveLength(2)
    expect($('import-preview')).not.toBeNull()
    expect($('import-report')).toBeNull()
    unmount(app)
  })
})

describe('in the window', () => {
  test('the sidebar’s Workspace… opens the dialog, and the banner sits at the top of the main area', async () => {
    projects.all = []
    projects.select(null)
    let mark: string | null = null
    mockIPC((cmd) => {
      if (cmd === 'list_backups') return [OLDER]
      if (cmd === 'agenda_due_counts') return {}
      if (cmd === 'last_restore') return mark
      throw `Command ${cmd} not found`
    })
    const target = document.body.appendChild(document.createElement('div'))
    const app = mount(Shell, { target })
    await settle()
    const open = $('open-workspace')!
    expect(open.textContent).toBe('Workspace…')
    open.focus()
    await click('open-workspace')
    expect($('workspace-dialog')!.getAttribute('role')).toBe('dialog')
    expect($$('backup-row')).toHaveLength(1)
    Array.from(document.querySelectorAll<HTMLButtonElement>('[data-testid="workspace-dialog"] .btn'))
      .find((b) => b.textContent === 'Close')!
      .click()
    flushSync()
    expect($('workspace-dialog')).toBeNull()
    expect(document.activeElement).toBe(open)

    mark = '{"id":"r1"}'
    window.dispatchEvent(new Event('focus'))
    await settle()
    expect(document.querySelector('main')!.firstElementChild).toBe($('restored-banner'))
    unmount(app)
  })
})
