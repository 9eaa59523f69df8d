import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import { pictureUrl, renderGuide, slug } from '../src/views/guide/guide'
import GuideView from '../src/views/guide/GuideView.vue'
import { setLocale } from '../src/i18n'

const markdown = readFileSync(resolve(__dirname, '../../docs/PANDUAN.md'), 'utf8')

describe('user guide page', () => {
  it('renders docs/PANDUAN.md: its title, a contents entry per chapter, anchors on the headings', () => {
    const g = renderGuide()
    expect(g.title).toBe('Panduan Pengguna Pantau')
    const chapters = [...markdown.matchAll(/^## (.+)$/gm)].map((m) => m[1].replace(/[*_`]/g, ''))
    expect(g.sections.map((s) => s.title)).toEqual(chapters)
    expect(g.sections[0]).toEqual({ id: 'tugas-harian-menurut-peran', title: 'Tugas harian menurut peran' })
    for (const s of g.sections) expect(g.html).toContain(`<h2 id="${s.id}"`)
    expect(g.html).toContain('<strong>Kirim</strong>')
  })

  it('has a chapter for every job the app does, in the order of the contents', () => {
    const titles = renderGuide().sections.map((s) => s.title)
    expect(titles.slice(9)).toEqual([
      '9. Peringatan dini konflik',
      '10. Daftar periksa dukungan pemilihan dan kesiapan',
      '11. Bantuan keuangan partai politik',
      '12. Ormas',
      '13. Orang asing dan organisasi asing',
      '14. Aktor: satu orang atau organisasi di seluruh Pantau',
      '15. Layanan publik',
      '16. Rapat koordinasi',
      '17. Indeks Demokrasi Indonesia',
      '18. Pencarian',
    ])
  })

  it('every screenshot the guide names is bundled with the app, none points into the repository', () => {
    const g = renderGuide()
    const named = [...markdown.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1])
    expect(named.length).toBeGreaterThan(5)
    for (const href of named) expect(pictureUrl(href), href).not.toBeNull()
    const srcs = [...g.html.matchAll(/<img src="([^"]+)"/g)].map((m) => m[1])
    expect(srcs.length).toBe(named.length)
    for (const src of srcs) expect(src).not.toMatch(/^img\/panduan/)
    expect(g.html).toContain('alt="Beranda operator kabupaten/kota"')
  })

  it('leaves the maintainers\' notes (HTML comments) out of the page', () => {
    const g = renderGuide('# Judul\n\nTeks.\n\n<!--\nRefreshing the screenshots: PANTAU_GUIDE_SHOTS=1\n-->\n\n## Bagian\n')
    expect(g.html).not.toMatch(/PANTAU_GUIDE_SHOTS|<!--/)
    expect(g.html).toContain('<h2 id="bagian"')
  })

  it('makes anchors from Indonesian headings', () => {
    expect(slug('3. Laporan Triwulan — untuk operator kabupaten/kota (dan provinsi)')).toBe('3-laporan-triwulan-untuk-operator-kabupaten-kota-dan-provinsi')
  })

  it('the page shows the contents as links to the chapters, and says the guide is Indonesian on the English screen', async () => {
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/panduan', name: 'guide', component: GuideView }] })
    await router.push('/panduan')
    setLocale('id')
    const w = mount({ template: '<RouterView />' }, { global: { plugins: [router], stubs: { RouterLink: false } } })
    await flushPromises()
    expect(w.find('h1').text()).toBe('Panduan Pengguna Pantau')
    const links = w.findAll('.guide-toc a')
    expect(links[1].text()).toBe('1. Masuk dan keluar')
    expect(links[1].attributes('href')).toBe('/panduan#1-masuk-dan-keluar')
    expect(w.find('[data-testid="guide-language"]').exists()).toBe(false)
    setLocale('en')
    await flushPromises()
    expect(w.find('[data-testid="guide-language"]').text()).toBe('The user guide is written in Bahasa Indonesia.')
    setLocale('id')
  })
})
