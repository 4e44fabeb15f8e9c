// App-wide keyboard shortcuts.

/** Ctrl+N (Cmd+N on macOS) opens the new-project form. */
export function isNewProject(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): boolean {
  return (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'n'
}
