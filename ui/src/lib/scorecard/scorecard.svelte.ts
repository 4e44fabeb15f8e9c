// One project's scorecard as the page shows it. Edits apply at once (optimistic), queue to the
// core one at a time so they land in the order typed, and reconcile with what the core returns.

import type {
  Assessment,
  AssessmentEdit,
  AssessmentPoint,
  Headline,
  Pillar,
  PillarEdit,
  PillarSet,
  RemovalImpact,
} from '../api/bindings'
import * as api from '../api/scorecard'
import { toApiError } from '../api/call'
import { headlineOf } from './headline'
import { statusOf } from './legend'
import { Saves, type SaveState } from '../ui/saves.svelte'

export type { SaveState } from '../ui/saves.svelte'
export type PillarField = PillarEdit['field']

const EMPTY: Headline = { overall: null, at_target: 0, total: 0, scored: 0, lowest: [] }

/** The pillar as it looks once `edit` is applied, status included. */
export function applyEdit(p: Pillar, edit: PillarEdit): Pillar {
  const next: Pillar = { ...p, [edit.field]: edit.value }
  next.status = statusOf(next.score, next.target)
  return next
}

function byDate(a: AssessmentPoint, b: AssessmentPoint): number {
  return a.date.localeCompare(b.date)
}

export class ScorecardStore {
  readonly projectId: string
  pillars = $state.raw<Pillar[]>([])
  headline = $state.raw<Headline>(EMPTY)
  /** Oldest first. */
  assessments = $state.raw<AssessmentPoint[]>([])
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

  #confirmed = new Map<string, Pillar>()
  #latest = new Map<string, number>()
  #orderSeq = 0
  #seq = 0

  constructor(projectId: string) {
    this.projectId = projectId
  }

  async load(): Promise<void> {
    this.loading = true
    try {
      const sc = await api.getScorecard(this.projectId)
      this.#confirmed = new Map(sc.pillars.map((p) => [p.id, p]))
      this.pillars = sc.pillars
      this.headline = sc.headline
      this.assessments = [...sc.assessments].sort(byDate)
      this.loadError = null
    } catch (e) {
      this.loadError = toApiError(e).message
    }
    this.loading = false
  }

  errorFor(id: string, field: PillarField): string | undefined {
    return this.errors[`${id}:${field}`]
  }



  #replace(next: Pillar): void {
    this.pillars = this.pillars.map((p) => (p.id === next.id ? next : p))
  }

  /** Takes a whole list from the core, keeping local edits that are newer than `seq`. */
  #merge(list: Pillar[], seq: number): void {
    const local = new Map(this.pillars.map((p) => [p.id, p]))
    let merged = list.map((p) => {
      this.#confirmed.set(p.id, p)
      const mine = local.get(p.id)
      return mine && (this.#latest.get(p.id) ?? 0) > seq ? { ...mine, position: p.position } : p
    })
    if (this.#orderSeq > seq) {
      const order = new Map(this.pillars.map((p, i) => [p.id, i]))
      merged = merged.sort((a, b) => (order.get(a.id) ?? 1e9) - (order.get(b.id) ?? 1e9))
    }
    this.pillars = merged
    this.headline = headlineOf(merged)
  }

  /** Applies an edit at once and saves it; a failure shows beside the field. */
  edit(id: string, edit: PillarEdit): Promise<void> {
    const current = this.pillars.find((p) => p.id === id)
    if (!current) return Promise.resolve()
    const seq = ++this.#seq
    this.#latest.set(id, seq)
    const key = `${id}:${edit.field}`
    this.#replace(applyEdit(current, edit))
    this.headline = headlineOf(this.pillars)
    return this.saves.enqueue(async () => {
      try {
        const saved = await api.editPillar(id, edit)
        this.#confirmed.set(id, saved.pillar)
        this.saves.setError(key, null)
        if (this.#latest.get(id) === seq) this.#replace(saved.pillar)
        this.headline = this.saves.pending === 1 ? saved.headline : headlineOf(this.pillars)
      } catch (e) {
        const err = toApiError(e)
        this.saves.setError(`${id}:${err.field && err.field !== 'value' ? err.field : edit.field}`, err.message)
        // A refused score or target goes back to the saved one; refused text stays on screen
        // with its error so it can be fixed rather than retyped.
        const base = this.#confirmed.get(id)
        const now = this.pillars.find((p) => p.id === id)
        if (base && now && (edit.field === 'score' || edit.field === 'target') && this.#latest.get(id) === seq) {
          this.#replace(applyEdit(now, { field: edit.field, value: base[edit.field] } as PillarEdit))
          this.headline = headlineOf(this.pillars)
        }
      }
    })
  }

  setScore(id: string, score: number | null): Promise<void> {
    return this.edit(id, { field: 'score', value: score })
  }

  /** Moves a pillar to `to` (0-based, among all pillars). */
  move(id: string, to: number): Promise<void> {
    const from = this.pillars.findIndex((p) => p.id === id)
    const target = Math.max(0, Math.min(this.pillars.length - 1, to))
    if (from < 0 || from === target) return Promise.resolve()
    const seq = ++this.#seq
    this.#orderSeq = seq
    const order = [...this.pillars]
    const [moved] = order.splice(from, 1)
    order.splice(target, 0, moved)
    this.pillars = order.map((p, i) => (p.position === i ? p : { ...p, position: i }))
    return this.saves.enqueue(async () => {
      try {
        this.#merge(await api.movePillar(id, target), seq)
        this.saves.setError(`${id}:position`, null)
      } catch (e) {
        this.saves.setError(`${id}:position`, toApiError(e).message)
        await this.#reloadPillars()
      }
    })
  }

  async #reloadPillars(): Promise<void> {
    try {
      const sc = await api.getScorecard(this.projectId)
      this.#merge(sc.pillars, this.#seq)
    } catch {
      // The error already shown says what failed.
    }
  }

  /** Adds a pillar; rejects with the core's error for the form to show. */
  async addPillar(name: string, description: string): Promise<Pillar> {
    const pillar = await api.addPillar(this.projectId, { name, description })
    this.#confirmed.set(pillar.id, pillar)
    this.pillars = [...this.pillars, pillar]
    this.headline = headlineOf(this.pillars)
    return pillar
  }

  /** Adds a built-in set; resolves with how many pillars were new. */
  async addSet(set: PillarSet): Promise<number> {
    const before = this.pillars.length
    const list = await api.addPillarSet(this.projectId, set)
    this.#merge(list, this.#seq)
    return this.pillars.length - before
  }

  removalImpact(id: string): Promise<RemovalImpact> {
    return api.pillarRemovalImpact(id)
  }

  async remove(id: string): Promise<void> {
    const list = await api.removePillar(id)
    this.#confirmed.delete(id)
    this.saves.dropRow(id)
    this.#merge(list, this.#seq)
  }

  async record(label: string, date: string): Promise<Assessment> {
    const a = await api.recordAssessment(this.projectId, label, date)
    this.assessments = [...this.assessments, a].sort(byDate)
    return a
  }

  async editAssessment(id: string, edit: AssessmentEdit): Promise<void> {
    const a = await api.editAssessment(id, edit)
    this.assessments = this.assessments.map((x) => (x.id === id ? a : x)).sort(byDate)
  }

  async deleteAssessment(id: string): Promise<void> {
    await api.deleteAssessment(id)
    this.assessments = this.assessments.filter((x) => x.id !== id)
  }

  /** Resolves when every queued save has landed (tests and export wait on it). */
  settled(): Promise<void> {
    return this.saves.settled
  }
}
