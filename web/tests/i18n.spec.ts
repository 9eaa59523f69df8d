import { describe, expect, it } from 'vitest'
import id from '../src/i18n/id'
import en from '../src/i18n/en'
import { i18n, pick, setLocale } from '../src/i18n'

function flatten(obj: Record<string, unknown>, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k
    if (v && typeof v === 'object') Object.assign(out, flatten(v as Record<string, unknown>, key))
    else out[key] = String(v)
  }
  return out
}

describe('message catalogues', () => {
  const fid = flatten(id)
  const fen = flatten(en)

  it('every Indonesian key exists in English', () => {
    expect(Object.keys(fid).filter((k) => !(k in fen))).toEqual([])
  })
  it('every English key exists in Indonesian', () => {
    expect(Object.keys(fen).filter((k) => !(k in fid))).toEqual([])
  })
  it('no message is empty', () => {
    expect(Object.entries({ ...fid }).filter(([, v]) => !v.trim())).toEqual([])
    expect(Object.entries({ ...fen }).filter(([, v]) => !v.trim())).toEqual([])
  })
  it('placeholders match between languages', () => {
    const ph = (s: string) => (s.match(/\{\w+\}/g) || []).sort().join(',')
    const diff = Object.keys(fid).filter((k) => ph(fid[k]) !== ph(fen[k]))
    expect(diff).toEqual([])
  })
  it('messages avoid vue-i18n special characters', () => {
    const bad = Object.entries({ ...fid, ...Object.fromEntries(Object.entries(fen).map(([k, v]) => [`en:${k}`, v])) }).filter(([, v]) => /[@|$]/.test(v))
    expect(bad).toEqual([])
  })
  it('switching language changes the text and is remembered', () => {
    setLocale('en')
    expect(i18n.global.t('nav.home')).toBe('Dashboard')
    expect(localStorage.getItem('pantau.locale')).toBe('en')
    setLocale('id')
    expect(i18n.global.t('nav.home')).toBe('Beranda')
    expect(localStorage.getItem('pantau.locale')).toBe('id')
  })
  it('pick() chooses the server text in the current language', () => {
    expect(pick({ id: 'Halo', en: 'Hello' }, 'en')).toBe('Hello')
    expect(pick({ id: 'Halo' }, 'en')).toBe('Halo')
    expect(pick('plain', 'en')).toBe('plain')
    expect(pick(null)).toBe('')
  })
})
