// Routes and navigation of the democracy-index module; router.ts and AppLayout.vue pick them up.
import type { RouteRecordRaw } from 'vue-router'
import type { NavGroup, NavItem } from '../../nav'
import { can } from '../../session'

export const routes: RouteRecordRaw[] = [
  { path: 'idi', name: 'idi-official', component: () => import('./OfficialView.vue'), meta: { title: 'idi.official.title' } },
  { path: 'idi/sementara', name: 'idi-provisional', component: () => import('./ProvisionalView.vue'), meta: { title: 'idi.provisional.title' } },
  { path: 'idi/bukti', name: 'idi-evidence', component: () => import('./EvidenceView.vue'), meta: { title: 'idi.evidence.title' } },
  { path: 'idi/usulan', name: 'idi-proposals', component: () => import('./ProposalsView.vue'), meta: { title: 'idi.proposals.title' } },
  { path: 'idi/aturan', name: 'idi-rules', component: () => import('./RulesView.vue'), meta: { title: 'idi.rules.title' } },
]

const items: NavItem[] = [
  { name: 'idi-official', icon: 'table', label: 'idi.nav.official' },
  { name: 'idi-provisional', icon: 'map', label: 'idi.nav.provisional' },
  { name: 'idi-evidence', icon: 'report', label: 'idi.nav.evidence' },
  { name: 'idi-proposals', icon: 'bell', label: 'idi.nav.proposals' },
]

export const nav: NavGroup | null = {
  id: 'nav-idi',
  label: 'idi.nav.group',
  permission: 'record.read',
  // The proposal rules are for administrators: the link shows only to them (read when the menu renders).
  get items(): NavItem[] {
    return can('user.admin') ? [...items, { name: 'idi-rules', icon: 'sliders', label: 'idi.nav.rules' }] : items
  },
}
