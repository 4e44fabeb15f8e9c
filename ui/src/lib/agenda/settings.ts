// The reminder settings form's rules, apart from the DOM: which lead times to offer, and the
// payload it saves.

import type { ReminderSettings } from '../api/bindings'

/** The usual lead times, plus any the user set elsewhere (the CLI), so none is dropped unseen. */
export function leadOptions(current: readonly number[]): number[] {
  return [...new Set([1, 3, 7, 14, ...current])].sort((a, b) => a - b)
}

/** The settings to save, or why not: quiet hours need both ends, or neither. */
export function settingsPayload(
  enabled: boolean,
  lead: readonly number[],
  from: string,
  to: string,
): { settings: ReminderSettings } | { error: string } {
  if (!from !== !to) return { error: 'Set both ends of the quiet hours, or neither.' }
  const settings: ReminderSettings = { enabled, lead_days: [...lead].sort((a, b) => b - a) }
  if (from && to) {
    settings.quiet_from = from
    settings.quiet_to = to
  }
  return { settings }
}
