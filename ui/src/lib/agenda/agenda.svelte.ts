// One agenda (all projects, or one): the items, loaded once, and the marks that change them. A
// reviewed or snoozed item is put in its new place from the core's answer, without a reload.
// It loads in two steps: the first screen's items with the core's counts, then, once those are
// painted, all of them (a project with 20,000 risks has ~14,000 review dates, 5 MB of JSON).

import type { AgendaItem, AgendaQuery, Bucket, ItemKind } from '../api/bindings'
import { agenda, agendaFirst, markReviewed, snooze } from '../api/agenda'
import { afterPaint } from '../ui/defer'
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

/** How many items the first answer carries: the list's first screen (AgendaList shows 40). */
export const FIRST_ITEMS = 40

type Head = { counts: Record<Bucket, number>; total: number }

export class AgendaStore {
  items = $state.raw<AgendaItem[]>([])
  loading = $state(true)
  loadError = $state<string | null>(null)
  /** The core's counts while only the first items are here; null once all of them are. */
  head = $state.raw<Head | null>(null)
  /** Marks made since the whole list was asked for: its answer may predate them. */
  #marks = 0
  /** Loads begun (an undo reloads): only the latest one's rest is kept. */
  #loads = 0

  readonly counts = $derived.by(() => {
    if (this.head) return this.head.counts
    const c: Record<Bucket, number> = { overdue: 0, today: 0, this_week: 0, later: 0 }
    for (const i of this.items) c[i.bucket]++
    return c
  })
  /** How many items the agenda has, all of them here or not. */
  readonly total = $derived(this.head?.total ?? this.items.length)

  constructor(readonly projectId: string | null) {}

  get #query(): AgendaQuery {
    return this.projectId ? { project_id: this.projectId } : {}
  }

  async load(): Promise<void> {
    const load = ++this.#loads
    this.loading = true
    try {
      const first = await agendaFirst(this.#query, FIRST_ITEMS)
      this.items = first.items
      this.head = first.items.length < first.total ? { counts: first.counts, total: first.total } : null
      this.loadError = null
    } catch (e) {
      this.loadError = messageOf(e)
    } finally {
      this.loading = false
    }
    if (this.head && load === this.#loads) afterPaint(() => void this.#loadRest(load))
  }

  async #loadRest(load: number): Promise<void> {
    const marks = this.#marks
    try {
      const all = await agenda(this.#query)
      if (load !== this.#loads) return
      // A mark landed while the list was on its way: ask again rather than undo it on screen.
      if (marks !== this.#marks) return this.#loadRest(load)
      this.items = all
      this.head = null
    } catch (e) {
      this.loadError = messageOf(e)
    }
  }

  /** Marks an item reviewed; resolves with its next occurrence (recurring items), else null. */
  async review(item: AgendaItem, note: string): Promise<AgendaItem | null> {
    const next = await markReviewed(item.id, note)
    this.#replace(item, next)
    return next
  }

  async snooze(item: AgendaItem, until: string): Promise<AgendaItem> {
    const moved = await snooze(item.id, until)
    this.#replace(item, moved)
    return moved
  }

  #replace(item: AgendaItem, next: AgendaItem | null) {
    this.#marks++
    this.items = replaceItem(this.items, item.id, next)
    if (this.head) {
      const counts = { ...this.head.counts }
      counts[item.bucket]--
      if (next) counts[next.bucket]++
      this.head = { counts, total: this.head.total - (next ? 0 : 1) }
    }
    due.refresh()
  }
}
