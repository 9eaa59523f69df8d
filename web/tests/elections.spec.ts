import { describe, expect, it } from 'vitest'
import type { Me } from '../src/types'
import {
  defaultElection, groupInstruments, isOwner, isReviewer, readinessScore, returnedEvidence, verdictNoteRequired,
  type Election, type Evidence, type Instrument,
} from '../src/views/elections/elections'

function me(region: string, kind: string, permissions: string[], unitId = 1): Me {
  return {
    id: 1, username: 'u', full_name: 'U', role: 'OPERATOR', clearance: 'BIASA',
    org_unit: { id: unitId, name: 'Unit', kind, region_code: region },
    scope: { region_code: region, region_name: region, level: region ? region.split('.').length : 0 },
    permissions,
  }
}

function inst(p: Partial<Instrument>): Instrument {
  return {
    id: 1, election_id: 1, election_name: 'E', region_code: '63.71', region_name: 'Kota Banjarmasin', org_unit_id: 10,
    org_unit_name: 'Dinas A', item: { id: 1, code: 'X', description: { id: 'x', en: 'x' }, legal_basis: '', has_amount: false },
    target: '', realisation: '', amount_rupiah: null, status: 'NOT_STARTED', note: '', classification: 'BIASA',
    evidence_count: { total: 0, accepted: 0, rejected: 0, incomplete: 0, pending: 0 }, state: 'NO_EVIDENCE',
    complete: false, needs_action: false, applicable: true, reviewer_region: '63', updated_at: '', version: 1, ...p,
  }
}

describe('who owns and who reviews an instrument', () => {
  const i = inst({})
  it.each([
    ['the kab/kota Kesbangpol operator', me('63.71', 'KESBANGPOL', ['record.write']), true],
    ['its own Perangkat Daerah', me('63.71', 'PERANGKAT_DAERAH', ['record.write'], 10), true],
    ['another Perangkat Daerah', me('63.71', 'PERANGKAT_DAERAH', ['record.write'], 11), false],
    ['a partner', me('63.71', 'PARTNER', ['record.write']), false],
    ['a read-only user', me('63.71', 'KESBANGPOL', ['record.read']), false],
    ['the province', me('63', 'KESBANGPOL', ['record.write', 'record.review']), false],
  ])('%s: owner %s', (_, who, expected) => {
    expect(isOwner(who, i)).toBe(expected)
  })
  it('the province reviews a kab/kota, the ministry a province, nobody else', () => {
    expect(isReviewer(me('63', 'KESBANGPOL', ['record.review']), i)).toBe(true)
    expect(isReviewer(me('63', 'KESBANGPOL', ['record.read']), i)).toBe(false)
    expect(isReviewer(me('63.71', 'KESBANGPOL', ['record.review']), i)).toBe(false)
    expect(isReviewer(me('', 'KEMENDAGRI', ['record.review']), i)).toBe(false)
    expect(isReviewer(me('', 'KEMENDAGRI', ['record.review']), inst({ region_code: '63', reviewer_region: '' }))).toBe(true)
  })
})

describe('verdicts', () => {
  it('a note is required unless accepted', () => {
    expect(verdictNoteRequired('ACCEPTED')).toBe(false)
    expect(verdictNoteRequired('REJECTED')).toBe(true)
    expect(verdictNoteRequired('INCOMPLETE')).toBe(true)
    expect(verdictNoteRequired('')).toBe(false)
  })
  it('only current rejected or incomplete evidence goes back', () => {
    const ev = (id: number, verdict: Evidence['verdict'], active = true) => ({ id, verdict, active }) as Evidence
    const list = [ev(1, 'ACCEPTED'), ev(2, 'REJECTED', false), ev(3, 'INCOMPLETE'), ev(4, 'PENDING'), ev(5, 'REJECTED')]
    expect(returnedEvidence(list).map((e) => e.id)).toEqual([3, 5])
    expect(returnedEvidence(undefined)).toEqual([])
  })
})

describe('the checklist grouping and readiness', () => {
  it('groups by region code, then Perangkat Daerah by name, and counts completion', () => {
    const rows = [
      inst({ id: 1, region_code: '63.71', org_unit_id: 2, org_unit_name: 'Dinas B', complete: true }),
      inst({ id: 2, region_code: '63', region_name: 'Kalimantan Selatan', org_unit_id: 3, org_unit_name: 'BPKAD' }),
      inst({ id: 3, region_code: '63.71', org_unit_id: 1, org_unit_name: 'Dinas A' }),
      inst({ id: 4, region_code: '63.71', org_unit_id: 2, org_unit_name: 'Dinas B', applicable: false, complete: true }),
    ]
    const g = groupInstruments(rows)
    expect(g.map((x) => x.region_code)).toEqual(['63', '63.71'])
    expect(g[1].units.map((u) => [u.org_unit_name, u.rows.map((r) => r.id)])).toEqual([['Dinas A', [3]], ['Dinas B', [1, 4]]])
    expect([g[1].completed, g[1].applicable]).toEqual([1, 2])
  })
  it('rounds down like the server; nothing applicable gives no score', () => {
    expect(readinessScore(2, 3)).toBe(66)
    expect(readinessScore(3, 3)).toBe(100)
    expect(readinessScore(0, 0)).toBeNull()
  })
  it('shows the next election first, else the latest one held', () => {
    const e = (id: number, polling_date: string) => ({ id, polling_date }) as Election
    expect(defaultElection([e(1, '2024-02-14'), e(2, '2024-11-27')], '2026-12-04')?.id).toBe(2)
    expect(defaultElection([e(1, '2024-02-14'), e(3, '2029-04-01'), e(4, '2027-03-10')], '2026-12-04')?.id).toBe(4)
    expect(defaultElection([], '2026-12-04')).toBeNull()
  })
})
