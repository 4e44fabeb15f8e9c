// The app itself: where the workspace lives, and opening evidence links.

import type { AppInfo } from './bindings'
import { call } from './call'

export function appInfo(): Promise<AppInfo> {
  return call<AppInfo>('app_info')
}

/** Opens an http, https or mailto link in the system browser or mail app (checked by the core). */
export function openLink(url: string): Promise<void> {
  return call<void>('open_link', { url })
}
