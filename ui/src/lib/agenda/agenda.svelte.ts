// One agenda (all projects, or one): the items, loaded once, and the marks that change them. A
// reviewed or snoozed item is put in its new place from the core's answer, without a reload.

import type { AgendaItem, Bucket, ItemKind } from '../api/bindings'
import { agenda, markReviewed, snooze } from '../api/agenda'
import { messageOf } from '../api/call'
import { due } from './due.svelte'

const KIND_ORDER: readonly ItemKind[] = [
  'pillar_checkpoint',
  'goal_deadline',
  'stakeholder_check_in',
  'risk_review',
  'compliance_review',
  'notes_review',
  'vendor_recheck',
]

/** The core's order: by date (overdue first), then kind, then title. */
export function compareItems(a: AgendaItem, b: AgendaItem): number {
  return (
    a.due.localeCompare(b.due) || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.title.localeCompare(b.title)
  )
}

/** `items` without the item `id`, and with `next` (when given) in its sorted place. */
export function replaceItem(items: readonly AgendaItem[], id: string, next: AgendaItem | null): AgendaItem[] {
  const rest = items.filter((i) => i.id !== id)
  if (!next) return rest
  const at = rest.findIndex((i) => compareItems(next, i) < 0)
  rest.splice(at < 0 ? rest.length : at, 0, next)
  return rest
}

export class AgendaStore {
  items = $state.raw<AgendaItem[]>([])
  loading = $state(true)
  loadError = $state<string | null>(null)

  readonly counts = $derived.by(() => {
    const c: Record<Bucket, number> = { overdue: 0, today: 0, this_week: 0, later: 0 }
    for (const i of this.items) c[i.bucket]++
    return c
  })

  constructor(readonly projectId: string | null) {}

  async load(): Promise<void> {
    this.loading = true
    try {
      this.items = await agenda(this.projectId ? { project_id: this.projectId } : {})
      this.loadError = null
    } catch (e) {
      this.loadError = messageOf(e)
    } finally {
      this.loading = false
    }
  }

  /** Marks an item reviewed; resolves with its next occurrence (recurring items), else null. */
  async review(item: AgendaItem, note: string): Promise<AgendaItem | null> {
    const next = await markReviewed(item.id, note)
    this.items = replaceItem(this.items, item.id, next)
    due.refresh()
    return next
  }

  async snooze(item: AgendaItem, until: string): Promise<AgendaItem> {
    const moved = await snooze(item.id, until)
    this.items = replaceItem(this.items, item.id, moved)
    due.refresh()
    return moved
  }
}
