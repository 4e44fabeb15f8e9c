// After a restore the whole app shows the old workspace until the window reloads: the stores
// hold what was read before. Reloading starts everything from the restored file.

/** Set once this window restored a backup itself: its own dialog asks to reload, so the
 *  "restored elsewhere" banner must not ask again. */
export const restoredHere = $state({ value: false })

/** An object, so tests can replace `reload` (jsdom cannot navigate). */
export const page = {
  reload(): void {
    location.reload()
  },
}
