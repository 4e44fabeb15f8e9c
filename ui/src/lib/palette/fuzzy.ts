// The palette's fuzzy matcher: every word typed must appear in a name, its letters in order (not
// necessarily together), whatever their case or accents ("resume" finds "Résumé"). Better
// matches score higher: the word whole, at the start of a word of the name, letters together,
// near the start, in a short name. Names are folded once (`prepare`), so a keystroke over 20,000
// names is a few milliseconds (see fuzzy.test.ts).

/** A name ready to match: the text shown and its folded form, same length, index for index. */
export type Prepared = { text: string; folded: string }

/** What matched: the score, and the positions in the name to mark (ascending). */
export type Match = { score: number; positions: number[] }

const MARKS = /[\u0300-\u036f]/g
const ASCII = /^[\x00-\x7f]*$/

/** Lower case without accents, one character for one (so positions map back to the name). */
export function fold(s: string): string {
  if (ASCII.test(s)) return s.toLowerCase()
  let out = ''
  for (const ch of s) {
    const base = ch.normalize('NFD').replace(MARKS, '').toLowerCase()
    // Keep the index mapping: a character that folds to nothing or to several stays itself.
    out += base.length === ch.length ? base : ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ch
  }
  return out
}

export function prepare(text: string): Prepared {
  return { text, folded: fold(text) }
}

/** The words of a query, folded; empty when nothing was typed. */
export function queryWords(query: string): string[] {
  return fold(query)
    .split(/\s+/)
    .filter((w) => w.length > 0)
}

function isWordStart(s: string, i: number): boolean {
  if (i === 0) return true
  const prev = s.charCodeAt(i - 1)
  // After anything not a letter or digit: space, dash, dot, parenthesis, "#"...
  return !((prev >= 97 && prev <= 122) || (prev >= 48 && prev <= 57) || prev > 127)
}

/** One word against a folded name: its score, or null when it does not match. The positions
 *  it marks go into `marks` when one is given (only the few results shown need them). */
function matchWord(name: string, word: string, marks?: number[]): number | null {
  // The word as typed: the best case, the earliest word start preferred.
  let at = name.indexOf(word)
  if (at >= 0) {
    for (let i = at; i >= 0; i = name.indexOf(word, i + 1)) {
      if (isWordStart(name, i)) {
        at = i
        break
      }
    }
    if (marks) for (let k = 0; k < word.length; k++) marks.push(at + k)
    return 100 + word.length * 8 + (isWordStart(name, at) ? 40 : 0) + (at === 0 ? 20 : 0) - Math.min(at, 30)
  }
  // Letters in order: taken greedily, each preferring the next word start that holds it unless
  // it follows the previous letter (so "pp" in "Payment provider" marks the two initials).
  let score = 0
  let prev = -1
  let first = -1
  for (let k = 0; k < word.length; k++) {
    const ch = word[k]
    let pick = name.indexOf(ch, prev + 1)
    if (pick < 0) return null
    if (pick !== prev + 1 || k === 0) {
      for (let i = pick; i >= 0; i = name.indexOf(ch, i + 1)) {
        if (isWordStart(name, i)) {
          pick = i
          break
        }
      }
    }
    if (isWordStart(name, pick)) score += 12
    if (k > 0) score += pick === prev + 1 ? 8 : -Math.min(pick - prev, 10)
    else first = pick
    marks?.push(pick)
    prev = pick
  }
  return score - Math.min(first, 20) / 2
}

/** Every word in `words` against one name, or null unless all match: the words are ANDed, in any
 *  order, and a shorter name wins a tie. */
export function scoreOf(name: Prepared, words: string[], marks?: number[]): number | null {
  let score = 0
  for (const w of words) {
    const s = matchWord(name.folded, w, marks)
    if (s === null) return null
    score += s
  }
  return score - name.folded.length / 20
}

/** The score and the positions to mark (ascending, once each). */
export function match(name: Prepared, words: string[]): Match | null {
  const marks: number[] = []
  const score = scoreOf(name, words, marks)
  if (score === null) return null
  return { score: words.length === 0 ? 0 : score, positions: [...new Set(marks)].sort((a, b) => a - b) }
}

/** The name cut into runs, marked or not, for drawing matches as text (never as HTML). */
export function segments(text: string, positions: number[]): { text: string; marked: boolean }[] {
  const out: { text: string; marked: boolean }[] = []
  const on = new Set(positions)
  const chars = Array.from(text)
  // Positions count UTF-16 units (as `fold` keeps them); walk them the same way.
  let unit = 0
  for (const ch of chars) {
    const marked = on.has(unit)
    const last = out[out.length - 1]
    if (last && last.marked === marked) last.text += ch
    else out.push({ text: ch, marked })
    unit += ch.length
  }
  return out
}

/** The best `limit` of `items` for the words, best first (the list's order breaks ties). Scores
 *  every item but marks only the winners. */
export function best<T extends { name: Prepared }>(items: readonly T[], words: string[], limit: number): (T & Match)[] {
  if (limit <= 0) return []
  // The leaders so far, best first; a new one must beat the last to get in.
  const top: { it: T; score: number }[] = []
  for (const it of items) {
    const score = scoreOf(it.name, words)
    if (score === null) continue
    if (top.length === limit && score <= top[limit - 1].score) continue
    let i = top.length
    while (i > 0 && top[i - 1].score < score) i--
    top.splice(i, 0, { it, score })
    if (top.length > limit) top.pop()
  }
  return top.map(({ it }) => ({ ...it, ...match(it.name, words)! }))
}
