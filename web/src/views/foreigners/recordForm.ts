// One form for creating and for changing a foreign national or organisation. "…/baru" creates
// (POST with an Idempotency-Key); "…/:id/ubah" loads the record, fills the form and sends it with
// PATCH and If-Match: "<version>". A 412 (someone else saved first) reloads the record and
// shows the standard "changed by someone else" message. Fields the viewer may not see (the
// passport without clearance) are neither shown nor sent.
import { computed, onMounted, reactive, ref, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { useRoute, useRouter } from 'vue-router'
import { ApiError, api } from '../../api'
import { session } from '../../session'
import { useSubmit } from '../../composables/useSubmit'
import { foreignCountryOptions } from './countries'

export type Fields = Record<string, string>

/** A new record: the filled fields only (an empty optional field is left out, not sent as ""). */
export function createBody(form: Fields): Fields {
  return Object.fromEntries(Object.entries(form).filter(([, v]) => v !== ''))
}

/**
 * A change: every field the viewer may send that has a value, and a field emptied by the user as
 * "" (so the server clears it); a field empty before and after is left out, and so is a withheld
 * one.
 */
export function editBody(form: Fields, initial: Fields, withheld: readonly string[]): Fields {
  const out: Fields = {}
  for (const [k, v] of Object.entries(form)) {
    if (withheld.includes(k)) continue
    if (v !== '' || (initial[k] ?? '') !== '') out[k] = v
  }
  return out
}

/** What differs between the person and the organisation form. */
export interface FormKind<F extends Fields> {
  /** The collection's address, e.g. /api/v1/foreigners/persons. */
  collection: string
  /** The record page's route name, opened after saving, and the titles (message keys) of the
   *  new-record form and of the change form. */
  page: string
  titles: [string, string]
  /** The empty form; a new record is placed in the user's own region. */
  blank: (region: string) => F
  /** Fields of this record the viewer may neither see nor send. */
  withheld?: (r: Record<string, unknown>) => string[]
}

/** The form filled from the record as the server sent it: its fields, a missing or null one as "". */
export function fill<F extends Fields>(blank: F, r: Record<string, unknown>): F {
  const out: Fields = {}
  for (const k of Object.keys(blank)) out[k] = r[k] === null || r[k] === undefined ? '' : String(r[k])
  return out as F
}

export const PERSON_FORM: FormKind<Fields> = {
  collection: '/api/v1/foreigners/persons', page: 'foreigner', titles: ['reg.fx.newPerson', 'reg.fx.editPerson'],
  blank: (region) => ({
    full_name: '', sex: '', birth_date: '', nationality: '', passport_no: '', passport_expiry: '', permit_type: 'VISIT', permit_no: '',
    permit_valid_from: '', permit_valid_to: '', sponsor_name: '', sponsor_type: '', sponsor_address: '', occupation: '',
    region_code: region, id_classification: 'TERBATAS', classification: '',
  }),
  // Without clearance the passport (its masked form) and its level stay as they are; the level
  // is changed only where the server tells what it is now.
  withheld: (r) => (r.passport_masked ? ['passport_no', 'id_classification'] : r.id_classification ? [] : ['id_classification']),
}

export const ORG_FORM: FormKind<Fields> = {
  collection: '/api/v1/foreigners/organisations', page: 'foreign-org', titles: ['reg.fx.newOrg', 'reg.fx.editOrg'],
  blank: (region) => ({
    name: '', country: '', legal_form: '', mofa_rec_no: '', mofa_rec_date: '', partner_agency: '', mou_no: '', mou_date: '', mou_valid_to: '',
    sectors: '', funding_source: '', local_office: '', region_code: region,
  }),
}

export type RecordFormState = ReturnType<typeof useRecordForm>

export function useRecordForm<F extends Fields>(o: FormKind<F>) {
  type R = { id: number; version: number; region_name: string } & Record<string, unknown>
  const { locale } = useI18n()
  const route = useRoute()
  const router = useRouter()
  const submit = useSubmit()
  const form = reactive(o.blank(session.me?.scope.region_code || '')) as F
  const record = ref(null) as Ref<R | null>
  const loadError = ref<unknown>(null)
  let initial: Fields = {}
  const editing = computed(() => route.params.id !== undefined)
  const withheld = computed(() => (record.value && o.withheld ? o.withheld(record.value) : []))

  async function load() {
    if (!editing.value) return
    loadError.value = null
    try {
      const r = await api.get<R>(`${o.collection}/${route.params.id}`)
      initial = fill(o.blank(''), r)
      Object.assign(form, initial)
      record.value = r
    } catch (e) {
      loadError.value = e
    }
  }

  async function save() {
    let saved: { id: number } | undefined
    const r = record.value
    if (!r) {
      const body = createBody(form)
      saved = await submit.run(body, (key) => api.post<R>(o.collection, body, { idempotencyKey: key }))
    } else {
      const body = editBody(form, initial, withheld.value)
      saved = await submit.run(body, () => api.patch<R>(`${o.collection}/${r.id}`, body, r.version))
      const e = submit.error.value
      if (e instanceof ApiError && (e.status === 412 || e.code === 'version_conflict')) await load()
    }
    if (saved) await router.push({ name: o.page, params: { id: saved.id } })
  }

  onMounted(load)
  return {
    form, record, editing, loadError, load, save, submit,
    /** The record is there to fill the form (always, for a new one). */
    ready: computed(() => !editing.value || !!record.value),
    title: computed(() => o.titles[editing.value ? 1 : 0]),
    shows: (field: string) => !withheld.value.includes(field),
    /** Countries to choose from (foreign ones, named in the screen's language). */
    countries: computed(() => foreignCountryOptions(locale.value)),
    /** The name of the region in the form before the user picks one. */
    regionName: computed(() => record.value?.region_name ?? session.me?.scope.region_name),
    /** Back to the record from a change; a new record has nowhere to go back to. */
    back: computed(() => (record.value ? { name: o.page, params: { id: record.value.id } } : null)),
    err: (field: string) => submit.fieldErrors.value[field],
  }
}
