// One project's review history, newest first. Append-only: the store can only read and record;
// a correction is a new entry naming the one it corrects (there is no edit or remove here,
// and the core refuses both).

import type { NewReview, Review } from '../api/bindings'
import * as api from '../api/compliance'
import { toApiError } from '../api/call'
import { today as localToday } from '../assessments/dates'

export class HistoryStore {
  readonly projectId: string
  readonly today: string
  entries = $state.raw<Review[]>([])
  loading = $state(true)
  loadError = $state<string | null>(null)

  readonly byId = $derived(new Map(this.entries.map((r) => [r.id, r])))
  /** The later entries correcting each entry, oldest first. */
  readonly correctedBy = $derived.by(() => {
    const out = new Map<string, Review[]>()
    for (const r of [...this.entries].reverse()) {
      if (r.corrects) out.set(r.corrects, [...(out.get(r.corrects) ?? []), r])
    }
    return out
  })

  constructor(projectId: string, today: string = localToday()) {
    this.projectId = projectId
    this.today = today
  }

  async load(): Promise<void> {
    this.loading = true
    try {
      this.entries = await api.complianceReviews(this.projectId)
      this.loadError = null
    } catch (e) {
      this.loadError = toApiError(e).message
    }
    this.loading = false
  }

  /** Appends a review; resolves with the new entry's id, rejects with the core's error. */
  async record(review: NewReview): Promise<string | null> {
    const had = new Set(this.entries.map((r) => r.id))
    this.entries = await api.recordReview(this.projectId, review)
    return this.entries.find((r) => !had.has(r.id))?.id ?? null
  }
}
