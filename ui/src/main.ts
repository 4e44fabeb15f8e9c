import { mount } from 'svelte'
import './app.css'
import App from './App.svelte'
import { applyTheme, storedTheme } from './lib/settings/theme'

document.title = 'Northstar'
// Before mounting, in the same task: nothing is painted until the theme is set. The mark lets
// the end-to-end tests compare this moment with the first paint.
applyTheme(storedTheme())
performance.mark('northstar:theme-applied', { detail: document.documentElement.dataset.theme ?? 'system' })

const app = mount(App, {
  target: document.getElementById('app')!,
})

export default app
