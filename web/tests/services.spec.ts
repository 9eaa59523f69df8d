import { describe, expect, it } from 'vitest'
import {
  canPublish, counterBody, disputeOpen, disputeTimeline, missingPublicComponents, nextDisputeStages, publicInfoView, versionInForce,
  type Clock, type StandardVersion,
} from '../src/views/services/services'

function v(no: number, published: boolean): StandardVersion {
  return { id: no, version_no: no, effective_from: `2026-0${no}-01`, components: {}, maklumat: '', published, created_at: '', created_by: '' }
}
const clock = (p: Partial<Clock> = {}): Clock => ({
  limit_working_days: 30, due_date: '2027-01-15', used_working_days: 3, left_working_days: 27, paused: false, finished: false, breached: false, ...p,
})

describe('service standards', () => {
  it('the portal shows the newest published version, not a newer draft', () => {
    const items = [v(4, false), v(3, true), v(2, false), v(1, true)]
    expect(versionInForce(items)?.version_no).toBe(3)
    expect(versionInForce([v(1, false)])).toBeNull()
  })

  it('only a draft newer than the version in force can be published', () => {
    const items = [v(4, false), v(3, true), v(2, false), v(1, true)]
    expect(canPublish(items[0], items)).toBe(true)
    expect(canPublish(items[1], items)).toBe(false)
    expect(canPublish(items[2], items)).toBe(false)
    expect(canPublish(v(1, false), [v(1, false)])).toBe(true)
  })

  it('names the empty public components before publishing; internal ones may stay empty', () => {
    const meta = [
      { key: 'requirements', label: { id: 'Persyaratan', en: 'Requirements' }, published: true },
      { key: 'cost', label: { id: 'Biaya', en: 'Cost' }, published: true },
      { key: 'staff_count', label: { id: 'Jumlah pelaksana', en: 'Staff' }, published: false },
    ]
    expect(missingPublicComponents({ requirements: 'KTP', cost: '  ', staff_count: '' }, meta)).toEqual(['cost'])
    expect(missingPublicComponents({ requirements: 'KTP', cost: 'Gratis' }, meta)).toEqual([])
  })
})

describe('Daftar Informasi Publik', () => {
  it('the portal shows an exempt entry without its summary and form, with its basis', () => {
    const e = { class: 'DIKECUALIKAN' as const, title: 'Laporan intelijen', summary: 'rahasia', form: 'Softcopy', exemption_basis: 'Pasal 17 huruf c' }
    expect(publicInfoView(e)).toEqual({ title: 'Laporan intelijen', summary: '', form: '', exemption_basis: 'Pasal 17 huruf c' })
    expect(publicInfoView({ ...e, class: 'BERKALA' }).summary).toBe('rahasia')
  })
})

describe('information disputes', () => {
  it('follows the stages the server allows', () => {
    expect(nextDisputeStages('REGISTERED')).toEqual(['MEDIATION', 'ADJUDICATION'])
    expect(nextDisputeStages('MEDIATION')).toEqual(['ADJUDICATION', 'DECIDED'])
    expect(nextDisputeStages('DECIDED')).toEqual(['APPEALED'])
    expect(nextDisputeStages('APPEALED')).toEqual([])
  })

  it('opens after the decision of the atasan PPID or once the 30 working days ran out, once', () => {
    expect(disputeOpen({ kind: 'INFO_OBJECTION', status: 'RECEIVED', clock: clock(), dispute: null })).toBe(false)
    expect(disputeOpen({ kind: 'INFO_OBJECTION', status: 'RECEIVED', clock: clock({ breached: true, left_working_days: -1 }), dispute: null })).toBe(true)
    expect(disputeOpen({ kind: 'INFO_OBJECTION', status: 'DECIDED', clock: clock({ finished: true }), dispute: null })).toBe(true)
    expect(disputeOpen({ kind: 'INFO_OBJECTION', status: 'DECIDED', clock: clock(), dispute: { id: 1 } })).toBe(false)
    expect(disputeOpen({ kind: 'INFO_REQUEST', status: 'ANSWERED', clock: clock(), dispute: null })).toBe(false)
  })

  it('dates each stage: filed and decided on the dates entered, the others when recorded', () => {
    const tl = disputeTimeline({ filed_on: '2026-12-01', stage: 'DECIDED', decided_on: '2027-02-10' }, [
      { at: '2026-11-20T02:00:00Z', action: 'SUBMIT' },
      { at: '2026-12-02T03:00:00Z', action: 'DISPUTE' },
      { at: '2027-01-05T03:00:00Z', action: 'DISPUTE_MEDIATION' },
      { at: '2027-02-11T03:00:00Z', action: 'DISPUTE_DECIDED' },
    ])
    expect(tl).toEqual([
      { stage: 'REGISTERED', on: '2026-12-01', recorded: false },
      { stage: 'MEDIATION', on: '2027-01-05T03:00:00Z', recorded: true },
      { stage: 'DECIDED', on: '2027-02-10', recorded: false },
    ])
  })

  it('dates each stage on the day it happened as entered, not the day it was recorded', () => {
    const tl = disputeTimeline({ filed_on: '2026-12-01', stage: 'DECIDED', decided_on: '2027-02-03',
      stages: [{ stage: 'MEDIATION', on: '2026-12-20' }, { stage: 'DECIDED', on: '2027-02-03' }] }, [
      { at: '2026-12-02T03:00:00Z', action: 'DISPUTE' },
      { at: '2027-01-05T03:00:00Z', action: 'DISPUTE_MEDIATION' },
      { at: '2027-02-11T03:00:00Z', action: 'DISPUTE_DECIDED' },
    ])
    expect(tl).toEqual([
      { stage: 'REGISTERED', on: '2026-12-01', recorded: false },
      { stage: 'MEDIATION', on: '2026-12-20', recorded: false },
      { stage: 'DECIDED', on: '2027-02-03', recorded: false },
    ])
  })
})

describe('counter entry', () => {
  const f = {
    channel: 'LAPOR', lapor_ref: '4182736', applicant_name: 'Warga', applicant_contact: '', subject: 'Pungutan', body: 'Diminta biaya.',
    information: 'x', purpose: 'y', delivery_method: 'SOFTCOPY', request_reg_no: 'PPID-2026-AAAA-BBBB', case_summary: 'z', anonymous: false,
  }

  it('sends the channel and only the fields of the kind chosen', () => {
    const b = counterBody('COMPLAINT', '63.71', f)
    expect(b).toMatchObject({ kind: 'COMPLAINT', office: '63.71', channel: 'LAPOR', lapor_ref: '4182736', subject: 'Pungutan', anonymous: false })
    expect(b).not.toHaveProperty('information')
    const o = counterBody('INFO_OBJECTION', '63.71', { ...f, channel: 'COUNTER', lapor_ref: '' }, { grounds: ['C_NOT_ANSWERED'] })
    expect(o).toMatchObject({ kind: 'INFO_OBJECTION', channel: 'COUNTER', request_reg_no: 'PPID-2026-AAAA-BBBB', grounds: ['C_NOT_ANSWERED'] })
    expect(o).not.toHaveProperty('lapor_ref')
    expect(o).not.toHaveProperty('request_secret')
  })
})
