// One project's compliance notes as the Notes view shows them. Every write returns the whole
// notes view, which replaces ours; writes queue one after another (Saves), so the last answer
// is the newest state. A refused write rejects with the core's error (the field shows it) and
// keeps it under `${rowId}:${field}` for the save status.

import type {
  InventoryEdit,
  NewInventoryRow,
  NewTrigger,
  NewVendor,
  NotesView,
  SnapshotEdit,
  TriggerEdit,
  VendorEdit,
} from '../api/bindings'
import * as api from '../api/compliance'
import { toApiError } from '../api/call'
import { today as localToday } from '../assessments/dates'
import { Saves, type SaveState } from '../ui/saves.svelte'
import { addedId } from './notesWords'

type Rows = 'data_inventory' | 'triggers' | 'vendors' | 'controls'

export class NotesStore {
  readonly projectId: string
  readonly today: string
  view = $state.raw<NotesView | null>(null)
  loading = $state(true)
  loadError = $state<string | null>(null)
  readonly saves = new Saves()

  constructor(projectId: string, today: string = localToday()) {
    this.projectId = projectId
    this.today = today
  }

  get saveState(): SaveState {
    return this.saves.state
  }
  get lastError(): string | null {
    return this.saves.lastError
  }

  errorFor(id: string, field: string): string | undefined {
    return this.saves.errors[`${id}:${field}`]
  }

  async load(): Promise<void> {
    this.loading = true
    try {
      this.view = await api.complianceNotes(this.projectId)
      this.loadError = null
    } catch (e) {
      this.loadError = toApiError(e).message
    }
    this.loading = false
  }

  /** Runs a write in turn; its answer replaces the view. `optimistic` shows it at once. */
  #write(id: string, field: string, run: () => Promise<NotesView>, optimistic?: (v: NotesView) => NotesView) {
    const before = this.view
    if (optimistic && before) this.view = optimistic(before)
    const key = `${id}:${field}`
    return this.saves.enqueue(async () => {
      try {
        this.view = await run()
        this.saves.setError(key, null)
      } catch (e) {
        const err = toApiError(e)
        this.saves.setError(key, err.message)
        // Shown at once but refused: read back what the core holds.
        if (optimistic) this.view = await api.complianceNotes(this.projectId).catch(() => before)
        throw err
      }
    })
  }

  /** Adds a row and resolves with its id; rejects with the core's error for the form. */
  async #add(rows: Rows, run: () => Promise<NotesView>): Promise<string | null> {
    let id: string | null = null
    const key = `new:${rows}`
    await this.saves.enqueue(async () => {
      const before: readonly { id: string }[] = this.view?.[rows] ?? []
      try {
        const next = await run()
        this.view = next
        id = addedId<{ id: string }>(before, next[rows])
        this.saves.setError(key, null)
      } catch (e) {
        const err = toApiError(e)
        this.saves.setError(key, err.message)
        throw err
      }
    })
    return id
  }

  editSnapshot(edit: SnapshotEdit): Promise<void> {
    return this.saves.enqueue(async () => {
      const key = `snapshot:${edit.field}`
      try {
        const snapshot = await api.editSnapshot(this.projectId, edit)
        if (this.view) this.view = { ...this.view, snapshot }
        this.saves.setError(key, null)
      } catch (e) {
        const err = toApiError(e)
        this.saves.setError(key, err.message)
        throw err
      }
    })
  }

  addInventory(row: NewInventoryRow) {
    return this.#add('data_inventory', () => api.addInventoryRow(this.projectId, row))
  }
  editInventory(id: string, edit: InventoryEdit) {
    return this.#write(id, edit.field, () => api.editInventoryRow(id, edit))
  }
  removeInventory(id: string) {
    return this.#write(id, 'remove', () => api.removeInventoryRow(id))
  }

  addTrigger(row: NewTrigger) {
    return this.#add('triggers', () => api.addTrigger(this.projectId, row))
  }
  editTrigger(id: string, edit: TriggerEdit) {
    return this.#write(id, edit.field, () => api.editTrigger(id, edit))
  }
  removeTrigger(id: string) {
    return this.#write(id, 'remove', () => api.removeTrigger(id))
  }

  addVendor(vendor: NewVendor) {
    return this.#add('vendors', () => api.addVendor(this.projectId, vendor))
  }
  editVendor(id: string, edit: VendorEdit) {
    const tick = edit.field === 'verified'
    return this.#write(
      id,
      edit.field,
      () => api.editVendor(id, edit),
      tick
        ? (v) => ({ ...v, vendors: v.vendors.map((x) => (x.id === id ? { ...x, verified: edit.value } : x)) })
        : undefined,
    )
  }
  removeVendor(id: string) {
    return this.#write(id, 'remove', () => api.removeVendor(id))
  }

  addControl(label: string) {
    return this.#add('controls', () => api.addControl(this.projectId, label))
  }
  tickControl(id: string, done: boolean) {
    return this.#write(
      id,
      'done',
      () => api.tickControl(id, done),
      (v) => ({ ...v, controls: v.controls.map((c) => (c.id === id ? { ...c, done } : c)) }),
    )
  }
  removeControl(id: string) {
    return this.#write(id, 'remove', () => api.removeControl(id))
  }

  setQuestion(key: string, done: boolean, note: string) {
    return this.#write(
      key,
      'question',
      () => api.setQuestion(this.projectId, key, done, note),
      (v) => ({ ...v, questions: v.questions.map((q) => (q.key === key ? { ...q, done, note } : q)) }),
    )
  }

  /** Resolves once every queued write has landed (tests wait on it). */
  settled(): Promise<void> {
    return this.saves.settled
  }
}
