import { afterEach, describe, expect, test, vi } from 'vitest'
import { flushSync, mount, unmount } from 'svelte'
import { mockIPC } from '@tauri-apps/api/mocks'
import TrashDialog from './TrashDialog.svelte'
import UndoToast from './UndoToast.svelte'
import Shell from '../app/Shell.svelte'
import { toast } from './undo.svelte'
import { projects } from '../projects/projects.svelte'
import { project, settle } from '../../test/fixtures'
import type { TrashEntry, UndoOutcome } from '../api/bindings'

const LP = project({ id: 'p1', name: 'LaunchPad' })

function entry(over: Partial<TrashEntry> = {}): TrashEntry {
  return {
    id: 'b1',
    kind: 'pillar',
    row_id: 'r1',
    name: 'Security',
    label: 'Pillar removed',
    by_undo: false,
    deleted_at: '2026-11-25T09:00:00.000Z',
    project_id: 'p1',
    project_name: 'LaunchPad',
    took: [],
    ...over,
  }
}

const outcome = (message: string): UndoOutcome => ({
  label: 'x',
  project_id: 'p1',
  project_name: 'LaunchPad',
  message,
  note: null,
})

const $ = <T extends HTMLElement = HTMLButtonElement>(id: string) =>
  document.querySelector<T>(`[data-testid="${id}"]`)
const $$ = (id: string) => Array.from(document.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`))

const mounted: ReturnType<typeof mount>[] = []
function place(app: ReturnType<typeof mount>) {
  mounted.push(app)
  flushSync()
}
const target = () => document.body.appendChild(document.createElement('div'))
const showTrash = () => place(mount(TrashDialog, { target: target(), props: { onclose: vi.fn() } }))
const showToast = () => place(mount(UndoToast, { target: target() }))
const showShell = () => place(mount(Shell, { target: target() }))

afterEach(() => {
  mounted.splice(0).forEach((a) => unmount(a))
  document.body.innerHTML = ''
  toast.hide()
})

describe('the trash', () => {
  test('lists each removal with its project and what it took, and restores one', async () => {
    let trash = [
      entry({ kind: 'project', name: 'Old pilot', project_name: 'Old pilot', took: [{ what: 'pillars', count: 12 }] }),
      entry({ id: 'b2' }),
    ]
    const calls: string[] = []
    mockIPC((cmd, args) => {
      calls.push(cmd)
      if (cmd === 'list_trash') return trash
      if (cmd === 'restore_trash') {
        expect((args as { id: string }).id).toBe('b2')
        trash = trash.slice(0, 1)
        return outcome('Restored pillar “Security” · LaunchPad')
      }
      if (cmd === 'list_projects') return [LP]
      throw `Command ${cmd} not found`
    })
    showToast()
    showTrash()
    await settle()
    const rows = $$('trash-entry')
    expect(rows).toHaveLength(2)
    expect(rows[0].textContent).toContain('Project')
    expect(rows[0].textContent).toContain('Old pilot')
    expect(rows[0].textContent).toContain('with 12 pillars')
    expect(rows[0].textContent).not.toContain('Old pilot ·')
    expect(rows[1].textContent).toContain('LaunchPad · Removed')
    expect($$('trash-restore')[1].getAttribute('aria-label')).toBe('Restore pillar Security')

    $$('trash-restore')[1].click()
    await settle()
    expect(calls).toContain('restore_trash')
    expect($$('trash-entry')).toHaveLength(1)
    expect($('undo-toast-message')!.textContent).toBe('Restored pillar “Security” · LaunchPad')
    expect($('undo-toast-action')!.textContent).toBe('Undo')
  })

  test('empty trash asks first, and only then removes everything', async () => {
    let trash = [entry()]
    const emptied = vi.fn(() => {
      trash = []
      return { entries: 1, rows: 1, kept: 0 }
    })
    mockIPC((cmd) => {
      if (cmd === 'list_trash') return trash
      if (cmd === 'empty_trash') return emptied()
      if (cmd === 'list_projects') return [LP]
      throw `Command ${cmd} not found`
    })
    showTrash()
    await settle()
    $('trash-empty')!.click()
    flushSync()
    expect(document.querySelector('[role="alertdialog"]')!.textContent).toContain(
      'The one entry in the trash, and what each took with it, will be removed for good.',
    )
    expect(emptied).not.toHaveBeenCalled()
    // Cancel has focus first: Enter on a stray keypress empties nothing.
    expect((document.activeElement as HTMLElement).textContent).toBe('Cancel')
    $('confirm-empty-trash')!.click()
    await settle()
    expect(emptied).toHaveBeenCalledOnce()
    expect($('trash-empty-state')!.textContent).toBe('The trash is empty.')
    expect($('trash-empty')!.hasAttribute('disabled')).toBe(true)
  })
})

describe('undo in the window', () => {
  function window(answers: Record<string, () => unknown>) {
    const calls: string[] = []
    mockIPC((cmd) => {
      calls.push(cmd)
      if (answers[cmd]) return answers[cmd]()
      // No project on screen: these tests are about the keys, the toast and the sidebar.
      if (cmd === 'list_projects') return []
      if (cmd === 'agenda_due_counts') return {}
      if (cmd === 'last_restore') return null
      throw `Command ${cmd} not found`
    })
    projects.all = []
    projects.select(null)
    showShell()
    return calls
  }

  const key = (init: KeyboardEventInit, target: EventTarget = document.body) =>
    target.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }))

  test('Ctrl+Z undoes and offers Redo; Ctrl+Shift+Z and Ctrl+Y redo', async () => {
    const calls = window({
      undo: () => outcome('Undid: Score changed · LaunchPad'),
      redo: () => outcome('Redid: Score changed · LaunchPad'),
    })
    await settle()
    key({ key: 'z', ctrlKey: true })
    await settle()
    expect(calls.filter((c) => c === 'undo')).toHaveLength(1)
    expect($('undo-toast-message')!.textContent).toBe('Undid: Score changed · LaunchPad')
    expect($('undo-toast-action')!.textContent).toBe('Redo')
    expect(document.querySelector('[role="status"] [data-testid="undo-toast"]')).not.toBeNull()
    key({ key: 'Z', ctrlKey: true, shiftKey: true })
    await settle()
    key({ key: 'y', ctrlKey: true })
    await settle()
    expect(calls.filter((c) => c === 'redo')).toHaveLength(2)
    expect($('undo-toast-message')!.textContent).toBe('Redid: Score changed · LaunchPad')
  })

  test('in a text field Ctrl+Z is left to the field', async () => {
    const calls = window({ undo: () => outcome('Undid') })
    await settle()
    const input = document.body.appendChild(document.createElement('input'))
    const area = document.body.appendChild(document.createElement('textarea'))
    expect(key({ key: 'z', ctrlKey: true }, input)).toBe(true)
    expect(key({ key: 'z', ctrlKey: true }, area)).toBe(true)
    await settle()
    expect(calls).not.toContain('undo')
  })

  test('nothing to undo is said, not thrown', async () => {
    window({
      undo: () => {
        throw { kind: 'conflict', message: 'Nothing to undo.' }
      },
    })
    await settle()
    key({ key: 'z', ctrlKey: true })
    await settle()
    expect($('undo-toast-message')!.textContent).toBe('Nothing to undo.')
    expect($('undo-toast-action')).toBeNull()
  })

  test('the sidebar’s Trash opens the trash', async () => {
    window({ list_trash: () => [] })
    await settle()
    $('open-trash')!.click()
    await settle()
    expect($('trash-dialog')).not.toBeNull()
    expect($('trash-empty-state')).not.toBeNull()
  })
})
