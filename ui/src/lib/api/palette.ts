// The command palette's index and the Overview's briefing: reads only.

import type { Briefing, PaletteProject } from './bindings'
import { call } from './call'

/** Every project with the names in it, read once when the palette opens. */
export const paletteIndex = () => call<PaletteProject[]>('palette_index', {})

/** The Overview's twin of the one-page scorecard. */
export const projectBriefing = (projectId: string) => call<Briefing>('project_briefing', { projectId })
