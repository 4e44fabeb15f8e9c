import { describe, expect, test } from 'vitest'
import { mockIPC } from '@tauri-apps/api/mocks'
import type { RiskPage, RiskQuery } from '../api/bindings'
import { RisksStore, applyEdit, queryOf, statusFits, DEFAULT_FILTERS, PAGE } from './risks.svelte'
import { heatOf, later, pageOf, risk, viewOf } from './testdata'
import { settle } from '../../test/fixtures'

describe('queries and local edits', () => {
  test('the query names only the filters that are set, and always a page of PAGE', () => {
    expect(queryOf(DEFAULT_FILTERS, 0)).toEqual({ status: 'active', search: '', sort: 'severity', offset: 0, limit: PAGE })
    const q = queryOf({ ...DEFAULT_FILTERS, owner: '', band: 'high', cell: { likelihood: 4, impact: 3 } }, 200)
    expect(q).toMatchObject({ owner: '', band: 'high', cell: { likelihood: 4, impact: 3 }, offset: 200, limit: 100 })
  })

  test('likelihood and impact give severity and band at once; closing waits for the core', () => {
    const r = risk('Vendor', { likelihood: 2, impact: 2 })
    expect(applyEdit(r, { field: 'likelihood', value: 5 })).toMatchObject({ severity: 10, band: 'high' })
    expect(applyEdit(r, { field: 'close', value: 'Gone' })).toBe(r)
  })

  test('the default list keeps closed risks only while searching', () => {
    expect(statusFits('closed', DEFAULT_FILTERS)).toBe(false)
    expect(statusFits('closed', { ...DEFAULT_FILTERS, search: 'vendor' })).toBe(true)
    expect(statusFits('open', { ...DEFAULT_FILTERS, status: 'closed' })).toBe(false)
    expect(statusFits('closed', { ...DEFAULT_FILTERS, status: 'all' })).toBe(true)
  })
})

describe('RisksStore', () => {
  test('while a list is out, only the newest query goes next, and older answers are never shown', async () => {
    const all = [risk('alpha'), risk('albatross'), risk('beta')]
    const asked: RiskQuery[] = []
    const answers: { resolve: (p: RiskPage) => void }[] = []
    mockIPC((cmd, args) => {
      const q = (args as { query: RiskQuery }).query
      if (cmd === 'risks_view') return viewOf(all, q)
      if (cmd === 'list_risks') {
        asked.push(q)
        const l = later<RiskPage>()
        answers.push(l)
        return l.promise
      }
      throw `Command ${cmd} not found`
    })
    const store = new RisksStore('p1')
    await store.load()
    expect(store.rows).toHaveLength(3)

    const a = store.setFilters({ search: 'a' })
    await settle()
    const al = store.setFilters({ search: 'al' })
    const alb = store.setFilters({ search: 'alb' })
    await settle()
    expect(asked.map((q) => q.search)).toEqual(['a'])
    answers[0].resolve(pageOf(all, asked[0]))
    expect(await a).toBeNull()
    expect(await al).toBeNull()
    await settle()
    // "a"'s answer was dropped: the rows are still the first screen's.
    expect(store.rows.map((r) => r.title)).toEqual(['alpha', 'albatross', 'beta'])
    expect(asked.map((q) => q.search)).toEqual(['a', 'alb'])
    answers[1].resolve(pageOf(all, asked[1]))
    expect(await alb).toMatchObject({ search: 'alb', offset: 0 })
    expect(store.rows.map((r) => r.title)).toEqual(['albatross'])
    expect(store.total).toBe(1)
    expect(store.listing).toBe(false)
  })

  test('further pages are asked from where the rows end, and a row already shown is not shown twice', async () => {
    const all = Array.from({ length: 230 }, (_, i) => risk(`Risk ${i}`))
    const asked: RiskQuery[] = []
    mockIPC((cmd, args) => {
      const q = (args as { query: RiskQuery }).query
      if (cmd === 'risks_view') return viewOf(all, q)
      if (cmd === 'list_risks') {
        asked.push(q)
        return pageOf(all, q)
      }
      if (cmd === 'get_risk') return all.find((r) => r.id === (args as { id: string }).id)
      throw `Command ${cmd} not found`
    })
    const store = new RisksStore('p1')
    await store.load()
    expect(store.rows).toHaveLength(100)
    // Revealed from elsewhere (a goal's chip): it sits on top, and its own page does not repeat it.
    await store.reveal('r-Risk 150')
    expect(store.rows[0].title).toBe('Risk 150')
    expect(store.editing).toBe('r-Risk 150')
    await store.loadMore()
    expect(asked.at(-1)).toMatchObject({ offset: 100, limit: 100 })
    await store.loadMore()
    expect(store.rows).toHaveLength(230)
    expect(new Set(store.rows.map((r) => r.id)).size).toBe(230)
    expect(store.more).toBe(false)
    await store.loadMore()
    expect(asked).toHaveLength(2)
  })

  test('a refused edit puts the saved value back and keeps the error beside the field', async () => {
    const r = risk('Vendor', { likelihood: 2 })
    mockIPC((cmd, args) => {
      const q = (args as { query: RiskQuery }).query
      if (cmd === 'risks_view') return viewOf([r], q)
      if (cmd === 'edit_risk') throw { kind: 'invalid', message: 'A risk\u2019s title is required.', field: 'title' }
      throw `Command ${cmd} not found`
    })
    const store = new RisksStore('p1')
    await store.load()
    const p = store.edit(r.id, { field: 'title', value: '' })
    expect(store.rows[0].title).toBe('')
    await expect(p).rejects.toMatchObject({ field: 'title' })
    expect(store.rows[0].title).toBe('Vendor')
    expect(store.errorFor(r.id, 'title')).toBe('A risk’s title is required.')
    expect(store.saveState).toBe('error')
  })

  test('closing takes the row out of the default list and reads the heat map again', async () => {
    const all = [risk('Vendor'), risk('Outage', { likelihood: 5, impact: 5 })]
    const cmds: string[] = []
    mockIPC((cmd, args) => {
      cmds.push(cmd)
      const a = args as { query: RiskQuery; id: string; edit: { field: string; value: string } }
      if (cmd === 'risks_view') return viewOf(all, a.query)
      if (cmd === 'edit_risk') {
        const i = all.findIndex((x) => x.id === a.id)
        all[i] = { ...all[i], status: 'closed', closing_note: a.edit.value }
        return all[i]
      }
      if (cmd === 'risk_heat_map') return heatOf(all)
      throw `Command ${cmd} not found`
    })
    const store = new RisksStore('p1')
    await store.load()
    expect(store.heat!.total).toBe(2)
    store.editing = 'r-Vendor'
    await store.edit('r-Vendor', { field: 'close', value: 'Vendor replaced' })
    await store.settled()
    expect(store.rows.map((x) => x.title)).toEqual(['Outage'])
    expect(store.total).toBe(1)
    expect(store.editing).toBeNull()
    expect(store.heat!.total).toBe(1)
    expect(cmds).toContain('risk_heat_map')
    expect(cmds).not.toContain('risk_owners')
  })
})
