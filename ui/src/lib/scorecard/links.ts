// Links inside evidence text. Only http, https and mailto become clickable; the core checks
// again before opening anything.

const LINK = /\b(?:https?:\/\/|mailto:)[^\s<>"'`]+/gi
const TRAILING = /[.,;:!?)\]}»”’]+$/

export interface EvidenceLink {
  url: string
  /** Shorter text to show: host and path, without the scheme. */
  text: string
}

export function findLinks(evidence: string): EvidenceLink[] {
  const seen = new Set<string>()
  const out: EvidenceLink[] = []
  for (const m of evidence.matchAll(LINK)) {
    let url = m[0]
    // A closing bracket belongs to the link only when the link opened one.
    while (TRAILING.test(url)) {
      const last = url[url.length - 1]
      if (last === ')' && (url.match(/\(/g)?.length ?? 0) >= (url.match(/\)/g)?.length ?? 0)) break
      url = url.slice(0, -1)
    }
    if (!isOpenable(url) || seen.has(url)) continue
    seen.add(url)
    out.push({ url, text: url.replace(/^(https?:\/\/|mailto:)/i, '').replace(/\/$/, '') })
  }
  return out
}

export function isOpenable(url: string): boolean {
  return /^(https?:\/\/|mailto:)\S+$/i.test(url) && !/^(https?:\/\/)$/i.test(url)
}
