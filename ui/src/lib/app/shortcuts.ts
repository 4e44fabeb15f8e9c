// App-wide keyboard shortcuts.

/** Ctrl+N (Cmd+N on macOS) opens the new-project form. */
export function isNewProject(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): boolean {
  return (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'n'
}

/** Ctrl+K (Cmd+K on macOS) opens the command palette. */
export function isPalette(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): boolean {
  return (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'k'
}

type Keys = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>

/** Ctrl+Z (Cmd+Z): undo the last edit. */
export function isUndo(e: Keys): boolean {
  return (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'z'
}

/** Ctrl+Shift+Z or Ctrl+Y (Cmd+Shift+Z): redo what the last undo took back. */
export function isRedo(e: Keys): boolean {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return false
  const k = e.key.toLowerCase()
  return (e.shiftKey && k === 'z') || (!e.shiftKey && k === 'y')
}

/** Where the browser's own text undo belongs: a text field, a text area, editable text. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true
  if (!(target instanceof HTMLInputElement)) return false
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type)
}
