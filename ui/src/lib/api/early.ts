// The answers to the questions src/first-screen.js asked from the page's head, before the app's
// scripts had loaded (the launch's app_info and first_screen), each taken once.

import type { AppInfo, FirstScreen } from './bindings'
import { toApiError } from './call'

interface EarlyAsks {
  app_info?: Promise<AppInfo>
  first_screen?: { args: { remembered: string | null; scorecard: boolean }; answer: Promise<FirstScreen> }
}

function take<K extends keyof EarlyAsks>(key: K): EarlyAsks[K] {
  const asks = (window as { __northstarEarly?: EarlyAsks }).__northstarEarly
  const got = asks?.[key]
  if (asks) delete asks[key]
  return got
}

/** Rejects, as a call would, with an ApiError. */
function answered<T>(answer: Promise<T>): Promise<T> {
  return answer.catch((e: unknown) => {
    throw toApiError(e)
  })
}

export function earlyAppInfo(): Promise<AppInfo> | undefined {
  const answer = take('app_info')
  return answer && answered(answer)
}

/** The early first screen, if it was asked with these same arguments. */
export function earlyFirstScreen(remembered: string | null, scorecard: boolean): Promise<FirstScreen> | undefined {
  const early = take('first_screen')
  if (!early || early.args.remembered !== remembered || early.args.scorecard !== scorecard) return undefined
  return answered(early.answer)
}
