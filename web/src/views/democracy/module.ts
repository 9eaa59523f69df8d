// Routes and navigation of the democracy-index module; router.ts and AppLayout.vue pick them up.
import type { RouteRecordRaw } from 'vue-router'
import type { NavGroup, NavItem } from '../../nav'

export const routes: RouteRecordRaw[] = [
  { path: 'idi', name: 'idi-official', component: () => import('./OfficialView.vue'), meta: { title: 'idi.official.title' } },
  { path: 'idi/sementara', name: 'idi-provisional', component: () => import('./ProvisionalView.vue'), meta: { title: 'idi.provisional.title' } },
  { path: 'idi/bukti', name: 'idi-evidence', component: () => import('./EvidenceView.vue'), meta: { title: 'idi.evidence.title' } },
  { path: 'idi/usulan', name: 'idi-proposals', component: () => import('./ProposalsView.vue'), meta: { title: 'idi.proposals.title' } },
]

const items: NavItem[] = [
  { name: 'idi-official', icon: 'table', label: 'idi.nav.official' },
  { name: 'idi-provisional', icon: 'map', label: 'idi.nav.provisional' },
  { name: 'idi-evidence', icon: 'report', label: 'idi.nav.evidence' },
  { name: 'idi-proposals', icon: 'bell', label: 'idi.nav.proposals' },
]

export const nav: NavGroup | null = { id: 'nav-idi', label: 'idi.nav.group', permission: 'record.read', items }
