// One project's goals as the Goals page shows them. Edits apply at once (optimistic), queue to
// the core one at a time so they land in the order made, and reconcile with what it returns; a
// refused edit goes back to the saved value and its error is kept beside the field. Readings go
// through the same queue (they need the core's id and date, so they show when it answers), and
// so does turning a goal's typed risks into a risk of the register.

import type { Goal, GoalEdit, NewGoal, Project, Risk, RiskRef } from '../api/bindings'
import * as api from '../api/goals'
import { riskFromGoalText } from '../api/risks'
import { stakeholderNames } from '../api/stakeholders'
import { editProject } from '../api/projects'
import { toApiError } from '../api/call'
import { Saves, type SaveState } from '../ui/saves.svelte'
import { projects } from '../projects/projects.svelte'
import { leading } from './leading.svelte'
import { highestBand, metricStatus, sortRiskRefs } from './words'

export type GoalField = GoalEdit['field']
/** Error keys beyond the goal's own fields. */
export type ErrorSlot = GoalField | 'reading' | 'readings' | 'leading'

/** A stakeholder as the goals page needs one: for the picker and the names in a row. */
export interface Person {
  id: string
  name: string
}

/** The part of a risk a goal row shows. */
export function riskRef(r: Pick<Risk, 'id' | 'title' | 'severity' | 'band' | 'status'>): RiskRef {
  return { id: r.id, title: r.title, severity: r.severity, band: r.band, status: r.status }
}

/**
 * The goal as it looks once `edit` is applied, its status judged again when numbers changed.
 * Linked risks are sent as ids; `known` holds the risks (beyond the goal's own) they may name.
 */
export function applyEdit(g: Goal, edit: GoalEdit, known: readonly RiskRef[] = []): Goal {
  if (edit.field === 'risks') {
    const refs = new Map([...g.risks, ...known].map((r) => [r.id, r]))
    const risks = sortRiskRefs(edit.value.flatMap((id) => refs.get(id) ?? []))
    return { ...g, risks, risk_band: highestBand(risks) }
  }
  const next = { ...g, [edit.field]: edit.value } as Goal
  if (edit.field === 'target' || edit.field === 'direction') {
    next.status = metricStatus(next.target, next.direction, next.latest)
    if (next.status === 'no_numbers') next.stale = false
  }
  return next
}

/** `local` with the readings (and what follows from them) of the core's `saved`. */
function withReadingsOf(local: Goal, saved: Goal): Goal {
  const next = { ...local, readings: saved.readings, latest: saved.latest, days_since_reading: saved.days_since_reading }
  next.status = metricStatus(next.target, next.direction, next.latest)
  next.stale = next.status === 'no_numbers' ? false : saved.stale
  return next
}

/** Edits that can change what the header shows for the leading metric. */
const NUMBERS: readonly GoalField[] = ['target', 'unit', 'direction']

export class GoalsStore {
  readonly projectId: string
  goals = $state.raw<Goal[]>([])
  people = $state.raw<Person[]>([])
  loading = $state(true)
  loadError = $state<string | null>(null)
  /** The stakeholders could not be read: the goals still show, without names. */
  peopleError = $state<string | null>(null)
  readonly saves = new Saves()
  /** Goals added since the page opened: the list shows them even before scrolling reaches them. */
  added = $state.raw<ReadonlySet<string>>(new Set())

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
  readonly names = $derived(new Map(this.people.map((p) => [p.id, p.name])))

  #confirmed = new Map<string, Goal>()
  #latest = new Map<string, number>()
  #seq = 0

  constructor(projectId: string) {
    this.projectId = projectId
  }

  async load(): Promise<void> {
    this.loading = true
    // Both at once: the core answers one after the other, but the page waits only once.
    const people = stakeholderNames(this.projectId).then(
      (list) => list,
      (e) => {
        this.peopleError = toApiError(e).message
        return []
      },
    )
    try {
      const goals = await api.listGoals(this.projectId)
      this.#confirmed = new Map(goals.map((g) => [g.id, g]))
      this.people = await people
      this.goals = goals
      this.loadError = null
    } catch (e) {
      this.loadError = toApiError(e).message
    }
    this.loading = false
  }

  errorFor(id: string, slot: ErrorSlot): string | undefined {
    return this.errors[`${id}:${slot}`]
  }



  #replace(next: Goal): void {
    this.goals = this.goals.map((g) => (g.id === next.id ? next : g))
  }

  /** Takes the core's answer for a write numbered `seq`, keeping newer local edits on screen. */
  #take(saved: Goal, seq: number): void {
    this.#confirmed.set(saved.id, saved)
    if (this.#latest.get(saved.id) === seq) return this.#replace(saved)
    const local = this.goals.find((g) => g.id === saved.id)
    if (local) this.#replace(withReadingsOf(local, saved))
  }

  #stamp(id: string): number {
    const seq = ++this.#seq
    this.#latest.set(id, seq)
    return seq
  }

  /**
   * Applies an edit at once and saves it. Rejects with the core's error (after putting the saved
   * value back and keeping the error beside the field), so an inline editor can stay open.
   */
  edit(id: string, edit: GoalEdit, known: readonly RiskRef[] = []): Promise<void> {
    const current = this.goals.find((g) => g.id === id)
    if (!current) return Promise.resolve()
    const seq = this.#stamp(id)
    const key = `${id}:${edit.field}`
    this.#replace(applyEdit(current, edit, known))
    return this.saves.enqueue(async () => {
      try {
        this.#take(await api.editGoal(id, edit), seq)
        this.saves.setError(key, null)
        if (NUMBERS.includes(edit.field)) leading.bump()
      } catch (e) {
        const err = toApiError(e)
        this.saves.setError(`${id}:${err.field && err.field !== 'value' ? err.field : edit.field}`, err.message)
        const base = this.#confirmed.get(id)
        const now = this.goals.find((g) => g.id === id)
        if (base && now && this.#latest.get(id) === seq) {
          const back =
            edit.field === 'risks'
              ? { field: 'risks' as const, value: base.risks.map((r) => r.id) }
              : ({ field: edit.field, value: base[edit.field] } as GoalEdit)
          this.#replace(applyEdit(now, back, base.risks))
        }
        throw err
      }
    })
  }

  /** Links exactly these risks to the goal (the picker knows them; the core gets their ids). */
  linkRisks(id: string, risks: readonly RiskRef[]): Promise<void> {
    return this.edit(id, { field: 'risks', value: risks.map((r) => r.id) }, risks)
  }

  /**
   * Turns the goal's typed risks & mitigations into a risk of the register, linked to it; the
   * core clears the typed text in the same write. Resolves with the new risk; rejects with the
   * core's error (kept beside the typed text, which stays).
   */
  convertRiskText(id: string): Promise<Risk> {
    const key = `${id}:risks_text`
    let made: Risk | undefined
    return this.saves
      .enqueue(async () => {
        try {
          made = await riskFromGoalText(id)
          this.saves.setError(key, null)
        } catch (e) {
          const err = toApiError(e)
          this.saves.setError(key, err.message)
          throw err
        }
        const ref = riskRef(made)
        const turned = (g: Goal): Goal => {
          const risks = sortRiskRefs([...g.risks.filter((r) => r.id !== ref.id), ref])
          return { ...g, risks_text: '', risks, risk_band: highestBand(risks) }
        }
        const base = this.#confirmed.get(id)
        if (base) this.#confirmed.set(id, turned(base))
        const now = this.goals.find((g) => g.id === id)
        if (now) this.#replace(turned(now))
      })
      .then(() => made!)
  }

  /** Adds a reading (today when `date` is null); rejects with the core's error. */
  addReading(id: string, value: number, date: string | null): Promise<void> {
    const seq = this.#stamp(id)
    return this.saves.enqueue(async () => {
      try {
        this.#take(await api.addReading(id, value, date), seq)
        this.saves.setError(`${id}:reading`, null)
        leading.bump()
      } catch (e) {
        const err = toApiError(e)
        this.saves.setError(`${id}:reading`, err.message)
        throw err
      }
    })
  }

  /** Deletes a reading typed by mistake; rejects with the core's error. */
  deleteReading(id: string, readingId: string): Promise<void> {
    const seq = this.#stamp(id)
    return this.saves.enqueue(async () => {
      try {
        this.#take(await api.deleteReading(readingId), seq)
        this.saves.setError(`${id}:readings`, null)
        leading.bump()
      } catch (e) {
        const err = toApiError(e)
        this.saves.setError(`${id}:readings`, err.message)
        throw err
      }
    })
  }

  /** Adds a goal; rejects with the core's error for the form to show. */
  async add(goal: NewGoal): Promise<Goal> {
    const g = await api.addGoal(this.projectId, goal)
    this.#confirmed.set(g.id, g)
    this.goals = [...this.goals, g]
    this.added = new Set([...this.added, g.id])
    return g
  }

  async remove(id: string): Promise<void> {
    await api.removeGoal(id)
    this.#confirmed.delete(id)
    this.goals = this.goals.filter((g) => g.id !== id)
    this.saves.dropRow(id)
    // The core unties the leading metric from a removed goal; the header follows.
    const p = projects.all.find((x) => x.id === this.projectId)
    if (p?.leading_goal_id === id) projects.upsert({ ...p, leading_goal_id: null })
    leading.bump()
  }

  /** Ties the project's leading metric to a goal (or unties it with null). */
  async setLeading(goalId: string | null, errorSlotOf: string | null = goalId): Promise<Project> {
    const key = `${errorSlotOf ?? ''}:leading`
    try {
      const p = await editProject(this.projectId, { field: 'leading_goal', value: goalId })
      projects.upsert(p)
      this.saves.setError(key, null)
      leading.bump()
      return p
    } catch (e) {
      const err = toApiError(e)
      this.saves.setError(key, err.message)
      throw err
    }
  }

  /** Resolves when every queued save has landed (tests wait on it). */
  settled(): Promise<void> {
    return this.saves.settled
  }
}
