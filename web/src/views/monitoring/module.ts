// Routes and navigation of the periodic reports and events (monitoring); router.ts and
// AppLayout.vue pick them up. Notifications of reports link to /monitoring/reports/{id}.
import type { RouteRecordRaw } from 'vue-router'
import type { NavGroup } from '../../nav'

export const routes: RouteRecordRaw[] = [
  { path: 'monitoring', redirect: { name: 'reports' } },
  { path: 'monitoring/reports', name: 'reports', component: () => import('./ReportsView.vue'), meta: { title: 'reports.title' } },
  { path: 'monitoring/reports/:id(\\d+)', name: 'report', component: () => import('./ReportView.vue'), meta: { title: 'reports.title' } },
  { path: 'monitoring/rekap', name: 'recap', component: () => import('./RecapView.vue'), meta: { title: 'recap.title' } },
  { path: 'monitoring/events', name: 'events', component: () => import('./EventsView.vue'), meta: { title: 'events.title' } },
  { path: 'monitoring/events/baru', name: 'event-new', component: () => import('./EventFormView.vue'), meta: { title: 'events.createTitle' } },
  { path: 'monitoring/events/:id(\\d+)', name: 'event', component: () => import('./EventView.vue'), meta: { title: 'events.title' } },
]

export const nav: NavGroup | null = {
  id: 'nav-monitoring',
  label: 'nav.monitoring',
  permission: 'record.read',
  items: [
    { name: 'reports', icon: 'report', label: 'nav.reports', also: ['report'] },
    { name: 'recap', icon: 'table', label: 'nav.recap' },
    { name: 'events', icon: 'bolt', label: 'nav.events', also: ['event', 'event-new'] },
  ],
}
