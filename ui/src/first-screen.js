// The launch's two questions (app_info, and first_screen: the projects, the one that opens and
// its scorecard), asked from the page's head (vite.config.ts writes this in) before the app's
// scripts have loaded, so the answers come back while those load and parse rather than after
// (issue 13). The app takes each once (lib/api/early.ts), the first screen only when it would
// have asked the same; else it asks again. A plain script, not a module: it must not wait for
// the bundle. The keys are the ones projects.svelte.ts and nav.svelte.ts keep.
;(function () {
  /** @type {any} Tauri's bridge, and where the answers wait */
  var w = window
  var tauri = w.__TAURI_INTERNALS__
  if (!tauri) return
  /** @param {string} key */
  function read(key) {
    try {
      return localStorage.getItem(key)
    } catch (e) {
      return null
    }
  }
  // Handled here too: an answer nobody takes must not be an unhandled rejection.
  /** @param {string} cmd @param {Record<string, unknown>} args @returns {Promise<unknown>} */
  function ask(cmd, args) {
    var answer = tauri.invoke(cmd, args)
    answer.catch(function () {})
    return answer
  }
  var area = read('northstar.lastArea')
  var args = { remembered: read('northstar.lastProject'), scorecard: area === null || area === 'scorecard' }
  w.__northstarEarly = {
    app_info: ask('app_info', {}),
    first_screen: { args: args, answer: ask('first_screen', args) },
  }
})()
