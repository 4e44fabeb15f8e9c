import { describe, expect, test } from 'vitest'
import { dropIndex, gapAt } from './drag'

const rows = [
  { top: 0, height: 100 },
  { top: 100, height: 100 },
  { top: 200, height: 100 },
]

describe('drag to reorder', () => {
  test('the pointer picks the gap nearest the middle of the rows', () => {
    expect(gapAt(-10, rows)).toBe(0)
    expect(gapAt(49, rows)).toBe(0)
    expect(gapAt(51, rows)).toBe(1)
    expect(gapAt(260, rows)).toBe(3)
  })

  test('dropping below the row itself accounts for the row leaving its place', () => {
    expect(dropIndex(2, 0)).toBe(0)
    expect(dropIndex(0, 3)).toBe(2)
    expect(dropIndex(1, 1)).toBe(1)
    expect(dropIndex(1, 2)).toBe(1)
  })
})
