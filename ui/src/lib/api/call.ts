// The one place that talks to Tauri's `invoke`. Every command rejects with an ApiError, so a
// component can show `message` next to the field named by `field`.

import { invoke } from '@tauri-apps/api/core'
import type { ErrorKind, ErrorPayload } from './bindings'

/** `ipc`: the command could not be reached at all (not registered, bridge missing). */
export type ApiErrorKind = ErrorKind | 'ipc'

export class ApiError extends Error {
  readonly kind: ApiErrorKind
  readonly field?: string

  constructor(kind: ApiErrorKind, message: string, field?: string) {
    super(message)
    this.name = 'ApiError'
    this.kind = kind
    if (field) this.field = field
  }
}

const KINDS: readonly string[] = [
  'not_found',
  'invalid',
  'conflict',
  'refused',
  'storage',
  'io',
  'report',
] satisfies ErrorKind[]

function isPayload(e: unknown): e is ErrorPayload {
  if (typeof e !== 'object' || e === null) return false
  const o = e as Record<string, unknown>
  return typeof o.kind === 'string' && KINDS.includes(o.kind) && typeof o.message === 'string'
}

/** Whatever a command rejected with, as an ApiError with a message a person can read. */
export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e
  if (isPayload(e)) return new ApiError(e.kind, e.message, e.field ?? undefined)
  if (typeof e === 'string' && e.trim()) return new ApiError('ipc', e)
  if (e instanceof Error && e.message) return new ApiError('ipc', e.message)
  return new ApiError('ipc', 'Northstar could not reach its workspace. Try again.')
}

/** Calls a command; resolves with its value or rejects with an ApiError. */
export async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args)
  } catch (e) {
    throw toApiError(e)
  }
}

/** The message of any error, for places that show one line. */
export function messageOf(e: unknown): string {
  return toApiError(e).message
}
