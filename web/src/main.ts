import { createApp } from 'vue'
import App from './App.vue'
import { router } from './router'
import { i18n, preferredLocale, setLocale } from './i18n'
import './styles.css'

// A user who chose English gets the app after the English messages arrived (no Indonesian flash);
// if they cannot be fetched, the app starts in Bahasa Indonesia.
setLocale(preferredLocale())
  .catch(() => undefined)
  .finally(() => createApp(App).use(i18n).use(router).mount('#app'))
