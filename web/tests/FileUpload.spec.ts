import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import FileUpload from '../src/components/FileUpload.vue'
import { setCsrfToken } from '../src/api'

// A hand-driven XMLHttpRequest: the test decides when progress and the response arrive.
class FakeXHR {
  static last: FakeXHR | null = null
  method = ''
  url = ''
  headers: Record<string, string> = {}
  body: FormData | null = null
  status = 0
  responseText = ''
  withCredentials = false
  responseHeaders: Record<string, string> = {}
  upload: { onprogress: ((e: Partial<ProgressEvent>) => void) | null } = { onprogress: null }
  onload: (() => void) | null = null
  onerror: (() => void) | null = null
  onabort: (() => void) | null = null
  constructor() { FakeXHR.last = this }
  open(m: string, u: string) { this.method = m; this.url = u }
  setRequestHeader(k: string, v: string) { this.headers[k] = v }
  getResponseHeader(k: string) { return this.responseHeaders[k.toLowerCase()] ?? null }
  send(b: FormData) { this.body = b }
  abort() { this.onabort?.() }
  progress(loaded: number, total: number) { this.upload.onprogress?.({ lengthComputable: true, loaded, total }) }
  respond(status: number, body: unknown, type = 'application/json') {
    this.status = status
    this.responseText = JSON.stringify(body)
    this.responseHeaders['content-type'] = type
    this.onload?.()
  }
}

beforeEach(() => {
  vi.stubGlobal('XMLHttpRequest', FakeXHR)
  setCsrfToken('csrf-1')
})
afterEach(() => vi.unstubAllGlobals())

async function pickAndUpload(w: ReturnType<typeof mount>, name = 'laporan.pdf', type = 'application/pdf') {
  const input = w.find('input[type="file"]')
  const file = new File(['%PDF-1.4 hello'], name, { type })
  Object.defineProperty(input.element, 'files', { value: [file], configurable: true })
  await input.trigger('change')
  await w.findAll('button').find((b) => b.text() === 'Unggah')!.trigger('click')
  return FakeXHR.last!
}

describe('FileUpload', () => {
  it('posts multipart data with CSRF and shows progress, then success', async () => {
    const w = mount(FileUpload, { props: { regionCode: '63.71', entity: 'report', entityId: 7 } })
    const xhr = await pickAndUpload(w)
    expect(xhr.method).toBe('POST')
    expect(xhr.url).toBe('/api/v1/files')
    expect(xhr.headers['X-CSRF-Token']).toBe('csrf-1')
    expect(xhr.headers['Idempotency-Key']).toBeTruthy()
    expect(xhr.body!.get('region_code')).toBe('63.71')
    expect(xhr.body!.get('classification')).toBe('BIASA')
    expect(xhr.body!.get('entity')).toBe('report')
    expect(xhr.body!.get('entity_id')).toBe('7')
    expect((xhr.body!.get('file') as File).name).toBe('laporan.pdf')

    xhr.progress(40, 100)
    await flushPromises()
    const bar = w.find('[role="progressbar"]')
    expect(bar.attributes('aria-valuenow')).toBe('40')
    expect(w.find('.progress-bar').attributes('style')).toContain('width: 40%')
    expect(w.text()).toContain('Mengunggah… 40%')

    xhr.respond(201, { id: 'f1', sha256: 'ab', size: 14, mime: 'application/pdf', name: 'laporan.pdf' })
    await flushPromises()
    expect(w.find('[role="progressbar"]').attributes('aria-valuenow')).toBe('100')
    expect(w.text()).toContain('Berkas "laporan.pdf" berhasil diunggah.')
    expect(w.emitted('uploaded')![0][0]).toMatchObject({ id: 'f1' })
  })

  it('shows the server refusal of an unsupported type clearly', async () => {
    const w = mount(FileUpload, { props: { regionCode: '63' } })
    const xhr = await pickAndUpload(w, 'skrip.exe', 'application/x-msdownload')
    xhr.respond(415, {
      status: 415,
      code: 'file.unsupported_type',
      message: { id: 'Jenis berkas tidak didukung. Gunakan PDF, JPEG, PNG, DOCX, atau XLSX.', en: 'Unsupported file type.' },
    }, 'application/problem+json')
    await flushPromises()
    const alert = w.find('.upload-refusal')
    expect(alert.attributes('role')).toBe('alert')
    expect(alert.text()).toContain('Berkas ditolak')
    expect(alert.text()).toContain('Jenis berkas tidak didukung. Gunakan PDF')
    expect(w.find('input[type="file"]').attributes('aria-invalid')).toBe('true')
  })

  it('shows the refusal of a too-large file and reuses the key on retry', async () => {
    const w = mount(FileUpload, { props: { regionCode: '63' } })
    const xhr = await pickAndUpload(w, 'besar.pdf')
    const key = xhr.headers['Idempotency-Key']
    xhr.respond(413, { status: 413, code: 'file.too_large', message: { id: 'Berkas melebihi 20 MB.', en: 'File exceeds 20 MB.' } }, 'application/problem+json')
    await flushPromises()
    expect(w.find('.upload-refusal').text()).toContain('Berkas melebihi 20 MB.')
    await w.findAll('button').find((b) => b.text() === 'Unggah')!.trigger('click')
    expect(FakeXHR.last!.headers['Idempotency-Key']).toBe(key)
  })

  it('can be cancelled', async () => {
    const w = mount(FileUpload, { props: { regionCode: '63' } })
    await pickAndUpload(w)
    await w.findAll('button').find((b) => b.text() === 'Batalkan')!.trigger('click')
    await flushPromises()
    expect(w.text()).toContain('Unggahan dibatalkan.')
  })
})
