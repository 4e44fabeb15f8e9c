// Compliance: one read per sub-view of the page (scan, notes, review history); each write
// returns the sub-view it changed, so the page replaces it whole.

import type {
  Answers,
  Decision,
  InventoryEdit,
  NewInventoryRow,
  NewRegulation,
  NewReview,
  NewScanRow,
  NewTrigger,
  NewVendor,
  NotesView,
  Review,
  ScanEdit,
  ScanView,
  Snapshot,
  SnapshotEdit,
  TriggerEdit,
  VendorEdit,
} from './bindings'
import { call } from './call'

export const complianceScan = (projectId: string) => call<ScanView>('compliance_scan', { projectId })
export const complianceNotes = (projectId: string) => call<NotesView>('compliance_notes', { projectId })
/** The review history, newest first. */
export const complianceReviews = (projectId: string) => call<Review[]>('compliance_reviews', { projectId })

export const setAnswers = (projectId: string, answers: Answers) =>
  call<ScanView>('set_compliance_answers', { projectId, answers })
export const decideRegulation = (projectId: string, regulationId: string, decision: Decision) =>
  call<ScanView>('decide_regulation', { projectId, regulationId, decision })
/** Adds the user's own regulation to the workspace's library. */
export const addRegulation = (projectId: string, regulation: NewRegulation) =>
  call<ScanView>('add_regulation', { projectId, new: regulation })

export const addScanRow = (projectId: string, row: NewScanRow) => call<ScanView>('add_scan_row', { projectId, new: row })
export const editScanRow = (id: string, edit: ScanEdit) => call<ScanView>('edit_scan_row', { id, edit })
export const removeScanRow = (id: string) => call<ScanView>('remove_scan_row', { id })

export const editSnapshot = (projectId: string, edit: SnapshotEdit) =>
  call<Snapshot>('edit_compliance_snapshot', { projectId, edit })

export const addInventoryRow = (projectId: string, row: NewInventoryRow) =>
  call<NotesView>('add_inventory_row', { projectId, new: row })
export const editInventoryRow = (id: string, edit: InventoryEdit) => call<NotesView>('edit_inventory_row', { id, edit })
export const removeInventoryRow = (id: string) => call<NotesView>('remove_inventory_row', { id })

export const addTrigger = (projectId: string, row: NewTrigger) => call<NotesView>('add_trigger', { projectId, new: row })
export const editTrigger = (id: string, edit: TriggerEdit) => call<NotesView>('edit_trigger', { id, edit })
export const removeTrigger = (id: string) => call<NotesView>('remove_trigger', { id })

export const addVendor = (projectId: string, vendor: NewVendor) => call<NotesView>('add_vendor', { projectId, new: vendor })
export const editVendor = (id: string, edit: VendorEdit) => call<NotesView>('edit_vendor', { id, edit })
export const removeVendor = (id: string) => call<NotesView>('remove_vendor', { id })

export const addControl = (projectId: string, label: string) => call<NotesView>('add_control', { projectId, label })
/** Ticks or unticks a control; the core signs the tick with the computer's user name. */
export const tickControl = (id: string, done: boolean) => call<NotesView>('tick_control', { id, done })
export const removeControl = (id: string) => call<NotesView>('remove_control', { id })

export const setQuestion = (projectId: string, key: string, done: boolean, note: string) =>
  call<NotesView>('set_compliance_question', { projectId, key, done, note })

/** Appends a review (never edited or removed) and returns the history, newest first. */
export const recordReview = (projectId: string, review: NewReview) =>
  call<Review[]>('record_review', { projectId, new: review })
