// The app itself: where the workspace lives, opening evidence links, and how the window lives on
// the desktop (tray, login item).

import { listen } from '@tauri-apps/api/event'
import type { AppInfo, DesktopSettings } from './bindings'
import { call } from './call'
import { earlyAppInfo } from './early'

/** Where the workspace is and whether it opened (the launch's, asked early, the first time). */
export function appInfo(): Promise<AppInfo> {
  return earlyAppInfo() ?? call<AppInfo>('app_info')
}

/** Opens an http, https or mailto link in the system browser or mail app (checked by the core). */
export function openLink(url: string): Promise<void> {
  return call<void>('open_link', { url })
}

/** Keep running in the tray when the window closes; start at login, minimised. */
export const desktopSettings = () => call<DesktopSettings>('desktop_settings', {})
export const saveDesktopSettings = (settings: DesktopSettings) =>
  call<DesktopSettings>('save_desktop_settings', { settings })

/** Calls `handler` when the tray's "Open agenda" is chosen; returns how to stop listening. */
export async function onShowAgenda(handler: () => void): Promise<() => void> {
  try {
    return await listen('show-agenda', handler)
  } catch {
    // No event bridge (a unit test without one): nothing will ever be sent.
    return () => {}
  }
}
