import { describe, expect, test } from 'vitest'
import { deletionMessage } from './words'
import { removalMessage } from '../scorecard/words'

describe('confirmation sentences', () => {
  test('deleting a project says what goes with it', () => {
    expect(deletionMessage('X', { pillars: 12, assessments: 2, goals: 0, stakeholders: 0 })).toBe('Delete “X”? Its 12 pillars and 2 assessments go with it.')
    expect(deletionMessage('X', { pillars: 1, assessments: 0, goals: 0, stakeholders: 0 })).toBe('Delete “X”? Its 1 pillar goes with it.')
    expect(deletionMessage('X', { pillars: 0, assessments: 0, goals: 0, stakeholders: 0 })).toBe('Delete “X”? It has no pillars or assessments yet.')
  })

  test('deleting a project counts its goals and stakeholders too', () => {
    expect(deletionMessage('X', { pillars: 12, assessments: 2, goals: 1, stakeholders: 2 })).toBe(
      'Delete “X”? Its 12 pillars, 2 assessments, 1 goal and 2 stakeholders go with it.',
    )
    expect(deletionMessage('X', { pillars: 0, assessments: 0, goals: 3, stakeholders: 0 })).toBe('Delete “X”? Its 3 goals go with it.')
    expect(deletionMessage('X', { pillars: 0, assessments: 0, goals: 0, stakeholders: 1 })).toBe(
      'Delete “X”? Its 1 stakeholder goes with it.',
    )
    expect(deletionMessage('X', { pillars: 1, assessments: 0, goals: 0, stakeholders: 1 })).toBe(
      'Delete “X”? Its 1 pillar and 1 stakeholder go with it.',
    )
  })

  test('removing a pillar says whether it is scored and which assessments keep a copy', () => {
    expect(removalMessage('Security', { scored: true, assessments: 2 })).toBe(
      'Security is scored and appears in 2 recorded assessments; they keep their copy.',
    )
    expect(removalMessage('Security', { scored: false, assessments: 1 })).toBe(
      'Security appears in 1 recorded assessment; it keeps its copy.',
    )
    expect(removalMessage('Security', { scored: true, assessments: 0 })).toMatch(/^Security is scored;/)
    expect(removalMessage('Security', { scored: false, assessments: 0 })).toBe('Remove Security from the scorecard?')
  })
})
