// The first-week card on a project's Overview.

import type { FirstWeek } from './bindings'
import { call } from './call'

export function getFirstWeek(projectId: string): Promise<FirstWeek> {
  return call<FirstWeek>('get_first_week', { projectId })
}

/** Ticks or unticks an item that is ticked by hand (`by_hand`). */
export function tickFirstWeek(projectId: string, key: string, done: boolean): Promise<FirstWeek> {
  return call<FirstWeek>('tick_first_week', { projectId, key, done })
}

/** Hides the card once every item is done (or brings it back). */
export function dismissFirstWeek(projectId: string, dismissed: boolean): Promise<FirstWeek> {
  return call<FirstWeek>('dismiss_first_week', { projectId, dismissed })
}
