// The colour theme: follow the system, or always light, or always dark. The choice is kept in
// the webview's localStorage (read synchronously, so main.ts applies it before the first
// render) and applied as `data-theme` on <html>; app.css turns that into `color-scheme`, which
// picks every colour token (they are `light-dark()` pairs) and WebKit's own widgets alike.

export type ThemeChoice = 'system' | 'light' | 'dark'

export const THEME_KEY = 'northstar.theme'

export const THEMES: readonly { id: ThemeChoice; label: string }[] = [
  { id: 'system', label: 'System' },
  { id: 'light', label: 'Light' },
  { id: 'dark', label: 'Dark' },
]

function isChoice(v: unknown): v is ThemeChoice {
  return THEMES.some((t) => t.id === v)
}

/** The stored choice; `system` when none, unreadable, or not one of the three. */
export function storedTheme(storage: Pick<Storage, 'getItem'> = localStorage): ThemeChoice {
  try {
    const v = storage.getItem(THEME_KEY)
    return isChoice(v) ? v : 'system'
  } catch {
    return 'system'
  }
}

/** Shows `choice` now: `system` removes the attribute, so app.css follows prefers-color-scheme. */
export function applyTheme(choice: ThemeChoice, root: HTMLElement = document.documentElement): void {
  if (choice === 'system') root.removeAttribute('data-theme')
  else root.setAttribute('data-theme', choice)
}

/** Applies and remembers `choice`. Returns false when it could not be stored (private or full
 *  storage): it still applies to this window until it closes. */
export function saveTheme(
  choice: ThemeChoice,
  storage: Pick<Storage, 'setItem' | 'removeItem'> = localStorage,
  root: HTMLElement = document.documentElement,
): boolean {
  if (!isChoice(choice)) throw new Error(`Unknown theme: ${String(choice)}`)
  applyTheme(choice, root)
  try {
    if (choice === 'system') storage.removeItem(THEME_KEY)
    else storage.setItem(THEME_KEY, choice)
    return true
  } catch {
    return false
  }
}
