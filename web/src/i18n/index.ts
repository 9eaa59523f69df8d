import { createI18n } from 'vue-i18n'
import id from './id'
import en from './en'

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

export const i18n = createI18n({
  legacy: false,
  locale: storedLocale(),
  fallbackLocale: 'id',
  messages: { id, en },
  missingWarn: false,
  fallbackWarn: false,
})

export function currentLocale(): Locale {
  return i18n.global.locale.value as Locale
}

export function setLocale(locale: Locale): void {
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
