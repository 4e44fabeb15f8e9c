// A fake core for the Scan view's tests: it keeps answers, decisions, the library and scan rows,
// proposes regulations as proposals.rs does, and answers each write with the whole view.

import type {
  Answers,
  Decision,
  NewRegulation,
  NewScanRow,
  ProjectRegulation,
  Readiness,
  Regulation,
  ScanEdit,
  ScanRow,
  ScanView,
} from '../api/bindings'

const reg = (id: string, code: string, name: string, applies_when: string): Regulation => ({
  id,
  code,
  name,
  applies_when,
  controls: 'Records of processing; DPAs with vendors',
  covers: null,
  builtin: true,
})

export const LIBRARY: readonly Regulation[] = [
  reg('builtin-gdpr', 'GDPR', 'General Data Protection Regulation', 'You hold personal data of EU residents.'),
  reg('builtin-hipaa', 'HIPAA', 'Health Insurance Portability and Accountability Act', 'You handle US health information.'),
  reg('builtin-pci-dss', 'PCI DSS', 'Payment Card Industry Data Security Standard', 'You touch payment card data.'),
  reg('builtin-ferpa', 'FERPA', 'Family Educational Rights and Privacy Act', 'You hold US education records.'),
  reg('builtin-coppa', 'COPPA', 'Children’s Online Privacy Protection Act', 'You collect data of US children under 13.'),
]

export function scanRow(area: string, regulation: Regulation, readiness: Readiness, over: Partial<ScanRow> = {}): ScanRow {
  return {
    id: `s-${area}`,
    area,
    regulation_id: regulation.id,
    regulation: regulation.code,
    readiness,
    proof: '',
    gaps: '',
    owner: '',
    review_date: null,
    ...over,
  }
}

type Refusal = { kind: 'invalid'; message: string; field: string }
const refuse = (field: string, message: string): Refusal => ({ kind: 'invalid', message, field })
const WORST: readonly Readiness[] = ['missing', 'partial', 'ready']

export class FakeCore {
  answers: Answers = { industry_detail: '' }
  library: Regulation[] = [...LIBRARY]
  decisions = new Map<string, { status: 'accepted' | 'dismissed'; reason: string }>()
  rows: ScanRow[] = []
  #next = 0

  #proposals(): Map<string, string[]> {
    const out = new Map<string, string[]>()
    const add = (id: string, why: string) => out.set(id, [...(out.get(id) ?? []), why])
    const kinds: Record<string, [string, string]> = {
      eu_personal: ['builtin-gdpr', 'EU residents’ personal data'],
      us_health: ['builtin-hipaa', 'US health information'],
      card: ['builtin-pci-dss', 'payment card data'],
      student: ['builtin-ferpa', 'student records'],
      children: ['builtin-coppa', 'data of children under 13'],
    }
    for (const k of this.answers.data ?? []) if (kinds[k]) add(kinds[k][0], `You store ${kinds[k][1]}`)
    if (this.answers.payments) add('builtin-pci-dss', 'You take payments or touch financial data')
    if (this.answers.industry === 'healthcare') add('builtin-hipaa', 'You serve healthcare')
    return out
  }

  view(): ScanView {
    const proposed = this.#proposals()
    const regulations: ProjectRegulation[] = []
    for (const r of this.library) {
      const d = this.decisions.get(r.id)
      if (!d && !proposed.has(r.id)) continue
      const rows = this.rows.filter((s) => s.regulation_id === r.id)
      const worst = rows.length ? WORST.find((w) => rows.some((s) => s.readiness === w))! : null
      regulations.push({
        regulation: r,
        status: d?.status ?? 'proposed',
        reason: d?.reason ?? '',
        proposed_by: proposed.get(r.id) ?? [],
        worst,
        rows: rows.length,
      })
    }
    return { answers: structuredClone(this.answers), regulations, scan: [...this.rows], library: [...this.library] }
  }

  setAnswers(a: Answers): ScanView {
    if (a.data?.includes('none') && a.data.length > 1) throw refuse('data', '“None of these” cannot be chosen with a kind of data.')
    this.answers = structuredClone(a)
    return this.view()
  }

  decide(regulationId: string, d: Decision): ScanView {
    if (d.decision === 'undecide') {
      if (this.rows.some((s) => s.regulation_id === regulationId)) {
        throw refuse('decision', 'Scan rows name this regulation: remove them before setting it aside.')
      }
      this.decisions.delete(regulationId)
    } else if (d.decision === 'dismiss') {
      if (!d.reason.trim()) throw refuse('reason', 'A reason to dismiss is required.')
      this.decisions.set(regulationId, { status: 'dismissed', reason: d.reason.trim() })
    } else {
      this.decisions.set(regulationId, { status: 'accepted', reason: '' })
    }
    return this.view()
  }

  addRegulation(n: NewRegulation): ScanView {
    const code = n.code.trim()
    if (!code) throw refuse('code', 'A regulation’s short name is required.')
    if (this.library.some((r) => r.code.toLowerCase() === code.toLowerCase())) {
      throw refuse('code', `The library already has a regulation called “${code}”.`)
    }
    this.library.push({ ...reg(`custom-${code}`, code, n.name || code, n.applies_when), controls: n.controls, builtin: false })
    return this.view()
  }

  addRow(n: NewScanRow): ScanView {
    if (!n.area.trim()) throw refuse('area', 'A data or feature area is required.')
    const r = this.library.find((x) => x.id === n.regulation_id)!
    this.decisions.set(r.id, { status: 'accepted', reason: '' })
    this.rows.push(scanRow(n.area.trim(), r, n.readiness ?? 'missing', { id: `new-${this.#next++}`, proof: n.proof }))
    return this.view()
  }

  editRow(id: string, e: ScanEdit): ScanView {
    if (e.field === 'area' && !e.value.trim()) throw refuse('area', 'A data or feature area is required.')
    this.rows = this.rows.map((s) => {
      if (s.id !== id) return s
      const next = { ...s, [e.field]: e.value } as ScanRow
      if (e.field === 'regulation_id') next.regulation = this.library.find((r) => r.id === e.value)!.code
      return next
    })
    return this.view()
  }

  removeRow(id: string): ScanView {
    this.rows = this.rows.filter((s) => s.id !== id)
    return this.view()
  }

  /** Answers a command as the real one would; unknown commands fail as Tauri's do. */
  handle(cmd: string, a: Record<string, unknown>): unknown {
    switch (cmd) {
      case 'compliance_scan':
        return this.view()
      case 'set_compliance_answers':
        return this.setAnswers(a.answers as Answers)
      case 'decide_regulation':
        return this.decide(a.regulationId as string, a.decision as Decision)
      case 'add_regulation':
        return this.addRegulation(a.new as NewRegulation)
      case 'add_scan_row':
        return this.addRow(a.new as NewScanRow)
      case 'edit_scan_row':
        return this.editRow(a.id as string, a.edit as ScanEdit)
      case 'remove_scan_row':
        return this.removeRow(a.id as string)
      case 'open_link':
        return null
    }
    throw `Command ${cmd} not found`
  }
}
