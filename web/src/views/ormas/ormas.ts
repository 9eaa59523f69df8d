// Types and small helpers of the registries' screens.
export interface BoardMember {
  id: number; actor_id: number; nik: string; name: string; position: string; duplicate: boolean; other_ormas: number
  term_start: string | null; term_end: string | null; is_state_official: boolean
}
export interface RegDocument { doc_type: string; name_id: string; name_en: string; legal_basis: string; verdict: string; note: string }
export interface Registration {
  id: number; status: string; submitted_on: string; verification_due: string; completion_due: string | null; receipt_no: string
  reason: string; version: number; clock: { owner: 'OFFICE' | 'APPLICANT'; due: string; working_days_left: number } | null
  documents: RegDocument[]
}
export interface Sanction {
  id: number; level: string; step: number; decree_no: string; issued_on: string; compliance_due: string | null; complied_on: string | null
  legal_basis: string; reason: string; working_days_left?: number
}
export interface Ormas {
  id: number; name: string; abbreviation: string; legal_form: string; scope_level: string; fields: string[]; skt_no: string
  skt_issue_date: string | null; skt_expiry_date: string | null; skt_state: string; ahu_decree_no: string; address: string
  region_code: string; region_name: string; status: string; version: number; identifiers_masked: boolean
  actor_id?: number | null; lat?: number | null; lng?: number | null
  board: BoardMember[]; registrations: Registration[]; sanctions: Sanction[]
  annual_reports: { id: number; year: number; due_date: string; submitted_on: string; late: boolean; activities: string }[]
}
export interface OrmasItem {
  id: number; name: string; abbreviation: string; region_code: string; region_name: string; skt_state: string; skt_expiry_date: string | null
  status: string; board_count: number
}
export const LEGAL_FORMS = ['NON_BH', 'PERKUMPULAN_BH', 'YAYASAN_BH']
export const SCOPES = ['KABKOTA', 'PROVINSI', 'NASIONAL']
export const POSITIONS = ['KETUA', 'WAKIL_KETUA', 'SEKRETARIS', 'BENDAHARA', 'ANGGOTA', 'PEMBINA', 'PENASEHAT']
export const FIELDS = ['AGAMA', 'KEPERCAYAAN', 'SOSIAL', 'KEPEMUDAAN', 'PEREMPUAN', 'LINGKUNGAN', 'ANTI_NARKOBA', 'BUDAYA', 'PROFESI',
  'PENDIDIKAN', 'KESEHATAN', 'EKONOMI', 'HUKUM_HAM', 'OLAHRAGA', 'ADAT']
export const SKT_TONE: Record<string, 'success' | 'warning' | 'danger' | 'neutral'> = {
  ACTIVE: 'success', EXPIRING_90: 'warning', EXPIRING_30: 'warning', EXPIRED: 'danger', NONE: 'neutral',
}
export const todayIso = () => new Date().toISOString().slice(0, 10)
