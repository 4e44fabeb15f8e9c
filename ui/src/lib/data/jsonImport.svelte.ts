// Importing a Northstar JSON file: choose it, preview (nothing written), settle what the preview
// asks (a taken name: import under another; ids already here: remap them), import. The name is
// checked by previewing again as the user types, so Import is only offered for a name the core
// has just said is free, never on a guess made here.

import type { JsonImportOptions, JsonImportPreview, JsonImportReport } from '../api/bindings'
import { chooseJsonFile, importJson, previewJsonImport } from '../api/data'
import { messageOf } from '../api/call'
import { projects } from '../projects/projects.svelte'
import { due } from '../agenda/due.svelte'

/** Typing pause before the name is checked again. */
export const RENAME_DELAY = 300

export class JsonImport {
  path = $state<string | null>(null)
  preview = $state.raw<JsonImportPreview | null>(null)
  /** The file's one project clashed, so it is imported under `rename`. */
  renaming = $state(false)
  rename = $state('')
  /** Ids of the file are already here (imported before): every row gets a new one. */
  remap = $state(false)
  /** A name typed is waiting to be checked, or being checked. */
  checking = $state(false)
  renameError = $state<string | null>(null)
  /** The file could not be read or imported. */
  error = $state<string | null>(null)
  busy = $state(false)
  report = $state.raw<JsonImportReport | null>(null)

  #seq = 0
  #timer: ReturnType<typeof setTimeout> | undefined

  get ready(): boolean {
    const p = this.preview
    return !!p && !this.busy && !this.checking && !this.renameError && p.name_clashes.length === 0
  }

  options(): JsonImportOptions {
    return this.renaming ? { rename: this.rename.trim(), remap_ids: this.remap } : { remap_ids: this.remap }
  }

  async choose(): Promise<void> {
    this.error = null
    try {
      const path = await chooseJsonFile()
      if (!path) return
      this.cancel()
      this.busy = true
      await this.#load(path)
    } catch (e) {
      this.error = messageOf(e)
    } finally {
      this.busy = false
    }
  }

  /** First look at a file: what it holds and what must be settled before it can come in. */
  async #load(path: string): Promise<void> {
    const p = await previewJsonImport(path, { remap_ids: false })
    this.path = path
    this.report = null
    this.remap = p.ids_present
    this.preview = p
    // Only a file with one project can be renamed; one with several clashes says so instead.
    if (p.name_clashes.length > 0 && p.projects.length === 1) {
      this.renaming = true
      this.rename = `${p.projects[0].name} (copy)`
      await this.#check()
    }
  }

  setRename(name: string): void {
    this.rename = name
    this.#seq++
    this.checking = true
    this.renameError = null
    clearTimeout(this.#timer)
    this.#timer = setTimeout(() => void this.#check(), RENAME_DELAY)
  }

  /** Previews again under the name typed; only the newest answer counts. */
  async #check(): Promise<void> {
    const path = this.path
    if (!path) return
    const seq = ++this.#seq
    if (!this.rename.trim()) {
      this.checking = false
      this.renameError = 'Name the project to import.'
      return
    }
    this.checking = true
    try {
      const p = await previewJsonImport(path, this.options())
      if (seq !== this.#seq) return
      this.preview = p
      this.renameError = null
    } catch (e) {
      if (seq === this.#seq) this.renameError = messageOf(e)
    } finally {
      if (seq === this.#seq) this.checking = false
    }
  }

  async apply(): Promise<void> {
    const path = this.path
    if (!path || !this.ready) return
    this.busy = true
    this.error = null
    try {
      this.report = await importJson(path, this.options())
      this.preview = null
      this.path = null
      await projects.reload()
      void due.refresh()
    } catch (e) {
      this.error = messageOf(e)
      // Something changed since the preview (another window took the name): look again, so
      // the preview asks what now needs settling.
      await (this.renaming ? this.#check() : this.#load(path)).catch(() => {})
    } finally {
      this.busy = false
    }
  }

  cancel(): void {
    clearTimeout(this.#timer)
    this.#seq++
    this.path = null
    this.preview = null
    this.renaming = false
    this.rename = ''
    this.remap = false
    this.checking = false
    this.renameError = null
    this.error = null
  }

  dispose(): void {
    clearTimeout(this.#timer)
  }
}
