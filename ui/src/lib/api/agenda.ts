// The agenda: every review date across projects (or one), the sidebar's due counts, marking an
// item reviewed or snoozing it, the reminder settings, and the calendar file.

import type { AgendaFirst, AgendaItem, AgendaQuery, ReminderSettings } from './bindings'
import { call } from './call'

export const agenda = (query: AgendaQuery) => call<AgendaItem[]>('agenda', { query })
/** The first `limit` items, with the counts per bucket and in all. */
export const agendaFirst = (query: AgendaQuery, limit: number) => call<AgendaFirst>('agenda_first', { query, limit })
/** Items overdue or due today, per project id. */
export const dueCounts = () => call<Record<string, number>>('agenda_due_counts', {})
/** Marks an item reviewed; returns its next occurrence when it recurs, else null. */
export const markReviewed = (item: string, note: string) => call<AgendaItem | null>('mark_reviewed', { item, note })
/** Snoozes an item until a later day (YYYY-MM-DD). */
export const snooze = (item: string, until: string) => call<AgendaItem>('snooze_item', { item, until })
export const reminderSettings = () => call<ReminderSettings>('reminder_settings', {})
export const saveReminderSettings = (settings: ReminderSettings) =>
  call<ReminderSettings>('save_reminder_settings', { settings })
/** Writes the review dates as an .ics file at `path`; returns where it went. */
export const exportIcs = (path: string, projectId: string | null) =>
  call<string>('export_ics', { path, projectId })
