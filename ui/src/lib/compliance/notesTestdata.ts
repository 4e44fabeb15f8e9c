// A fake core for the Notes and History views' tests: it keeps a notes view and a review
// history, applies the writes as the core does (vendor names unique ignoring case, a tick
// signed "ana", the history append-only), and answers each write with the whole view.

import type {
  Control,
  InventoryEdit,
  InventoryRow,
  NewInventoryRow,
  NewReview,
  NewVendor,
  NotesView,
  Question,
  Review,
  SnapshotEdit,
  Vendor,
  VendorEdit,
} from '../api/bindings'

export function inventoryRow(category: string, over: Partial<InventoryRow> = {}): InventoryRow {
  return { id: `i-${category}`, category, source: '', storage: '', retention: '', access: '', kind: null, flag: null, needs: null, ...over }
}

export function vendor(name: string, over: Partial<Vendor> = {}): Vendor {
  return { id: `v-${name}`, name, data_shared: '', verified: false, verified_with: '', verified_on: null, actions: '', recheck_date: null, ...over }
}

export function control(label: string, over: Partial<Control> = {}): Control {
  return { id: `c-${label}`, label, done: false, done_by: '', done_at: null, ...over }
}

export function review(id: string, date: string, reviewer: string, over: Partial<Review> = {}): Review {
  return { id, date, reviewer, findings: '', corrects: null, created_at: `${date}T10:00:00Z`, ...over }
}

const QUESTIONS: [string, string][] = [
  ['transfers', 'Do we transfer data across borders that require additional agreements?'],
  ['vendors', 'Which third-party vendors store or process sensitive data on our behalf?'],
  ['incidents', 'Are incident response and breach notification steps documented for each regulation?'],
  ['next_review', 'When is our next compliance review, and what evidence will we present?'],
]

export function notesView(over: Partial<NotesView> = {}): NotesView {
  return {
    snapshot: { last_reviewed: null, next_review_date: null, next_review_milestone: '', undated: false, owner: '' },
    data_inventory: [],
    triggers: [],
    vendors: [],
    controls: ['HTTPS enforced across environments', 'MFA enabled for admin consoles'].map((l) => control(l)),
    questions: QUESTIONS.map(([key, text]): Question => ({ key, text, done: false, note: '' })),
    ...over,
  }
}

type Args = Record<string, unknown>
const refuse = (field: string, message: string) => ({ kind: 'invalid', field, message })

/** Answers the compliance notes and history commands over `state`; null for any other. */
export function fakeCore(state: { notes: NotesView; reviews: Review[] }, today: string) {
  let n = 0
  const v = () => state.notes
  const set = (patch: Partial<NotesView>) => (state.notes = { ...state.notes, ...patch })
  return (cmd: string, a: Args): unknown => {
    switch (cmd) {
      case 'compliance_notes':
        return v()
      case 'compliance_reviews':
        return state.reviews
      case 'edit_compliance_snapshot': {
        const e = a.edit as SnapshotEdit
        const s = { ...v().snapshot, [e.field]: e.value }
        s.undated = !s.next_review_date && s.next_review_milestone !== ''
        set({ snapshot: s })
        return s
      }
      case 'add_inventory_row': {
        const r = a.new as NewInventoryRow
        if (!r.category.trim()) throw refuse('category', 'A data category is required.')
        return set({ data_inventory: [...v().data_inventory, inventoryRow(r.category, { ...r, kind: r.kind ?? null, id: `i-new-${++n}` })] })
      }
      case 'edit_inventory_row': {
        const e = a.edit as InventoryEdit
        return set({ data_inventory: v().data_inventory.map((r) => (r.id === a.id ? { ...r, [e.field]: e.value } : r)) })
      }
      case 'remove_inventory_row':
        return set({ data_inventory: v().data_inventory.filter((r) => r.id !== a.id) })
      case 'add_vendor': {
        const x = a.new as NewVendor
        const taken = v().vendors.find((o) => o.name.toLowerCase() === x.name.trim().toLowerCase())
        if (taken) throw refuse('name', `This project already lists the vendor “${taken.name}”.`)
        return set({ vendors: [...v().vendors, vendor(x.name, { ...x, verified_on: null, recheck_date: null, id: `v-new-${++n}` })] })
      }
      case 'edit_vendor': {
        const e = a.edit as VendorEdit
        if (e.field === 'name' && v().vendors.some((o) => o.id !== a.id && o.name.toLowerCase() === e.value.toLowerCase())) {
          throw refuse('name', `This project already lists the vendor “${e.value}”.`)
        }
        const tick = e.field === 'verified' && e.value ? { verified_on: today, recheck_date: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}` } : {}
        return set({ vendors: v().vendors.map((o) => (o.id === a.id ? { ...o, ...tick, [e.field]: e.value } : o)) })
      }
      case 'add_control':
        return set({ controls: [...v().controls, control(a.label as string, { id: `c-new-${++n}` })] })
      case 'tick_control': {
        const done = a.done as boolean
        const sign = done ? { done_by: 'ana', done_at: `${today}T09:30:00Z` } : { done_by: '', done_at: null }
        return set({ controls: v().controls.map((c) => (c.id === a.id ? { ...c, done, ...sign } : c)) })
      }
      case 'remove_control':
        return set({ controls: v().controls.filter((c) => c.id !== a.id) })
      case 'set_compliance_question':
        return set({ questions: v().questions.map((q) => (q.key === a.key ? { ...q, done: a.done as boolean, note: a.note as string } : q)) })
      case 'record_review': {
        const r = a.new as NewReview
        const date = r.date || today
        if (date > today) throw refuse('date', `A review cannot be dated in the future (${date}).`)
        if (!r.reviewer.trim()) throw refuse('reviewer', 'A reviewer is required.')
        const entry = review(`r-new-${++n}`, date, r.reviewer.trim(), { findings: r.findings, corrects: r.corrects ?? null })
        state.reviews = [entry, ...state.reviews].sort((x, y) => y.date.localeCompare(x.date))
        return state.reviews
      }
    }
    return null
  }
}
