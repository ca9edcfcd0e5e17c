// Renderer entry: zod in CSP-safe mode, Pinia, vue-i18n, styles, then mount the app shell.
import { config as zodConfig } from 'zod'
import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { createAppI18n } from './i18n'
import './styles/main.css'

// zod's fast path compiles validators with new Function, which the strict CSP (no unsafe-eval) forbids;
// jitless also skips its probe, which would otherwise log a CSP violation.
zodConfig({ jitless: true })

const i18n = createAppI18n()
document.documentElement.lang = i18n.global.locale.value
createApp(App).use(createPinia()).use(i18n).mount('#app')
