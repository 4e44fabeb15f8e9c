// One "ask where, write, say where it went, offer Open" export, shared by the JSON and CSV
// buttons so they behave alike: a cancelled dialog writes nothing and shows nothing, a failure
// shows the core's message, a new run clears the last result.

import { messageOf } from '../api/call'
import { openExported } from '../api/data'

export class FileExport {
  busy = $state(false)
  written = $state<string | null>(null)
  error = $state<string | null>(null)

  /** `choose` asks where (null: cancelled); `write` writes there and resolves with the path
   *  actually written (the core may add the extension). */
  async run(choose: () => Promise<string | null>, write: (path: string) => Promise<string>): Promise<void> {
    this.error = null
    this.written = null
    try {
      const path = await choose()
      if (!path) return
      this.busy = true
      this.written = await write(path)
    } catch (e) {
      this.error = messageOf(e)
    } finally {
      this.busy = false
    }
  }

  async open(): Promise<void> {
    if (!this.written) return
    try {
      await openExported(this.written)
    } catch (e) {
      this.error = messageOf(e)
    }
  }
}
