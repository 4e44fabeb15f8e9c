// Sentences the scorecard shows, kept together so they read the same everywhere and are tested.

import type { RemovalImpact } from '../api/bindings'
import { plural } from '../projects/words'

/** "Security is scored and appears in 2 recorded assessments; they keep their copy." */
export function removalMessage(name: string, impact: RemovalImpact): string {
  const n = impact.assessments
  const inAssessments = `appears in ${plural(n, 'recorded assessment')}; ${n === 1 ? 'it keeps its' : 'they keep their'} copy.`
  if (impact.scored && n > 0) return `${name} is scored and ${inAssessments}`
  if (impact.scored) return `${name} is scored; its score and evidence go with it.`
  if (n > 0) return `${name} ${inAssessments}`
  return `Remove ${name} from the scorecard?`
}
