// The undo toast ("Score changed · Undo") and what Ctrl+Z and Ctrl+Shift+Z do: the one stack
// of the workspace, kept by the core, so every page and the command line share it.

import type { Committed, UndoOutcome } from '../api/bindings'
import { redo, undo } from '../api/undo'
import { messageOf } from '../api/call'
import { focusKey, refocus } from '../ui/refocus'
import { projects } from '../projects/projects.svelte'
import { agendaMode, leaveAgenda } from '../agenda/mode.svelte'

export type ToastAction = 'undo' | 'redo' | null

const SHOWN_MS = 8000

class Toast {
  message = $state<string | null>(null)
  action = $state<ToastAction>(null)
  error = $state(false)
  /** Goes up with each toast, so the same words twice are announced twice. */
  serial = $state(0)
  #timer: ReturnType<typeof setTimeout> | undefined
  #held = false

  show(message: string, action: ToastAction, error = false): void {
    this.message = message
    this.action = action
    this.error = error
    this.serial++
    this.#arm()
  }

  hide(): void {
    clearTimeout(this.#timer)
    this.message = null
    this.action = null
  }

  /** Kept on screen while focus is in it. */
  hold(held: boolean): void {
    this.#held = held
    this.#arm()
  }

  #arm(): void {
    clearTimeout(this.#timer)
    if (!this.#held) this.#timer = setTimeout(() => this.hide(), SHOWN_MS)
  }
}

export const toast = new Toast()

/** After each edit the window made: its words and the way back. */
export function edited(c: Committed): void {
  if ((c.kind === 'edit' || c.kind === 'restore') && c.undoable) toast.show(c.label, 'undo')
}

let running = false

/** Ctrl+Z or Ctrl+Shift+Z: reverses on the core's stack, reads every page again and goes to the
 *  project it was about. */
export async function step(kind: 'undo' | 'redo'): Promise<void> {
  if (running) return
  running = true
  try {
    // The pages are built again below: the keyboard goes back to the row it was on.
    const focused = focusKey(document.activeElement)
    const out = await (kind === 'undo' ? undo() : redo())
    await shown(out)
    void refocus(focused)
    toast.show(out.note ? `${out.message}. ${out.note}` : out.message, kind === 'undo' ? 'redo' : 'undo')
  } catch (e) {
    toast.show(messageOf(e), null, true)
  } finally {
    running = false
  }
}

/** Reads everything again after an undo, redo or restore, then shows its project. */
export async function shown(out: UndoOutcome): Promise<void> {
  await projects.reload()
  const id = out.project_id
  if (id && projects.all.some((p) => p.id === id) && (agendaMode.open || projects.selectedId !== id)) {
    leaveAgenda()
    projects.select(id)
  }
}
