// The sidebar's counts of items overdue or due today, per project and in all. Read again when
// the agenda changes, when the window comes back into focus, and every few minutes (a day can
// turn over while the app is open).

import { dueCounts } from '../api/agenda'

export const REFRESH_MS = 3 * 60 * 1000

class DueCounts {
  counts = $state.raw<Record<string, number>>({})
  readonly total = $derived(Object.values(this.counts).reduce((a, b) => a + b, 0))
  #asked = 0

  async refresh(): Promise<void> {
    const n = ++this.#asked
    try {
      const counts = await dueCounts()
      // An older answer arriving late must not overwrite a newer one.
      if (n === this.#asked) this.counts = counts
    } catch {
      // A badge that cannot be read keeps its last count; the agenda itself shows the error.
    }
  }
}

export const due = new DueCounts()
