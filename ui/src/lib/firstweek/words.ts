// Words the first-week card shows, kept here so they are tested.

import type { FirstWeek, FirstWeekItem } from '../api/bindings'

/** "4 of 10 done". */
export function progressWords(done: number, total: number): string {
  return `${done} of ${total} done`
}

/** The card as it looks once `key` is ticked or unticked: for the instant before the core answers. */
export function withTick(card: FirstWeek, key: string, done: boolean): FirstWeek {
  const items: FirstWeekItem[] = card.items.map((i) => (i.key === key && i.by_hand ? { ...i, done } : i))
  const count = items.filter((i) => i.done).length
  return { ...card, items, done: count, complete: count === card.total }
}
