// A checkpoint date as the page shows it before its date field is opened: the way the date
// field itself shows it (numeric, in the user's locale), so opening the field moves nothing.

const numeric = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  timeZone: 'UTC',
})

/** "12/12/2026" for "2026-12-12" in en-US; the ISO text if it is not a date; a prompt if none. */
export function dateShown(iso: string | null): string {
  if (!iso) return 'Set a date'
  const [y, m, d] = iso.split('-').map(Number)
  const at = Date.UTC(y, m - 1, d)
  return Number.isNaN(at) ? iso : numeric.format(at)
}
