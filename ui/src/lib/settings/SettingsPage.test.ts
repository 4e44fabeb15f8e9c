import { afterEach, describe, expect, test, vi } from 'vitest'
import { flushSync, mount, unmount } from 'svelte'
import { mockIPC } from '@tauri-apps/api/mocks'
import type { Paper } from '../api/bindings'
import Shell from '../app/Shell.svelte'
import { projects } from '../projects/projects.svelte'
import { leaveAgenda, showAgenda } from '../agenda/mode.svelte'
import { leaveSettings, settingsMode } from './mode.svelte'
import { THEME_KEY } from './theme'
import { project, settle } from '../../test/fixtures'

type Answers = Record<string, (a: Record<string, unknown>) => unknown>

function setup(answers: Answers = {}) {
  const calls: [string, Record<string, unknown>][] = []
  let paper: Paper = 'a4'
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>
    calls.push([cmd, a])
    if (answers[cmd]) return answers[cmd](a)
    switch (cmd) {
      case 'list_projects':
        return [project()]
      case 'default_paper':
        return paper
      case 'set_default_paper':
        paper = a.paper as Paper
        return paper
      case 'reminder_settings':
        return { enabled: true, lead_days: [7, 1] }
      case 'desktop_settings':
        return { keep_in_tray: false, start_at_login: false, tray_available: true }
      case 'agenda_due_counts':
        return {}
      case 'list_backups':
        return []
      default:
        return new Promise(() => {}) // pages behind Settings may ask; they never get an answer
    }
  })
  const target = document.body.appendChild(document.createElement('div'))
  const app = mount(Shell, { target })
  flushSync()
  const called = (cmd: string) => calls.filter(([c]) => c === cmd).map(([, x]) => x)
  return { target, app, called }
}

const $ = <T extends HTMLElement = HTMLButtonElement>(id: string) =>
  document.querySelector<T>(`[data-testid="${id}"]`)

async function openSettings() {
  await projects.load()
  await settle()
  $('open-settings')!.click()
  // The page's code loads when first opened (see Shell), then it reads its settings.
  await vi.waitFor(() => expect($('settings-page')).not.toBeNull())
  await settle()
}

afterEach(() => {
  leaveSettings()
  leaveAgenda()
  document.documentElement.removeAttribute('data-theme')
})

describe('Settings page', () => {
  test('the sidebar entry opens it, marked as the current page, with every part in it', async () => {
    const { app } = setup()
    await openSettings()
    expect($('settings-page')).not.toBeNull()
    expect($('open-settings')!.getAttribute('aria-current')).toBe('page')
    expect(document.querySelector('main')!.getAttribute('aria-label')).toBe('Settings')
    // No project is marked current under it.
    expect(document.querySelector('[data-testid="project-item"][aria-current]')).toBeNull()
    expect($('theme-system')).not.toBeNull()
    expect($('paper-a4')).not.toBeNull()
    expect($('reminders-save')).not.toBeNull()
    expect($('backup-now')).not.toBeNull()
    expect($('import-markdown')).not.toBeNull()
    unmount(app)
  })

  test('picking a theme applies it at once and keeps it', async () => {
    const { app } = setup()
    await openSettings()
    expect($<HTMLInputElement>('theme-system')!.checked).toBe(true)
    $('theme-dark')!.click()
    flushSync()
    expect(document.documentElement.dataset.theme).toBe('dark')
    expect(localStorage.getItem(THEME_KEY)).toBe('dark')
    expect($('settings-status')!.textContent).toBe('Theme: Dark.')
    $('theme-system')!.click()
    flushSync()
    expect(document.documentElement.hasAttribute('data-theme')).toBe(false)
    expect(localStorage.getItem(THEME_KEY)).toBeNull()
    unmount(app)
  })

  test('the paper shows the stored default and a pick is saved through the core', async () => {
    const { app, called } = setup()
    await openSettings()
    expect($<HTMLInputElement>('paper-a4')!.checked).toBe(true)
    $('paper-letter')!.click()
    await settle()
    expect(called('set_default_paper')).toEqual([{ paper: 'letter' }])
    expect($<HTMLInputElement>('paper-letter')!.checked).toBe(true)
    expect($('settings-status')!.textContent).toBe('PDF exports now start on US Letter.')
    unmount(app)
  })

  test('a refused paper says why and keeps the one before', async () => {
    const { app } = setup({
      set_default_paper: () => {
        throw { kind: 'storage', message: 'The workspace is read-only.' }
      },
    })
    await openSettings()
    $('paper-letter')!.click()
    await settle()
    expect($('field-error')!.textContent).toBe('The workspace is read-only.')
    expect($<HTMLInputElement>('paper-a4')!.checked).toBe(true)
    expect($<HTMLInputElement>('paper-letter')!.checked).toBe(false)
    unmount(app)
  })

  test('going to the agenda or a project leaves it', async () => {
    const { app } = setup()
    await openSettings()
    showAgenda()
    await settle()
    expect(settingsMode.open).toBe(false)
    expect($('settings-page')).toBeNull()
    $('open-settings')!.click()
    await settle()
    document.querySelector<HTMLButtonElement>('[data-testid="project-item"]')!.click()
    await settle()
    expect($('settings-page')).toBeNull()
    expect(document.querySelector('[data-testid="project-item"]')!.getAttribute('aria-current')).toBe('page')
    unmount(app)
  })
})
