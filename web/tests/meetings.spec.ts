import { describe, expect, it } from 'vitest'
import {
  changedFields, editable, emptyMeetingForm, fromLocalInput, linkPayload, meetingForm, meetingPayload, minutesPayload, nextAction,
  realisedPct, toLocalInput, type Meeting,
} from '../src/views/meetings/meetings'

describe('the next step of a meeting', () => {
  it.each([
    ['PLANNED', 'INVITE'], ['INVITED', 'HOLD'], ['HELD', 'MINUTE'], ['MINUTED', 'CLOSE'], ['CLOSED', null], ['CANCELLED', null],
  ])('%s -> %s', (status, next) => expect(nextAction(status)).toBe(next))

  it.each([['PLANNED', true], ['HELD', true], ['MINUTED', true], ['CLOSED', false], ['CANCELLED', false]])(
    'records of a %s meeting can change: %s', (status, ok) => expect(editable(status)).toBe(ok))
})

describe('times entered in local time travel as ISO instants', () => {
  it('round-trips a datetime-local value without seconds or milliseconds', () => {
    const iso = fromLocalInput('2026-12-10T09:30')
    expect(iso).toMatch(/^2026-12-(09|10)T\d\d:30:00Z$/)
    expect(toLocalInput(iso)).toBe('2026-12-10T09:30')
  })
  it('leaves empty and broken values empty (the server then names the field)', () => {
    expect(fromLocalInput('')).toBe('')
    expect(fromLocalInput('bukan waktu')).toBe('')
    expect(toLocalInput(null)).toBe('')
    expect(toLocalInput('xyz')).toBe('')
  })
})

describe('the meeting form', () => {
  it('sends trimmed texts and both times', () => {
    const f = { ...emptyMeetingForm(), title: '  Rakor Kesbangpol  ', venue: ' Banjarbaru ', start_local: '2026-12-10T09:00', end_local: '2026-12-10T12:00' }
    const body = meetingPayload(f)
    expect(body.title).toBe('Rakor Kesbangpol')
    expect(body.venue).toBe('Banjarbaru')
    expect(body.type).toBe('RAKOR')
    expect(body.start_at).toBe(fromLocalInput('2026-12-10T09:00'))
    expect(body.end_at).toBe(fromLocalInput('2026-12-10T12:00'))
    expect(body).not.toHaveProperty('start_local')
  })

  it('an edit sends only what changed, nothing when nothing did', () => {
    const m = { type: 'FORUM', title: 'Forum', theme: '', legal_basis: '', series: '', chair_name: 'A', chair_position: '', secretary_name: '',
      start_at: '2026-12-10T01:00:00Z', end_at: '2026-12-10T04:00:00Z', mode: 'OFFLINE', venue: 'Aula', online_link: '', agenda: '', budget_source: '' } as unknown as Meeting
    const saved = meetingPayload(meetingForm(m))
    expect(saved.start_at).toBe('2026-12-10T01:00:00Z')
    expect(changedFields(saved, saved)).toBeNull()
    const f = meetingForm(m)
    f.venue = 'Aula Kantor Gubernur'
    f.mode = 'HYBRID'
    expect(changedFields(meetingPayload(f), saved)).toEqual({ venue: 'Aula Kantor Gubernur', mode: 'HYBRID' })
  })
})

describe('the minutes as sent', () => {
  it('drops the rows left empty and trims the rest', () => {
    expect(minutesPayload({
      opening_summary: ' Dibuka pukul 09.00 ',
      discussion: [{ speaker: ' Kaban ', summary: ' Anggaran ' }, { speaker: '', summary: '  ' }],
      questions: [{ question: '', answer: '' }, { question: 'Kapan?', answer: '' }],
      conclusions: ['', ' Rakor berikutnya di Kutai Timur '],
    })).toEqual({
      opening_summary: 'Dibuka pukul 09.00',
      discussion: [{ speaker: 'Kaban', summary: 'Anggaran' }],
      questions: [{ question: 'Kapan?', answer: '' }],
      conclusions: ['Rakor berikutnya di Kutai Timur'],
    })
  })
})

describe('links and the realised share', () => {
  it.each([
    ['incident', '12', [{ kind: 'incident', id: 12 }]], ['incident', ' 7 ', [{ kind: 'incident', id: 7 }]],
    ['', '12', []], ['hotspot', '', []], ['hotspot', '0', []], ['hotspot', '1.5', []], ['alert', 'x', []],
  ])('%s #%s', (kind, id, out) => expect(linkPayload(kind, id)).toEqual(out))

  it.each([[0, 0, 0], [1, 3, 33], [2, 3, 67], [15, 15, 100]])('%i of %i done is %i%%', (done, total, pct) =>
    expect(realisedPct(done, total)).toBe(pct))
})
