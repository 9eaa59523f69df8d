// Routes and navigation of this module; router.ts and AppLayout.vue pick them up.
import type { RouteRecordRaw } from 'vue-router'
import type { NavGroup } from '../../nav'

export const routes: RouteRecordRaw[] = [
  { path: 'banpol', redirect: { name: 'pa-allocations' } },
  { path: 'banpol/alokasi', name: 'pa-allocations', component: () => import('./AllocationsView.vue'), meta: { title: 'partyAid.alloc.title' } },
  { path: 'banpol/nilai-suara', name: 'pa-values', component: () => import('./VoteValuesView.vue'), meta: { title: 'partyAid.values.title' } },
  { path: 'banpol/hasil-pemilu', name: 'pa-results', component: () => import('./ResultsView.vue'), meta: { title: 'partyAid.results.title' } },
  { path: 'banpol/pengurus', name: 'pa-boards', component: () => import('./BoardsView.vue'), meta: { title: 'partyAid.boards.title' } },
  { path: 'banpol/pengurus/:id(\\d+)', name: 'pa-board', component: () => import('./BoardView.vue'), meta: { title: 'partyAid.boards.detail' } },
  { path: 'banpol/permohonan', name: 'pa-applications', component: () => import('./ApplicationsView.vue'), meta: { title: 'partyAid.apps.title' } },
  { path: 'banpol/permohonan/:id(\\d+)', name: 'pa-application', component: () => import('./ApplicationView.vue'), meta: { title: 'partyAid.apps.details' } },
  { path: 'banpol/lpj', name: 'pa-lpj', component: () => import('./LpjView.vue'), meta: { title: 'partyAid.lpj.title' } },
  { path: 'banpol/posisi', name: 'pa-positions', component: () => import('./PositionsView.vue'), meta: { title: 'partyAid.positions.title' } },
]

export const nav: NavGroup | null = {
  id: 'nav-party-aid',
  label: 'partyAid.nav.group',
  permission: 'record.read',
  items: [
    { name: 'pa-allocations', icon: 'table', label: 'partyAid.nav.allocations' },
    { name: 'pa-applications', icon: 'report', label: 'partyAid.nav.applications', also: ['pa-application'] },
    { name: 'pa-positions', icon: 'users', label: 'partyAid.nav.positions' },
    { name: 'pa-lpj', icon: 'calendar', label: 'partyAid.nav.lpj' },
    { name: 'pa-values', icon: 'sliders', label: 'partyAid.nav.values' },
    { name: 'pa-results', icon: 'map', label: 'partyAid.nav.results' },
    { name: 'pa-boards', icon: 'building', label: 'partyAid.nav.boards', also: ['pa-board'] },
  ],
}
