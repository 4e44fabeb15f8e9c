import { afterEach, expect, test, vi } from 'vitest'
import { mockIPC } from '@tauri-apps/api/mocks'
import type { AgendaItem } from '../api/bindings'
import { AgendaStore } from './agenda.svelte'
import { firstOf, item } from './testdata'

afterEach(() => {
  vi.unstubAllGlobals()
})

test('a mark made while the rest of the agenda is on its way is not undone by its answer', async () => {
  const all = Array.from({ length: 100 }, (_, i) => item(`Review ${String(i).padStart(3, '0')}`, '2027-03-01'))
  const answers: ((items: AgendaItem[]) => void)[] = []
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as { limit?: number; item?: string }
    if (cmd === 'agenda_first') return firstOf(all, a.limit!)
    // Held until the test answers, as a slow 5 MB answer would be.
    if (cmd === 'agenda') return new Promise<AgendaItem[]>((resolve) => answers.push(resolve))
    if (cmd === 'mark_reviewed') return null
    if (cmd === 'agenda_due_counts') return {}
    throw `Command ${cmd} not found`
  })
  vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => setTimeout(() => f(0)))
  const store = new AgendaStore(null)
  await store.load()
  expect(store.items).toHaveLength(40)
  expect(store.total).toBe(100)
  await vi.waitFor(() => expect(answers).toHaveLength(1))

  await store.review(all[0], '')
  expect(store.items.map((i) => i.id)).not.toContain(all[0].id)
  expect(store.total).toBe(99)
  expect(store.counts.later).toBe(99)

  // The first answer was made before the mark: the store asks again instead of showing it.
  answers[0](all)
  await vi.waitFor(() => expect(answers).toHaveLength(2))
  expect(store.items).toHaveLength(39)
  answers[1](all.slice(1))
  await vi.waitFor(() => expect(store.head).toBeNull())
  expect(store.items).toHaveLength(99)
  expect(store.items[0].id).toBe(all[1].id)
  expect(store.total).toBe(99)
})

test('a reload (after an undo) while the rest is on its way keeps the newer answer', async () => {
  let all = Array.from({ length: 100 }, (_, i) => item(`Review ${String(i).padStart(3, '0')}`, '2027-03-01'))
  const answers: ((items: AgendaItem[]) => void)[] = []
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as { limit?: number }
    if (cmd === 'agenda_first') return firstOf(all, a.limit!)
    if (cmd === 'agenda') return new Promise<AgendaItem[]>((resolve) => answers.push(resolve))
    throw `Command ${cmd} not found`
  })
  vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => setTimeout(() => f(0)))
  const store = new AgendaStore(null)
  await store.load()
  await vi.waitFor(() => expect(answers).toHaveLength(1))
  const before = all
  all = all.slice(0, 90)
  await store.load()
  await vi.waitFor(() => expect(answers).toHaveLength(2))
  answers[1](all)
  await vi.waitFor(() => expect(store.head).toBeNull())
  answers[0](before)
  await new Promise((r) => setTimeout(r, 20))
  expect(store.items).toHaveLength(90)
  expect(store.total).toBe(90)
})
