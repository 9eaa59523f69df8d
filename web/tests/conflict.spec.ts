// Client logic of conflict early warning: grid clustering of incident points, the stage moves the
// hotspot screen offers, the incident form's checks and body, the list filters and alert actions.
import { describe, expect, it } from 'vitest'
import {
  addDays, alertActions, cellSizeForZoom, fromServerClusters, quarterEnd, recentQuarters, reportActions, clusterRadius, daysBetween, emptyIncidentForm, gridCluster, incidentBody,
  levelColour, matchesIncident, nextStages, statusEnd, typeLabel, validateIncident, LEVEL_COLOUR,
  regionNow, regionToday, ruleBody, ruleForm, utcOffsetHours,
  type AlertRule, type ConflictStatus, type Incident,
} from '../src/views/conflict/conflict'

describe('gridCluster', () => {
  const banjarmasin = { lat: -3.3194, lng: 114.5908 }
  const pts = [
    { id: 1, ...banjarmasin, weight: 1 },
    { id: 2, lat: -3.3201, lng: 114.5912, weight: 0 },
    { id: 3, lat: -3.3188, lng: 114.5899, weight: 2 },
    { id: 4, lat: -3.4425, lng: 114.8459 }, // Banjarbaru, ~30 km away
    { id: 5, lat: Number.NaN, lng: 114.5 }, // no coordinates: left out
  ]

  it('puts nearby points in one cluster at their mean, with count, summed weight and ids', () => {
    const c = gridCluster(pts, 0.1)
    expect(c).toHaveLength(2)
    expect(c[0].count).toBe(3)
    expect(c[0].weight).toBe(3)
    expect(c[0].ids.sort()).toEqual([1, 2, 3])
    expect(c[0].lat).toBeCloseTo((-3.3194 - 3.3201 - 3.3188) / 3, 6)
    expect(c[0].lng).toBeCloseTo((114.5908 + 114.5912 + 114.5899) / 3, 6)
    expect(c[1]).toMatchObject({ count: 1, ids: [4], weight: 0 })
  })

  it('splits clusters as the cells get smaller and merges them as they grow', () => {
    expect(gridCluster(pts, 1).length).toBe(1)
    expect(gridCluster(pts, 0.0001).length).toBe(4)
    expect(gridCluster(pts, 0.0001).reduce((n, c) => n + c.count, 0)).toBe(4)
  })

  it('uses floor so cells do not straddle zero and negative latitudes group correctly', () => {
    const c = gridCluster([{ id: 1, lat: -0.05, lng: 100 }, { id: 2, lat: 0.05, lng: 100 }], 0.5)
    expect(c).toHaveLength(2)
  })

  it('returns nothing for no points and refuses a non-positive cell', () => {
    expect(gridCluster([], 1)).toEqual([])
    expect(() => gridCluster(pts, 0)).toThrow(RangeError)
  })

  it('cell size halves with each zoom level; radius grows with the count and is capped', () => {
    expect(cellSizeForZoom(5) / cellSizeForZoom(6)).toBeCloseTo(2)
    expect(cellSizeForZoom(0, 256)).toBeCloseTo(360)
    expect(clusterRadius(1)).toBeLessThan(clusterRadius(50))
    expect(clusterRadius(1_000_000)).toBe(28)
  })
})

describe('server clusters', () => {
  it('become map clusters with fatalities as the weight; a single incident keeps its id to open it', () => {
    const c = fromServerClusters({
      zoom: 8, cell_deg: 0.35, total: 4, truncated: false,
      clusters: [
        { lat: -3.3, lng: 114.6, count: 3, fatalities: 2, incident_id: null, bbox: [-3.4, 114.5, -3.2, 114.7] },
        { lat: -3.44, lng: 114.85, count: 1, fatalities: 0, incident_id: 42, bbox: [-3.44, 114.85, -3.44, 114.85] },
      ],
    })
    expect(c[0]).toMatchObject({ count: 3, weight: 2, ids: [], bbox: [-3.4, 114.5, -3.2, 114.7] })
    expect(c[1]).toMatchObject({ count: 1, weight: 0, ids: [42] })
    expect(new Set(c.map((x) => x.key)).size).toBe(2)
  })
})

describe('hotspot stage moves', () => {
  it.each([
    ['POTENTIAL', ['LATENT', 'ESCALATING', 'RESOLVED', 'ARCHIVED']],
    ['ESCALATING', ['LATENT', 'OPEN', 'RECOVERY', 'RESOLVED', 'ARCHIVED']],
    ['OPEN', ['RECOVERY', 'ESCALATING', 'ARCHIVED']],
    ['STATUS_DECLARED', ['RECOVERY', 'ARCHIVED']],
    ['RESOLVED', ['POTENTIAL', 'LATENT', 'ARCHIVED']],
    ['ARCHIVED', []],
    ['UNKNOWN', []],
  ])('%s -> %j', (from, to) => {
    expect(nextStages(from)).toEqual(to)
  })
  it('never offers STATUS_DECLARED (only by declaring a status)', () => {
    for (const s of ['POTENTIAL', 'LATENT', 'ESCALATING', 'OPEN', 'RECOVERY', 'RESOLVED']) expect(nextStages(s)).not.toContain('STATUS_DECLARED')
  })
})

describe('incident form', () => {
  const today = '2026-12-04'
  it('marks missing essentials and impossible values', () => {
    const f = emptyIncidentForm(today)
    f.occurred_on = '2026-12-05'
    f.fatalities = '-1'
    f.injuries = '1.5'
    f.lat = '-3.3'
    f.actors.push({ type: 'GROUP', name: ' ' })
    expect(validateIncident(f, today)).toEqual({
      region_code: 'required', occurred_on: 'future', source: 'required', type_code: 'required',
      fatalities: 'not_negative', injuries: 'invalid', lng: 'pair', 'actors.0': 'required',
    })
  })
  it('checks coordinates are inside Indonesia', () => {
    const f = { ...emptyIncidentForm(today, '63.71.01'), source: 'SARA', type_code: 'CLASH', lat: '20', lng: '150' }
    expect(validateIncident(f, today)).toEqual({ lat: 'lat_range', lng: 'lng_range' })
  })
  it('builds the body the server takes', () => {
    const f = {
      ...emptyIncidentForm(today, '63.71.01'), source: 'SARA', type_code: 'CLASH.VILLAGE', fatalities: '1', injuries: '', lat: '-3,3194', lng: '114.5908',
      hotspot_id: '7', actors: [{ type: 'GROUP', name: ' Warga A ' }, { type: 'GROUP', name: '' }],
    }
    expect(validateIncident({ ...f, actors: f.actors.slice(0, 1) }, today)).toEqual({})
    expect(incidentBody(f)).toMatchObject({
      region_code: '63.71.01', occurred_on: today, source: 'SARA', type_code: 'CLASH.VILLAGE', fatalities: 1, injuries: 0,
      lat: -3.3194, lng: 114.5908, hotspot_id: 7, actors: [{ type: 'GROUP', name: 'Warga A' }], info_source: 'FIELD', classification: 'BIASA',
    })
    expect(incidentBody({ ...f, lat: '', lng: '' })).not.toHaveProperty('lat')
  })
})

describe('reports', () => {
  it('offers the current quarter and the ones before it, across a year', () => {
    expect(recentQuarters(new Date(2026, 1, 10), 3)).toEqual(['2026-Q1', '2025-Q4', '2025-Q3'])
    expect(quarterEnd('2026-Q1')).toBe('2026-03-31')
    expect(quarterEnd('2024-Q4')).toBe('2024-12-31')
    expect(quarterEnd('2026-Q3')).toBe('2026-09-30')
    expect(quarterEnd('2026')).toBe('')
  })
  it.each([
    ['DRAFT', '63.71', '63.71', ['record.write'], ['UPDATE', 'SUBMIT']],
    ['DRAFT', '63.71', '63', ['record.write', 'record.review'], []],
    ['SUBMITTED', '63.71', '63', ['record.review'], ['ACCEPT', 'RETURN']],
    ['SUBMITTED', '63.71', '63.71', ['record.review', 'record.write'], []],
    ['SUBMITTED', '63', '', ['record.review'], ['ACCEPT', 'RETURN']],
    ['SUBMITTED', '63', '', ['record.read'], []],
    ['ACCEPTED', '63.71', '63', ['record.review'], []],
  ])('%s report of %s seen from %j', (status, region, scope, perms, want) => {
    expect(reportActions({ status, region_code: region }, scope, perms)).toEqual(want)
  })
})

describe('lists and labels', () => {
  const inc = { source: 'SARA', type_code: 'LAND.MINING', verification: 'UNVERIFIED', info_source: 'MEDIA' } as Incident
  it('filters incidents; a parent type matches its sub-types', () => {
    expect(matchesIncident(inc, {})).toBe(true)
    expect(matchesIncident(inc, { type: 'LAND' })).toBe(true)
    expect(matchesIncident(inc, { type: 'LAN' })).toBe(false)
    expect(matchesIncident(inc, { source: 'BOUNDARY' })).toBe(false)
    expect(matchesIncident(inc, { verification: 'VERIFIED' })).toBe(false)
    expect(matchesIncident(inc, { info_source: 'MEDIA', source: 'SARA' })).toBe(true)
  })
  it('names a sub-type with its parent', () => {
    expect(typeLabel('LAND.MINING', 'id')).toBe('Sengketa lahan › Sengketa pertambangan')
    expect(typeLabel('LABOUR', 'en')).toBe('Labour conflict')
    expect(typeLabel('X.Y', 'en')).toBe('X.Y')
  })
  it('alert actions follow its state; a closed alert has none', () => {
    expect(alertActions({ status: 'OPEN' })).toContain('assign')
    expect(alertActions({ status: 'RESPONDED' })).toEqual(['respond', 'close'])
    expect(alertActions({ status: 'CLOSED' })).toEqual([])
  })
  it('level colours, with no-data grey for regions without a score', () => {
    expect(levelColour('TINGGI')).toBe(LEVEL_COLOUR.TINGGI)
    expect(levelColour(undefined)).toBe('#cfd5dd')
  })
  it('date helpers; a status in force ends at its extension', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02')
    expect(daysBetween('2026-01-01', '2026-03-01')).toBe(59)
    const s = { end_date: '2026-03-31', extended_to: null } as ConflictStatus
    expect(statusEnd(s)).toBe('2026-03-31')
    expect(statusEnd({ ...s, extended_to: '2026-04-30' })).toBe('2026-04-30')
  })
})

describe('local day of the region (WIB/WITA/WIT)', () => {
  it('counts the day by the region\'s clock, as the server does', () => {
    expect([utcOffsetHours('31.71'), utcOffsetHours('63.71.01'), utcOffsetHours('94'), utcOffsetHours('')]).toEqual([7, 8, 9, 7])
    const at = new Date('2026-12-04T16:30:00Z')
    expect(regionToday('31.71', at)).toBe('2026-12-04')
    expect(regionToday('63.71', at)).toBe('2026-12-05')
    expect(regionNow('94.71', at)).toEqual({ day: '2026-12-05', time: '01:30' })
  })
  it('checks the time and refuses a time later today', () => {
    const f = { ...emptyIncidentForm('2026-12-05', '63.71.01'), source: 'SARA', type_code: 'CLASH' }
    expect(validateIncident({ ...f, occurred_time: '07:30' }, '2026-12-05', '08:00')).toEqual({})
    expect(validateIncident({ ...f, occurred_time: '09:30' }, '2026-12-05', '08:00')).toEqual({ occurred_time: 'future' })
    expect(validateIncident({ ...f, occurred_on: '2026-12-04', occurred_time: '09:30' }, '2026-12-05', '08:00')).toEqual({})
    expect(validateIncident({ ...f, occurred_time: '7:3' }, '2026-12-05', '08:00')).toEqual({ occurred_time: 'time' })
    expect(incidentBody({ ...f, occurred_time: '07:30' }).occurred_time).toBe('07:30')
    expect(incidentBody(f).occurred_time).toBeNull()
  })
})

describe('alert rules', () => {
  it('edits a rule without sending its kind, and creates one with it', () => {
    const r: AlertRule = {
      id: 2, kind: 'FATALITY', enabled: true, target_tier: 'PROVINSI', days: 7, factor: 2, min_incidents: 3, baseline_days: 90,
      response_days: 5, note: '', version: 3, updated_at: null,
    }
    const f = ruleForm(r)
    expect(f.target_tier).toBe('PROVINSI')
    expect(ruleBody({ ...f, factor: '2,5' }, false)).toEqual({
      target_tier: 'PROVINSI', days: 7, factor: 2.5, min_incidents: 3, baseline_days: 90, response_days: 5, note: '',
    })
    expect(ruleBody(ruleForm(), true)).toMatchObject({ kind: 'INCIDENT_SURGE', days: 7, target_tier: 'KABKOTA' })
  })
})
