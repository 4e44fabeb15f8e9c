// Undo, redo and the trash: one stack across every area, kept in the workspace.

import { listen } from '@tauri-apps/api/event'
import type { Committed, Purged, TrashEntry, UndoOutcome, UndoState } from './bindings'
import { call } from './call'

export const undoState = () => call<UndoState>('undo_state')
export const undo = () => call<UndoOutcome>('undo')
export const redo = () => call<UndoOutcome>('redo')
export const listTrash = () => call<TrashEntry[]>('list_trash')
export const restoreTrash = (id: string) => call<UndoOutcome>('restore_trash', { id })
export const emptyTrash = () => call<Purged>('empty_trash')

/** Calls `handler` after every write the window's workspace commits; returns how to stop. */
export async function onEdited(handler: (c: Committed) => void): Promise<() => void> {
  try {
    return await listen<Committed>('edited', (e) => handler(e.payload))
  } catch {
    // No event bridge (a unit test without one): nothing will ever be sent.
    return () => {}
  }
}
