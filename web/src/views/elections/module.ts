// Routes and navigation of this module; router.ts and AppLayout.vue pick them up.
import type { RouteRecordRaw } from 'vue-router'
import type { NavGroup } from '../../nav'

export const routes: RouteRecordRaw[] = [
  { path: 'pemilihan', name: 'el-elections', component: () => import('./ElectionsView.vue'), meta: { title: 'elections.list.title' } },
  { path: 'pemilihan/daftar-periksa', name: 'el-checklist', component: () => import('./ChecklistView.vue'), meta: { title: 'elections.checklist.title' } },
  { path: 'pemilihan/kesiapan', name: 'el-readiness', component: () => import('./ReadinessView.vue'), meta: { title: 'elections.readiness.title' } },
  { path: 'pemilihan/instrumen/:id(\\d+)', name: 'el-instrument', component: () => import('./InstrumentView.vue'), meta: { title: 'elections.instrument.title' } },
]

export const nav: NavGroup | null = {
  id: 'nav-elections',
  label: 'elections.nav.group',
  permission: 'record.read',
  items: [
    { name: 'el-checklist', icon: 'report', label: 'elections.nav.checklist', also: ['el-instrument'] },
    { name: 'el-readiness', icon: 'map', label: 'elections.nav.readiness' },
    { name: 'el-elections', icon: 'calendar', label: 'elections.nav.elections' },
  ],
}
