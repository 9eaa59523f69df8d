// Types of the meetings API and the signature strokes shared by the views.
export type Strokes = number[][][]

export interface Participant {
  id: number
  name: string
  position: string
  institution: string
  participant_type: string
  user_id: number | null
  present: boolean
  checked_in_at: string | null
  checkin_method: string | null
  signature_state: 'NOT_REQUIRED' | 'PENDING' | 'SIGNED' | 'VOIDED'
  attendance_signature: Strokes | null
}

export interface ActionItem {
  id: number
  meeting_id: number | null
  meeting_title: string
  action: string
  output: string
  owner_org_unit_name: string
  owner_person: string
  due_date: string
  status: string
  effective_status: string
  progress_pct: number
  version: number
  follow_ups: { id: number; date: string; action_taken: string; status: string; progress_pct: number }[]
}

export interface Agreement {
  id: number
  number: number
  text: string
  category: string
  target_date: string | null
  status: string
  effective_status: string
}

export interface Meeting {
  id: number
  type: string
  title: string
  theme: string
  region_name: string
  organiser_name: string
  chair_name: string
  start_at: string
  end_at: string
  venue: string
  status: string
  version: number
  berita_acara_final: boolean
  signatures_voided_at: string | null
  checkin: { open: boolean; token: string | null }
  participants: Participant[]
  agreements: Agreement[]
  action_items: ActionItem[]
  carried_over: ActionItem[]
}

export interface MeetingRow {
  id: number
  type: string
  title: string
  region_name: string
  start_at: string
  venue: string
  status: string
  agreements: number
  present: number
}

export function badgeOf(status: string): string {
  if (status === 'OVERDUE' || status === 'NOT_REALISED' || status === 'VOIDED') return 'badge badge-danger'
  if (status === 'DONE' || status === 'REALISED' || status === 'CLOSED' || status === 'SIGNED') return 'badge badge-success'
  if (status === 'IN_PROGRESS' || status === 'HELD' || status === 'MINUTED' || status === 'PENDING') return 'badge badge-warning'
  return 'badge badge-neutral'
}
