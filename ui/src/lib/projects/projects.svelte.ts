// The workspace's projects, as the sidebar and the project page see them.

import type { Project } from '../api/bindings'
import { firstScreen, listProjects } from '../api/projects'
import { forgetPreloaded, preloadScorecard } from '../api/scorecard'

const LAST_KEY = 'northstar.lastProject'

function byName(a: Project, b: Project): number {
  return a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) || a.created_at.localeCompare(b.created_at)
}

class ProjectsStore {
  all = $state.raw<Project[]>([])
  selectedId = $state<string | null>(null)
  loaded = $state(false)
  loadError = $state<string | null>(null)
  /** Goes up when data changed behind the pages' backs (an import): the shell re-mounts them. */
  version = $state(0)

  readonly active = $derived(this.all.filter((p) => !p.archived).sort(byName))
  readonly archived = $derived(this.all.filter((p) => p.archived).sort(byName))
  readonly selected = $derived(this.all.find((p) => p.id === this.selectedId) ?? null)

  async load(): Promise<void> {
    await this.#take(listProjects)
  }

  /** The launch: the list and, when the page that opens is the scorecard, the scorecard of the
   *  project that opens, in one round trip. */
  async loadFirst(scorecard: boolean): Promise<void> {
    const preloaded: { id?: string } = {}
    await this.#take(async () => {
      const first = await firstScreen(remembered(), scorecard)
      // For the launch profile (bench_bare::launch_profile): when the first screen's data is in.
      performance.mark('northstar:first-data')
      // Handed over before the list is in: the page mounts, and asks, as soon as it is.
      if (first.selected && first.scorecard) preloadScorecard((preloaded.id = first.selected), first.scorecard)
      return first.projects
    })
    // Another project opened (the core may sort names a little differently): not kept for later.
    if (preloaded.id && preloaded.id !== this.selectedId) forgetPreloaded()
  }

  async #take(read: () => Promise<Project[]>): Promise<void> {
    try {
      this.all = await read()
      this.loadError = null
    } catch (e) {
      this.loadError = e instanceof Error ? e.message : String(e)
    }
    this.loaded = true
    if (!this.selected) {
      const last = remembered()
      const known = last && this.all.some((p) => p.id === last) ? last : null
      this.select(known ?? this.active[0]?.id ?? this.archived[0]?.id ?? null)
    }
  }

  /** Reads the list again after an import, which may have made a project or filled one that is
   *  on screen, and has the pages read theirs again. */
  async reload(): Promise<void> {
    await this.load()
    this.version++
  }

  select(id: string | null): void {
    this.selectedId = id && this.all.some((p) => p.id === id) ? id : null
    if (this.selectedId) remember(this.selectedId)
  }

  /** Puts a created or edited project in place. */
  upsert(project: Project): void {
    const i = this.all.findIndex((p) => p.id === project.id)
    this.all = i < 0 ? [...this.all, project] : this.all.with(i, project)
  }

  /** Drops a deleted project and moves the selection to a neighbour. */
  remove(id: string): void {
    const list = [...this.active, ...this.archived]
    const i = list.findIndex((p) => p.id === id)
    this.all = this.all.filter((p) => p.id !== id)
    if (this.selectedId === id) {
      const rest = list.filter((p) => p.id !== id)
      this.select(rest[Math.min(Math.max(i, 0), rest.length - 1)]?.id ?? null)
    }
  }
}

function remembered(): string | null {
  try {
    return localStorage.getItem(LAST_KEY)
  } catch {
    return null
  }
}

function remember(id: string): void {
  try {
    localStorage.setItem(LAST_KEY, id)
  } catch {
    // A private or full storage only loses the convenience.
  }
}

export const projects = new ProjectsStore()
