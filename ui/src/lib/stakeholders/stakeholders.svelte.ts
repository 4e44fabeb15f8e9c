// One project's stakeholder canvas as the page shows it. Edits apply at once (optimistic), queue
// to the core one at a time so they land in the order made, and reconcile with what the core
// returns; a refused edit goes back to the saved value and its error is kept for the field.

import type { Cadence, Stakeholder, StakeholderEdit, StakeholderRemoval } from '../api/bindings'
import * as api from '../api/stakeholders'
import { goalNames } from '../api/goals'
import { toApiError } from '../api/call'
import { today as localToday } from '../assessments/dates'
import { Saves, type SaveState } from '../ui/saves.svelte'
import { nextCheckIn } from './words'

export type StakeholderField = StakeholderEdit['field']
/** Where an error is shown: a field, or the card's check-in controls. */
export type ErrorSlot = StakeholderField | 'check_in'

/** The stakeholder as it looks once `edit` is applied; a new cadence moves the next check-in. */
export function applyEdit(s: Stakeholder, edit: StakeholderEdit, today: string): Stakeholder {
  const next = { ...s, [edit.field]: edit.value } as Stakeholder
  if (edit.field === 'cadence') {
    next.next_check_in = nextCheckIn(next.last_check_in, edit.value as Cadence)
    next.overdue = next.next_check_in != null && next.next_check_in < today
  }
  return next
}

export class StakeholdersStore {
  readonly projectId: string
  readonly #today: () => string
  list = $state.raw<Stakeholder[]>([])
  /** Goal texts by id, for the goals named on each card (filled after the first screen). */
  goalNames = $state.raw<Record<string, string>>({})
  loading = $state(true)
  loadError = $state<string | null>(null)
  readonly saves = new Saves()

  get saveState(): SaveState {
    return this.saves.state
  }
  /** Core errors by `${rowId}:${field}`, shown beside that field. */
  get errors(): Record<string, string> {
    return this.saves.errors
  }
  get lastError(): string | null {
    return this.saves.lastError
  }

  #confirmed = new Map<string, Stakeholder>()
  #latest = new Map<string, number>()
  #seq = 0

  constructor(projectId: string, today: () => string = localToday) {
    this.projectId = projectId
    this.#today = today
  }

  get today(): string {
    return this.#today()
  }

  /** Reads the canvas; goal texts follow on their own so they never hold up the first screen. */
  async load(): Promise<void> {
    this.loading = true
    this.loadGoals()
    try {
      const list = await api.listStakeholders(this.projectId)
      this.#confirmed = new Map(list.map((s) => [s.id, s]))
      this.list = list
      this.loadError = null
    } catch (e) {
      this.loadError = toApiError(e).message
    }
    this.loading = false
  }

  async loadGoals(): Promise<void> {
    try {
      const goals = await goalNames(this.projectId)
      this.goalNames = Object.fromEntries(goals.map((g) => [g.id, g.name]))
    } catch {
      // Without goal texts the cards still say how many goals name them.
    }
  }

  errorFor(id: string, slot: ErrorSlot): string | undefined {
    return this.errors[`${id}:${slot}`]
  }

  /** Drops a field's error once its edit is abandoned (Escape): the saved value is back. */
  forget(id: string, slot: ErrorSlot): void {
    this.saves.setError(`${id}:${slot}`, null)
    if (this.saves.pending === 0 && this.saveState === 'error' && Object.keys(this.errors).length === 0) {
      this.saves.state = 'idle'
    }
  }



  #replace(next: Stakeholder): void {
    this.list = this.list.map((s) => (s.id === next.id ? next : s))
  }

  /** Takes the core's copy, unless a newer local edit is still on its way: then only what the
   *  core works out (check-ins, next date, goals) is taken, and the typed fields stay. */
  #land(saved: Stakeholder, seq: number): void {
    this.#confirmed.set(saved.id, saved)
    const now = this.list.find((s) => s.id === saved.id)
    if (!now) return
    if ((this.#latest.get(saved.id) ?? 0) <= seq) return this.#replace(saved)
    const { check_ins, last_check_in, goals } = saved
    const merged = { ...now, check_ins, last_check_in, goals }
    merged.next_check_in = nextCheckIn(last_check_in, merged.cadence)
    merged.overdue = merged.next_check_in != null && merged.next_check_in < this.today
    this.#replace(merged)
  }

  /** Applies an edit at once and saves it. A refusal puts the saved value back, keeps the
   *  message for the field, and rejects so an open editor can keep the text to fix. */
  edit(id: string, edit: StakeholderEdit): Promise<void> {
    const current = this.list.find((s) => s.id === id)
    if (!current) return Promise.resolve()
    const seq = ++this.#seq
    this.#latest.set(id, seq)
    const key = `${id}:${edit.field}`
    this.#replace(applyEdit(current, edit, this.today))
    return this.saves.enqueue(async () => {
      try {
        this.#land(await api.editStakeholder(id, edit), seq)
        this.saves.setError(key, null)
      } catch (e) {
        const err = toApiError(e)
        this.saves.setError(key, err.message)
        const base = this.#confirmed.get(id)
        const now = this.list.find((s) => s.id === id)
        if (base && now && this.#latest.get(id) === seq) {
          this.#replace(applyEdit(now, { field: edit.field, value: base[edit.field] } as StakeholderEdit, this.today))
        }
        throw err
      }
    })
  }

  /** Records a check-in today (the core's today) with an optional note. */
  checkIn(id: string, note: string): Promise<void> {
    const seq = ++this.#seq
    return this.saves.enqueue(async () => {
      try {
        this.#land(await api.checkIn(id, null, note), seq)
        this.saves.setError(`${id}:check_in`, null)
      } catch (e) {
        const err = toApiError(e)
        this.saves.setError(`${id}:check_in`, err.message)
        throw err
      }
    })
  }

  deleteCheckIn(checkInId: string): Promise<void> {
    const seq = ++this.#seq
    return this.saves.enqueue(async () => {
      this.#land(await api.deleteCheckIn(checkInId), seq)
    })
  }

  /** Adds a stakeholder at the end; rejects with the core's error for the form to show. */
  async add(name: string, cadence: Cadence): Promise<Stakeholder> {
    const s = await api.addStakeholder(this.projectId, {
      name,
      cadence,
      why: '',
      success: '',
      channel: '',
      open_questions: '',
      owner: '',
    })
    this.#confirmed.set(s.id, s)
    this.list = [...this.list, s]
    return s
  }

  removalImpact(id: string): Promise<StakeholderRemoval> {
    return api.stakeholderRemovalImpact(id)
  }

  async remove(id: string): Promise<void> {
    await this.settled()
    await api.removeStakeholder(id)
    this.#confirmed.delete(id)
    this.saves.dropRow(id)
    this.list = this.list.filter((s) => s.id !== id)
  }

  /** Resolves when every queued save has landed. */
  settled(): Promise<void> {
    return this.saves.settled
  }
}
