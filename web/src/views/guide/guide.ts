// The user guide (docs/PANDUAN.md) as a page of the app: the Markdown and its screenshots are
// bundled at build time (the pictures get hashed asset names), so the guide the app shows is the
// one in the repository and works offline, on reload and from a fresh clone.
import { Marked, type Tokens } from 'marked'
import source from '../../../../docs/PANDUAN.md?raw'

const pictures = import.meta.glob('../../../../docs/img/panduan/*.{jpg,png}', { eager: true, query: '?url', import: 'default' }) as Record<string, string>

/** The bundled address of a picture the guide names as img/panduan/<file>. */
export function pictureUrl(href: string): string | null {
  const file = href.replace(/^\.?\//, '').replace(/^img\/panduan\//, '')
  for (const [path, url] of Object.entries(pictures)) if (path.endsWith(`/img/panduan/${file}`)) return url
  return null
}

/** The anchor of a heading: "3. Laporan Triwulan — untuk operator" -> "3-laporan-triwulan-untuk-operator". */
export function slug(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')
}

export interface GuideSection { id: string; title: string }
export interface Guide { title: string; html: string; sections: GuideSection[] }

const plain = (s: string) => s.replace(/[*_`]/g, '')
const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')

/** Renders the guide: headings get anchors (level 2 make the contents), pictures their bundled address. */
export function renderGuide(markdown: string = source): Guide {
  const sections: GuideSection[] = []
  let title = ''
  const marked = new Marked({
    gfm: true,
    walkTokens(token) {
      if (token.type === 'image') {
        const img = token as Tokens.Image
        img.href = pictureUrl(img.href) ?? img.href
      }
    },
    renderer: {
      heading({ tokens, depth, text }) {
        const inner = this.parser.parseInline(tokens)
        if (depth === 1) {
          title = plain(text)
          return ''
        }
        const id = slug(plain(text))
        if (depth === 2) sections.push({ id, title: plain(text) })
        return `<h${depth} id="${escapeAttr(id)}" tabindex="-1">${inner}</h${depth}>\n`
      },
      image({ href, text }) {
        return `<img src="${escapeAttr(href)}" alt="${escapeAttr(text)}" loading="lazy">`
      },
      // Notes for maintainers (HTML comments) stay out of the page.
      html({ text }) {
        return /^\s*<!--[\s\S]*-->\s*$/.test(text) ? '' : text
      },
    },
  })
  const html = marked.parse(markdown, { async: false }) as string
  return { title, html, sections }
}
