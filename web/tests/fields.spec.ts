import { describe, expect, it, vi, afterEach } from 'vitest'
import { defineComponent, h, ref } from 'vue'
import { flushPromises, mount } from '@vue/test-utils'
import TextField from '../src/components/TextField.vue'
import SelectField from '../src/components/SelectField.vue'
import ProblemAlert from '../src/components/ProblemAlert.vue'
import StatusBadge from '../src/components/StatusBadge.vue'
import RegionPicker from '../src/components/RegionPicker.vue'
import { ApiError } from '../src/api'
import { useSubmit } from '../src/composables/useSubmit'
import { setLocale } from '../src/i18n'

afterEach(() => setLocale('id'))

const policyProblem = {
  status: 422,
  code: 'validation_failed',
  message: { id: 'Isian belum benar.', en: 'Some fields are invalid.' },
  errors: [{ field: 'password', code: 'too_short', message: { id: 'Kata sandi minimal 10 karakter.', en: 'Password must be at least 10 characters.' } }],
}

describe('TextField', () => {
  it('links label, hint and error to the input', () => {
    const w = mount(TextField, { props: { label: 'Kata sandi', hint: 'Minimal 10 karakter', error: 'Terlalu pendek', required: true } })
    const input = w.find('input')
    const id = input.attributes('id')!
    expect(w.find('label').attributes('for')).toBe(id)
    expect(input.attributes('aria-invalid')).toBe('true')
    const described = input.attributes('aria-describedby')!.split(' ')
    expect(described).toHaveLength(2)
    expect(w.find(`#${described[0]}`).text()).toBe('Terlalu pendek')
    expect(w.find(`#${described[1]}`).text()).toBe('Minimal 10 karakter')
  })
  it('has no error markup without an error and updates v-model', async () => {
    const w = mount(TextField, { props: { label: 'Nama', modelValue: '', 'onUpdate:modelValue': (v: string) => w.setProps({ modelValue: v }) } })
    expect(w.find('.field-error').exists()).toBe(false)
    expect(w.find('input').attributes('aria-invalid')).toBeUndefined()
    await w.find('input').setValue('Budi')
    expect(w.props('modelValue')).toBe('Budi')
  })
})

describe('SelectField', () => {
  it('shows options, a placeholder and an error', () => {
    const w = mount(SelectField, { props: { label: 'Peran', options: [{ value: 'KABAN', label: 'Kepala Badan' }], placeholder: 'Pilih…', error: 'Wajib diisi.' } })
    expect(w.findAll('option').map((o) => o.text())).toEqual(['Pilih…', 'Kepala Badan'])
    expect(w.find('.field-error').text()).toBe('Wajib diisi.')
    expect(w.find('select').attributes('aria-invalid')).toBe('true')
  })
})

describe('field errors from problem+json', () => {
  const Form = defineComponent({
    setup() {
      const save = useSubmit()
      const password = ref('short')
      const submit = () => save.run({ password: password.value }, () => Promise.reject(new ApiError(422, policyProblem)))
      return () =>
        h('form', { onSubmit: (e: Event) => { e.preventDefault(); submit() } }, [
          h(ProblemAlert, { error: save.error.value }),
          h(TextField, { label: 'Kata sandi', name: 'password', modelValue: password.value, error: save.fieldErrors.value.password }),
          h(TextField, { label: 'Nama', name: 'full_name', modelValue: '', error: save.fieldErrors.value.full_name }),
          h('button', { type: 'submit' }, 'Simpan'),
        ])
    },
  })

  it('puts the server message next to the field it concerns, in the current language', async () => {
    const w = mount(Form)
    await w.find('form').trigger('submit')
    await flushPromises()
    const fields = w.findAll('.field')
    expect(fields[0].find('.field-error').text()).toBe('Kata sandi minimal 10 karakter.')
    expect(fields[1].find('.field-error').exists()).toBe(false)
    expect(w.find('[role="alert"]').text()).toContain('Isian belum benar.')
    setLocale('en')
    await flushPromises()
    expect(w.findAll('.field')[0].find('.field-error').text()).toBe('Password must be at least 10 characters.')
  })
})

describe('useSubmit idempotency keys', () => {
  it('reuses the key when the same data is retried and makes a new one when data changes', async () => {
    let s!: ReturnType<typeof useSubmit>
    mount(defineComponent({ setup() { s = useSubmit(); return () => h('div') } }))
    const keys: string[] = []
    const fail = vi.fn((k: string) => { keys.push(k); return Promise.reject(new ApiError(0, {})) })
    await s.run({ a: 1 }, fail)
    await s.run({ a: 1 }, fail)
    await s.run({ a: 2 }, fail)
    expect(keys[0]).toBe(keys[1])
    expect(keys[2]).not.toBe(keys[1])
  })
})

describe('StatusBadge', () => {
  it('shows a translated label and a tone', () => {
    const w = mount(StatusBadge, { props: { status: 'DISABLED' } })
    expect(w.text()).toBe('Nonaktif')
    expect(w.classes()).toContain('badge-danger')
  })
  it('shows unknown states as their code in neutral', () => {
    const w = mount(StatusBadge, { props: { status: 'SOMETHING_NEW' } })
    expect(w.text()).toBe('SOMETHING_NEW')
    expect(w.classes()).toContain('badge-neutral')
  })
})

describe('RegionPicker', () => {
  const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } })
  afterEach(() => vi.unstubAllGlobals())

  it('shows region names without codes, and tells same-named regions apart by the region they lie in', async () => {
    // Only the typing pause is faked: a faked clock would stamp the buttons' handlers later than the
    // click, and Vue drops events older than their handler.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    vi.stubGlobal('fetch', vi.fn(async (url: string) => {
      if (url.startsWith('/api/v1/regions?')) {
        return json({ items: [
          { code: '33.21.05', name: 'Karanganyar', level: 3, type: 'Kecamatan', parent_code: '33.21' },
          { code: '33.05.09', name: 'Karanganyar', level: 3, type: 'Kecamatan', parent_code: '33.05' },
          { code: '33.13', name: 'Kabupaten Karanganyar', level: 2, type: 'Kabupaten', parent_code: '33' },
        ] })
      }
      if (url === '/api/v1/regions/33.21') return json({ code: '33.21', name: 'Kabupaten Demak', level: 2, type: 'Kabupaten', parent_code: '33', ancestors: [] })
      if (url === '/api/v1/regions/33.05') return json({ code: '33.05', name: 'Kabupaten Kebumen', level: 2, type: 'Kabupaten', parent_code: '33', ancestors: [] })
      return json({})
    }))
    const model = ref('')
    const w = mount(defineComponent({ setup: () => () => h(RegionPicker, { label: 'Wilayah', modelValue: model.value, 'onUpdate:modelValue': (v: string) => { model.value = v } }) }))
    await w.find('input').setValue('karang')
    await vi.advanceTimersByTimeAsync(300)
    vi.useRealTimers()
    await flushPromises()
    const items = w.findAll('.picker-list button').map((b) => b.text())
    expect(items).toEqual(['Karanganyar Kecamatan di Kabupaten Demak', 'Karanganyar Kecamatan di Kabupaten Kebumen', 'Kabupaten Karanganyar'])
    expect(w.find('.picker-list').text()).not.toMatch(/\d\d\.\d\d/)
    expect(w.findAll('.picker-list button')[0].attributes('title')).toBe('33.21.05')
    await w.findAll('.picker-list button')[1].trigger('click')
    expect(model.value).toBe('33.05.09')
    await flushPromises()
    expect(w.find('.picker-selected').text()).toContain('Karanganyar')
    expect(w.find('.picker-selected').text()).not.toContain('33.05.09')
  })
})
