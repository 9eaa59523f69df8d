import { createI18n } from 'vue-i18n'
import id from './id'

export type Locale = 'id' | 'en'
export const LOCALES: Locale[] = ['id', 'en']
const STORAGE_KEY = 'pantau.locale'

function storedLocale(): Locale {
  try {
    const v = localStorage.getItem(STORAGE_KEY)
    if (v === 'id' || v === 'en') return v
  } catch {
    /* storage may be blocked */
  }
  return 'id'
}

// Bahasa Indonesia is in the first script; English (a third of the messages) is fetched only
// when someone chooses it, so the first page on a slow link does not wait for it.
export const i18n = createI18n({
  legacy: false,
  locale: 'id',
  fallbackLocale: 'id',
  messages: { id } as Record<Locale, typeof id>,
  missingWarn: false,
  fallbackWarn: false,
})

export function currentLocale(): Locale {
  return i18n.global.locale.value as Locale
}

const loaded = new Set<Locale>(['id'])

/** Fetches a language's messages once (English is a separate script). */
export async function loadLocale(locale: Locale): Promise<void> {
  if (loaded.has(locale)) return
  const en = (await import('./en')).default
  i18n.global.setLocaleMessage('en', en)
  loaded.add(locale)
}

/** The language the user chose last time on this device (Bahasa Indonesia by default). */
export function preferredLocale(): Locale {
  return storedLocale()
}

/** Switches the language: at once when its messages are here, after fetching them otherwise
 *  (if they cannot be fetched, e.g. offline, the language stays as it was). */
export function setLocale(locale: Locale): Promise<void> {
  if (loaded.has(locale)) {
    applyLocale(locale)
    return Promise.resolve()
  }
  return loadLocale(locale).then(
    () => applyLocale(locale),
    () => undefined,
  )
}

function applyLocale(locale: Locale): void {
  i18n.global.locale.value = locale
  try {
    localStorage.setItem(STORAGE_KEY, locale)
  } catch {
    /* ignore */
  }
  document.documentElement.lang = locale
}

/** A text the server sends in both languages, e.g. {"id":"…","en":"…"}. */
export type LocalizedText = { id?: string; en?: string } | string | null | undefined

export function pick(text: LocalizedText, locale: Locale = currentLocale()): string {
  if (text == null) return ''
  if (typeof text === 'string') return text
  return text[locale] ?? text.id ?? text.en ?? ''
}

export const t = (key: string, params?: Record<string, unknown>): string =>
  params ? i18n.global.t(key, params) : i18n.global.t(key)
