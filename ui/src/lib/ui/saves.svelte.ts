// What every editing page's store shares: its writes run one after another in the order typed,
// the save status it shows ("Saving…", "Saved", "Not saved: …"), and the core's errors kept by
// `${rowId}:${field}` so each shows beside its field.

export type SaveState = 'idle' | 'saving' | 'saved' | 'error'

export class Saves {
  state = $state<SaveState>('idle')
  errors = $state.raw<Record<string, string>>({})
  readonly lastError = $derived(Object.values(this.errors).at(-1) ?? null)

  #pending = 0
  #queue: Promise<void> = Promise.resolve()

  /** Writes queued or running. */
  get pending(): number {
    return this.#pending
  }

  /** Settles once every write queued so far has. */
  get settled(): Promise<void> {
    return this.#queue
  }

  /** Runs `job` after the writes before it, tracking the visible save state. */
  enqueue(job: () => Promise<void>): Promise<void> {
    this.#pending++
    this.state = 'saving'
    const run = this.#queue.then(job).finally(() => {
      this.#pending--
      if (this.#pending === 0) this.state = Object.keys(this.errors).length > 0 ? 'error' : 'saved'
    })
    this.#queue = run.catch(() => undefined)
    return run
  }

  /** Sets or (with null) clears the error kept under `key`. */
  setError(key: string, message: string | null): void {
    if (message == null) {
      if (!(key in this.errors)) return
      const rest = { ...this.errors }
      delete rest[key]
      this.errors = rest
    } else {
      this.errors = { ...this.errors, [key]: message }
    }
  }

  /** Forgets every error of a row (it was removed). */
  dropRow(id: string): void {
    this.errors = Object.fromEntries(Object.entries(this.errors).filter(([k]) => !k.startsWith(`${id}:`)))
  }
}
