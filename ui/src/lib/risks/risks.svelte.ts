// One project's risk register as the Risks page shows it: the heat map, the rows loaded so far
// for the current filters (a page of PAGE at a time; the register can hold 20,000), and edits.
// Lists are asked one at a time and only the newest query's answer is shown, so fast typing in
// the search box never paints an older answer over a newer one. Edits apply at once, queue to
// the core in order, and put the saved value back (error kept beside the field) when refused.

import type { Band, Cell, HeatMap, Named, NewRisk, Risk, RiskEdit, RiskQuery, RiskSort, StatusFilter } from '../api/bindings'
import * as api from '../api/risks'
import { toApiError } from '../api/call'
import { Saves, type SaveState } from '../ui/saves.svelte'
import { bandOf } from './words'

/** Rows per request. */
export const PAGE = 100

export interface Filters {
  status: StatusFilter
  /** null: anyone's; '': nobody's. */
  owner: string | null
  band: Band | null
  cell: Cell | null
  search: string
  sort: RiskSort
}

export const DEFAULT_FILTERS: Filters = { status: 'active', owner: null, band: null, cell: null, search: '', sort: 'severity' }

export function queryOf(f: Filters, offset: number): RiskQuery {
  const q: RiskQuery = { status: f.status, search: f.search, sort: f.sort, offset, limit: PAGE }
  if (f.owner != null) q.owner = f.owner
  if (f.band) q.band = f.band
  if (f.cell) q.cell = f.cell
  return q
}

/** Whether anything narrows the list (the sort does not). */
export function isFiltered(f: Filters): boolean {
  return f.status !== 'active' || f.owner != null || f.band != null || f.cell != null || f.search.trim() !== ''
}

/** Whether a risk with this status belongs in a list filtered by `f`, by status alone. */
export function statusFits(status: Risk['status'], f: Filters): boolean {
  if (f.status === 'all') return true
  if (f.status === 'active') return status !== 'closed' || f.search.trim() !== ''
  return f.status === status
}

/** The risk as it looks once `edit` is applied. Closing waits for the core (it may refuse the note). */
export function applyEdit(r: Risk, edit: RiskEdit): Risk {
  if (edit.field === 'close') return r
  const next = { ...r, [edit.field]: edit.value } as Risk
  if (edit.field === 'likelihood' || edit.field === 'impact') {
    next.severity = next.likelihood * next.impact
    next.band = bandOf(next.severity)
  }
  return next
}

export class RisksStore {
  readonly projectId: string
  loading = $state(true)
  loadError = $state<string | null>(null)
  heat = $state.raw<HeatMap | null>(null)
  owners = $state.raw<string[]>([])
  goals = $state.raw<Named[]>([])
  stakeholders = $state.raw<Named[]>([])
  rows = $state.raw<Risk[]>([])
  /** Risks matching the filters, over every page. */
  total = $state(0)
  filters = $state.raw<Filters>(DEFAULT_FILTERS)
  /** A new list for changed filters is on its way. */
  listing = $state(false)
  listError = $state<string | null>(null)
  loadingMore = $state(false)
  moreError = $state<string | null>(null)
  /** False only for a project that has no risk at all, closed ones included. */
  hasAny = $state(true)
  /** The risk whose editor is open (one at a time). */
  editing = $state<string | null>(null)
  /** Bumped each time a new list replaces the rows (not for pages appended or edits). */
  version = $state(0)
  /** Bumped after each write the core confirmed: an open editor reads its history again. */
  written = $state(0)
  readonly saves = new Saves()

  readonly goalNames = $derived(new Map(this.goals.map((g) => [g.id, g.name])))
  readonly stakeholderNames = $derived(new Map(this.stakeholders.map((s) => [s.id, s.name])))

  get saveState(): SaveState {
    return this.saves.state
  }
  get lastError(): string | null {
    return this.saves.lastError
  }
  get more(): boolean {
    return !this.#exhausted && this.#servedShown() < this.total
  }

  #confirmed = new Map<string, Risk>()
  #latest = new Map<string, number>()
  #seq = 0
  /** Numbers list requests; only the newest one's answer is shown. */
  #listSeq = 0
  #lists: Promise<unknown> = Promise.resolve()
  #exhausted = false
  /** Ids the core listed for the current filters: the next page starts after them. A risk added
   *  or revealed here is not one of them, so it does not push the offset past an unseen row. */
  #served = new Set<string>()
  #aux: Promise<void> | null = null
  #auxAgain = false
  #auxOwners = false

  constructor(projectId: string) {
    this.projectId = projectId
  }

  async load(): Promise<void> {
    this.loading = true
    try {
      const v = await api.risksView(this.projectId, queryOf(this.filters, 0))
      this.#remember(v.page.risks)
      this.heat = v.heat_map
      this.owners = v.owners
      this.goals = v.goals
      this.stakeholders = v.stakeholders
      this.total = v.page.total
      this.rows = v.page.risks
      this.#served = new Set(v.page.risks.map((r) => r.id))
      this.version++
      this.hasAny = v.page.total > 0 || v.heat_map.total > 0 || (await this.#anyAtAll())
      this.loadError = null
    } catch (e) {
      this.loadError = toApiError(e).message
    }
    this.loading = false
  }

  /** Whether the project has any risk, closed ones too: one row asked, not the register. */
  async #anyAtAll(): Promise<boolean> {
    try {
      const q: RiskQuery = { status: 'all', search: '', sort: 'severity', offset: 0, limit: 1 }
      return (await api.listRisks(this.projectId, q)).total > 0
    } catch {
      return true
    }
  }

  /** Rows on the page that the core listed for these filters: where the next page starts. */
  #servedShown(): number {
    return this.rows.reduce((n, r) => n + (this.#served.has(r.id) ? 1 : 0), 0)
  }

  #remember(risks: readonly Risk[]): void {
    for (const r of risks) this.#confirmed.set(r.id, r)
  }

  errorFor(id: string, field: string): string | undefined {
    return this.saves.errors[`${id}:${field}`]
  }

  clearError(id: string, field: string): void {
    this.saves.setError(`${id}:${field}`, null)
  }

  /**
   * Changes the filters and lists page 0 again. Resolves with the query shown, or null when a
   * newer one overtook it (or it failed): the page marks only answers it painted.
   */
  setFilters(patch: Partial<Filters>): Promise<RiskQuery | null> {
    this.filters = { ...this.filters, ...patch }
    return this.#list()
  }

  #list(): Promise<RiskQuery | null> {
    const seq = ++this.#listSeq
    this.listing = true
    // One request at a time: a query typed while another is out waits for it, then goes only if
    // nothing newer came meanwhile. The core answers one at a time anyway, so this never adds
    // delay, and a burst of keystrokes costs two round trips rather than one per key.
    const run = this.#lists.then(async () => {
      if (seq !== this.#listSeq) return null
      const q = queryOf(this.filters, 0)
      try {
        const page = await api.listRisks(this.projectId, q)
        if (seq !== this.#listSeq) return null
        this.#remember(page.risks)
        this.rows = page.risks
        this.#served = new Set(page.risks.map((r) => r.id))
        this.version++
        this.total = page.total
        this.#exhausted = false
        this.listError = this.moreError = null
        if (page.total > 0) this.hasAny = true
        return q
      } catch (e) {
        if (seq === this.#listSeq) this.listError = toApiError(e).message
        return null
      } finally {
        if (seq === this.#listSeq) this.listing = false
      }
    })
    this.#lists = run
    return run
  }

  /** Fetches the next page for the current filters (the list calls it as its end comes near). */
  async loadMore(): Promise<void> {
    if (this.loadingMore || this.listing || this.moreError || !this.more) return
    const seq = this.#listSeq
    this.loadingMore = true
    try {
      const page = await api.listRisks(this.projectId, queryOf(this.filters, this.#servedShown()))
      if (seq !== this.#listSeq) return
      this.#remember(page.risks)
      for (const r of page.risks) this.#served.add(r.id)
      // A risk added or revealed on this page may come again from the core: show it once.
      const have = new Set(this.rows.map((r) => r.id))
      const fresh = page.risks.filter((r) => !have.has(r.id))
      if (fresh.length === 0) this.#exhausted = true
      this.rows = [...this.rows, ...fresh]
      this.total = page.total
    } catch (e) {
      if (seq === this.#listSeq) this.moreError = toApiError(e).message
    } finally {
      this.loadingMore = false
    }
  }

  retryMore(): Promise<void> {
    this.moreError = null
    return this.loadMore()
  }

  /** Reads the heat map (and the owners) again after a write; writes in a burst share a read. */
  #refreshAux(owners: boolean): void {
    this.#auxOwners ||= owners
    if (this.#aux) {
      this.#auxAgain = true
      return
    }
    this.#aux = (async () => {
      do {
        this.#auxAgain = false
        const withOwners = this.#auxOwners
        this.#auxOwners = false
        try {
          const [heat, names] = await Promise.all([
            api.riskHeatMap(this.projectId),
            withOwners ? api.riskOwners(this.projectId) : null,
          ])
          this.heat = heat
          if (names) this.owners = names
        } catch {
          // The map stays as it was; the next write reads it again.
        }
      } while (this.#auxAgain)
      this.#aux = null
    })()
  }

  #replace(next: Risk): void {
    this.rows = this.rows.map((r) => (r.id === next.id ? next : r))
  }

  #drop(id: string): void {
    const before = this.rows.length
    this.rows = this.rows.filter((r) => r.id !== id)
    if (this.rows.length < before) this.total = Math.max(0, this.total - 1)
    if (this.editing === id) this.editing = null
  }

  /**
   * Applies an edit at once and saves it. Rejects with the core's error (after putting the saved
   * value back and keeping the error beside the field), so an editor can keep what was typed.
   * A status change that takes the risk out of the current filter takes its row out too.
   */
  edit(id: string, edit: RiskEdit): Promise<void> {
    const current = this.rows.find((r) => r.id === id)
    if (!current) return Promise.resolve()
    const seq = ++this.#seq
    this.#latest.set(id, seq)
    this.#replace(applyEdit(current, edit))
    const field = edit.field === 'close' ? 'closing_note' : edit.field
    return this.saves.enqueue(async () => {
      try {
        const saved = await api.editRisk(id, edit)
        this.#confirmed.set(id, saved)
        this.saves.setError(`${id}:${field}`, null)
        if (this.#latest.get(id) === seq) this.#replace(saved)
        if ((edit.field === 'status' || edit.field === 'close') && !statusFits(saved.status, this.filters)) {
          this.#drop(id)
        }
        this.written++
        if (['likelihood', 'impact', 'status', 'close', 'owner'].includes(edit.field)) {
          this.#refreshAux(edit.field === 'owner')
        }
      } catch (e) {
        const err = toApiError(e)
        this.saves.setError(`${id}:${err.field && err.field !== 'value' ? err.field : field}`, err.message)
        const base = this.#confirmed.get(id)
        if (base && this.#latest.get(id) === seq) this.#replace(base)
        throw err
      }
    })
  }

  /** Adds a risk at the top of the list; rejects with the core's error for the form to show. */
  async add(risk: NewRisk): Promise<Risk> {
    const r = await api.addRisk(this.projectId, risk)
    this.#confirmed.set(r.id, r)
    this.rows = [r, ...this.rows]
    this.total++
    this.hasAny = true
    this.#refreshAux(risk.owner !== '')
    return r
  }

  async remove(id: string): Promise<void> {
    await api.removeRisk(id)
    this.#confirmed.delete(id)
    this.#drop(id)
    this.saves.dropRow(id)
    this.#refreshAux(true)
  }

  /** Brings a risk into the list (at the top when the loaded pages lack it) and opens it. */
  async reveal(id: string): Promise<Risk> {
    let r = this.rows.find((x) => x.id === id)
    if (!r) {
      r = await api.getRisk(id)
      this.#confirmed.set(r.id, r)
      this.rows = [r, ...this.rows]
    }
    this.editing = id
    return r
  }

  /** Resolves when every queued save, and the heat map read after it, has landed (tests wait on it). */
  async settled(): Promise<void> {
    await this.saves.settled
    await this.#aux
  }
}
