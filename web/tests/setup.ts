import { config } from '@vue/test-utils'
import { i18n, loadLocale } from '../src/i18n'

// Tests switch languages synchronously: fetch English once before any test runs.
await loadLocale('en')

config.global.plugins = [i18n]
config.global.stubs = { RouterLink: { template: '<a><slot /></a>' } }

class RO {
  observe() {}
  unobserve() {}
  disconnect() {}
}
;(globalThis as unknown as { ResizeObserver: typeof RO }).ResizeObserver ??= RO
