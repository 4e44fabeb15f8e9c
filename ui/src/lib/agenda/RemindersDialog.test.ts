import { afterEach, describe, expect, test, vi } from 'vitest'
import { flushSync, mount, unmount } from 'svelte'
import { mockIPC } from '@tauri-apps/api/mocks'
import type { DesktopSettings, ReminderSettings } from '../api/bindings'
import AgendaView from './AgendaView.svelte'
import { settle } from '../../test/fixtures'

function setup(
  stored: ReminderSettings,
  answers: Record<string, (a: Record<string, unknown>) => unknown> = {},
  desktop: DesktopSettings = { keep_in_tray: false, start_at_login: false, tray_available: true },
) {
  const saved: unknown[] = []
  const savedDesktop: unknown[] = []
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>
    if (answers[cmd]) return answers[cmd](a)
    if (cmd === 'agenda') return []
    if (cmd === 'agenda_first') return { items: [], counts: { overdue: 0, today: 0, this_week: 0, later: 0 }, total: 0 }
    if (cmd === 'agenda_due_counts') return {}
    if (cmd === 'reminder_settings') return stored
    if (cmd === 'save_reminder_settings') {
      saved.push(a.settings)
      return a.settings
    }
    if (cmd === 'desktop_settings') return desktop
    if (cmd === 'save_desktop_settings') {
      savedDesktop.push(a.settings)
      return a.settings
    }
    throw `Command ${cmd} not found`
  })
  const target = document.body.appendChild(document.createElement('div'))
  const app = mount(AgendaView, { target, props: { projectId: null } })
  flushSync()
  return { saved, savedDesktop, target, app }
}

const $ = (id: string) => document.querySelector<HTMLInputElement>(`[data-testid="${id}"]`)

function tick(id: string) {
  $(id)!.click()
  flushSync()
}

function type(id: string, value: string) {
  const el = $(id)!
  el.value = value
  el.dispatchEvent(new Event('input', { bubbles: true }))
}

async function open() {
  await settle()
  $('agenda-settings')!.click()
  await settle()
}

afterEach(() => vi.restoreAllMocks())

describe('reminder settings', () => {
  test('shows what is stored and saves the whole of it', async () => {
    const { saved, app } = setup({ enabled: true, lead_days: [30, 7, 1] })
    await open()
    expect($('reminders-enabled')!.checked).toBe(true)
    expect([1, 3, 7, 14, 30].map((n) => $(`reminders-lead-${n}`)!.checked)).toEqual([true, false, true, false, true])
    expect($('reminders-quiet-from')!.value).toBe('')
    tick('reminders-lead-1')
    tick('reminders-lead-14')
    type('reminders-quiet-from', '22:00')
    type('reminders-quiet-to', '07:30')
    $('reminders-save')!.click()
    await settle()
    expect(saved).toEqual([{ enabled: true, lead_days: [30, 14, 7], quiet_from: '22:00', quiet_to: '07:30' }])
    expect($('reminders-save')).toBeNull()
    expect($('agenda-status')!.textContent).toBe('Reminder settings saved.')
    unmount(app)
  })

  test('turned off, with no quiet hours, sends no times', async () => {
    const { saved, app } = setup({ enabled: true, lead_days: [7, 1], quiet_from: '22:00', quiet_to: '07:00' })
    await open()
    expect($('reminders-quiet-to')!.value).toBe('07:00')
    document.querySelector<HTMLButtonElement>('[data-testid="reminders-dialog"] .quiet .btn')!.click()
    flushSync()
    expect($('reminders-quiet-from')!.value).toBe('')
    tick('reminders-enabled')
    expect($('reminders-lead-7')!.closest('fieldset')!.disabled).toBe(true)
    $('reminders-save')!.click()
    await settle()
    expect(saved).toEqual([{ enabled: false, lead_days: [7, 1] }])
    expect($('agenda-status')!.textContent).toBe('Reminders are off.')
    unmount(app)
  })

  test('half a quiet-hours range is refused here; the core’s refusal shows beside the times', async () => {
    const { saved, app } = setup(
      { enabled: true, lead_days: [7] },
      {
        save_reminder_settings: () => {
          throw { kind: 'invalid', message: 'Quiet hours are written HH:MM, 24-hour (got “25:00”).', field: 'quiet_hours' }
        },
      },
    )
    await open()
    type('reminders-quiet-from', '22:00')
    $('reminders-save')!.click()
    await settle()
    expect(saved).toEqual([])
    const fieldset = $('reminders-quiet-from')!.closest('fieldset')!
    expect(fieldset.querySelector('[data-testid="field-error"]')!.textContent).toBe(
      'Set both ends of the quiet hours, or neither.',
    )
    type('reminders-quiet-to', '06:00')
    $('reminders-save')!.click()
    await settle()
    expect(fieldset.querySelector('[data-testid="field-error"]')!.textContent).toBe(
      'Quiet hours are written HH:MM, 24-hour (got “25:00”).',
    )
    expect($('reminders-quiet-from')!.getAttribute('aria-invalid')).toBe('true')
    expect($('reminders-save')).not.toBeNull()
    unmount(app)
  })

  test('keeping Northstar in the tray and starting at login are saved with the rest', async () => {
    const { savedDesktop, app } = setup(
      { enabled: true, lead_days: [7, 1] },
      {},
      { keep_in_tray: false, start_at_login: true, tray_available: true },
    )
    await open()
    expect($('desktop-keep-in-tray')!.checked).toBe(false)
    expect($('desktop-start-at-login')!.checked).toBe(true)
    expect($('desktop-hint')!.textContent).toContain('Closing the window quits Northstar')
    tick('desktop-keep-in-tray')
    expect($('desktop-hint')!.textContent).toContain('the tray icon')
    tick('desktop-start-at-login')
    $('reminders-save')!.click()
    await settle()
    expect(savedDesktop).toEqual([{ keep_in_tray: true, start_at_login: false, tray_available: true }])
    unmount(app)
  })

  test('without a tray on this desktop, keeping Northstar there cannot be chosen and the hint says why', async () => {
    const { app } = setup({ enabled: true, lead_days: [7, 1] }, {}, {
      keep_in_tray: false,
      start_at_login: false,
      tray_available: false,
    })
    await open()
    expect($('desktop-keep-in-tray')!.disabled).toBe(true)
    expect($('desktop-hint')!.textContent).toContain('northstar remind')
    unmount(app)
  })
})
