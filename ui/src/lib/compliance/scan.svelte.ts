// One project's compliance scan as the Scan view shows it: the trigger questions' answers, the
// regulations proposed, accepted or dismissed, and the scan rows. Every write goes through one
// Saves queue and returns the whole new view; only the answer to the last write queued is
// painted, so an older answer never undoes an edit typed since. Row edits show at once and go
// back to the saved value when the core refuses them (its message kept beside the field).

import type { DataKind, Decision, NewRegulation, NewScanRow, Regulation, ScanEdit, ScanRow, ScanView } from '../api/bindings'
import * as api from '../api/compliance'
import { toApiError } from '../api/call'
import { Saves, type SaveState } from '../ui/saves.svelte'
import { answersOf, type IndustryChoice } from './scanWords'

/** The row as it looks once `edit` is applied (the regulation's code read from the library). */
export function applyEdit(row: ScanRow, edit: ScanEdit, library: readonly Regulation[]): ScanRow {
  const next = { ...row, [edit.field]: edit.value } as ScanRow
  if (edit.field === 'regulation_id') next.regulation = library.find((r) => r.id === edit.value)?.code ?? row.regulation
  return next
}

export class ScanStore {
  readonly projectId: string
  loading = $state(true)
  loadError = $state<string | null>(null)
  view = $state.raw<ScanView | null>(null)
  /** The answers as the form holds them: the page's own after the first read. */
  data = $state.raw<DataKind[]>([])
  payments = $state<boolean | null>(null)
  industry = $state<IndustryChoice>('unanswered')
  detail = $state('')
  /** The scan row whose editor is open (one at a time). */
  editing = $state<string | null>(null)
  /** Rows added on this page: shown even before scrolling reaches them. */
  added = $state.raw<ReadonlySet<string>>(new Set())
  readonly saves = new Saves()

  /** The latest view the core confirmed, without edits still on their way. */
  #confirmed: ScanView | null = null

  constructor(projectId: string) {
    this.projectId = projectId
  }

  get saveState(): SaveState {
    return this.saves.state
  }
  get lastError(): string | null {
    return this.saves.lastError
  }
  get rows(): ScanRow[] {
    return this.view?.scan ?? []
  }

  async load(): Promise<void> {
    this.loading = true
    try {
      const v = await api.complianceScan(this.projectId)
      this.view = this.#confirmed = v
      this.data = v.answers.data ?? []
      this.payments = v.answers.payments ?? null
      this.industry = v.answers.industry ?? 'unanswered'
      this.detail = v.answers.industry_detail
      this.loadError = null
    } catch (e) {
      this.loadError = toApiError(e).message
    }
    this.loading = false
  }

  errorFor(key: string): string | undefined {
    return this.saves.errors[key]
  }

  clearError(key: string): void {
    this.saves.setError(key, null)
  }

  /**
   * Queues a write. Its answer is painted only when no later write waits behind it; a refusal is
   * kept under `key(field)` and rethrown, and the page shows the core's last confirmed view.
   */
  #write(key: (field: string | undefined) => string, send: () => Promise<ScanView>): Promise<ScanView> {
    let out: ScanView | null = null
    const run = this.saves.enqueue(async () => {
      try {
        const v = await send()
        this.#confirmed = out = v
        this.saves.setError(key(undefined), null)
        if (this.saves.pending === 1) this.view = v
      } catch (e) {
        const err = toApiError(e)
        this.saves.setError(key(err.field), err.message)
        if (this.saves.pending === 1) this.view = this.#confirmed
        throw err
      }
    })
    return run.then(() => out!)
  }

  /** Changes the answers here and saves all three at once, as the form holds them. */
  setAnswers(patch: { data?: DataKind[]; payments?: boolean | null; industry?: IndustryChoice; detail?: string }): Promise<void> {
    if (patch.data) this.data = patch.data
    if (patch.payments !== undefined) this.payments = patch.payments
    if (patch.industry) this.industry = patch.industry
    if (patch.detail !== undefined) this.detail = patch.detail
    const answers = answersOf(this.data, this.payments, this.industry, this.detail)
    // Both answer fields' old refusals go: this save carries the whole form again.
    const key = (f: string | undefined) => `answers:${f === 'industry_detail' ? f : 'data'}`
    this.saves.setError('answers:data', null)
    return this.#write(key, () => api.setAnswers(this.projectId, answers)).then(() => undefined)
  }

  decide(regulationId: string, decision: Decision): Promise<void> {
    return this.#write(
      () => `reg:${regulationId}`,
      () => api.decideRegulation(this.projectId, regulationId, decision),
    ).then(() => undefined)
  }

  /** Adds the user's own regulation to the library; resolves with it as the library holds it. */
  async addRegulation(reg: NewRegulation): Promise<Regulation | null> {
    const v = await this.#write(
      (f) => `add-reg:${f ?? 'code'}`,
      () => api.addRegulation(this.projectId, reg),
    )
    const code = reg.code.trim().toLowerCase()
    return v.library.find((r) => r.code.toLowerCase() === code) ?? null
  }

  /** Adds a scan row (its regulation is accepted with it); resolves with the new row's id. */
  async addRow(row: NewScanRow): Promise<string | null> {
    const before = new Set(this.rows.map((r) => r.id))
    const v = await this.#write(
      (f) => `add-row:${f ?? 'area'}`,
      () => api.addScanRow(this.projectId, row),
    )
    const fresh = v.scan.find((r) => !before.has(r.id))
    if (!fresh) return null
    this.added = new Set([...this.added, fresh.id])
    return fresh.id
  }

  /** Shows the edit at once and saves it; rejects with the core's error when refused. */
  editRow(id: string, edit: ScanEdit): Promise<void> {
    const v = this.view
    if (v) {
      this.view = { ...v, scan: v.scan.map((r) => (r.id === id ? applyEdit(r, edit, v.library) : r)) }
    }
    return this.#write(
      (f) => `${id}:${f && f !== 'value' ? f : edit.field}`,
      () => api.editScanRow(id, edit),
    ).then(() => undefined)
  }

  async removeRow(id: string): Promise<void> {
    await this.#write(
      () => `${id}:remove`,
      () => api.removeScanRow(id),
    )
    this.saves.dropRow(id)
    if (this.editing === id) this.editing = null
  }

  /** Resolves when every queued write has landed (tests wait on it). */
  settled(): Promise<void> {
    return this.saves.settled
  }
}
