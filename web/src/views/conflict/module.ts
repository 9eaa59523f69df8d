// Routes and navigation of this module; router.ts and AppLayout.vue pick them up.
// Notifications of alerts link to /conflict/alerts/{id}.
import type { RouteRecordRaw } from 'vue-router'
import type { NavGroup, NavItem } from '../../nav'
import { can } from '../../session'

export const routes: RouteRecordRaw[] = [
  { path: 'conflict', redirect: { name: 'conflict-map' } },
  { path: 'conflict/map', name: 'conflict-map', component: () => import('./ConflictMapView.vue'), meta: { title: 'conflict.map.title' } },
  { path: 'conflict/incidents', name: 'conflict-incidents', component: () => import('./IncidentsView.vue'), meta: { title: 'conflict.incidents.title' } },
  { path: 'conflict/incidents/baru', name: 'conflict-incident-new', component: () => import('./IncidentFormView.vue'), meta: { title: 'conflict.incidents.createTitle' } },
  { path: 'conflict/incidents/:id(\\d+)', name: 'conflict-incident', component: () => import('./IncidentView.vue'), meta: { title: 'conflict.incidents.title' } },
  { path: 'conflict/hotspots', name: 'conflict-hotspots', component: () => import('./HotspotsView.vue'), meta: { title: 'conflict.hotspots.title' } },
  { path: 'conflict/hotspots/baru', name: 'conflict-hotspot-new', component: () => import('./HotspotFormView.vue'), meta: { title: 'conflict.hotspots.createTitle' } },
  { path: 'conflict/hotspots/:id(\\d+)', name: 'conflict-hotspot', component: () => import('./HotspotView.vue'), meta: { title: 'conflict.hotspots.title' } },
  { path: 'conflict/statuses', name: 'conflict-statuses', component: () => import('./StatusesView.vue'), meta: { title: 'conflict.statuses.title' } },
  { path: 'conflict/alerts', name: 'conflict-alerts', component: () => import('./AlertsView.vue'), meta: { title: 'conflict.alerts.title' } },
  { path: 'conflict/alerts/:id(\\d+)', name: 'conflict-alert', component: () => import('./AlertView.vue'), meta: { title: 'conflict.alerts.title' } },
  { path: 'conflict/reports', name: 'conflict-reports', component: () => import('./ReportsView.vue'), meta: { title: 'conflict.reports.title' } },
  { path: 'conflict/reports/:id(\\d+)', name: 'conflict-report', component: () => import('./ReportView.vue'), meta: { title: 'conflict.reports.title' } },
  { path: 'conflict/rules', name: 'conflict-rules', component: () => import('./AlertRulesView.vue'), meta: { title: 'conflict.rules.title' } },
  { path: 'conflict/model', name: 'conflict-model', component: () => import('./ScoringModelView.vue'), meta: { title: 'conflict.model.title' } },
]

export const nav: NavGroup | null = {
  id: 'nav-conflict',
  label: 'conflict.nav.group',
  permission: 'record.read',
  // The alert rules are for administrators: the link shows only to them (read when the menu renders).
  get items(): NavItem[] {
    return can('user.admin') ? [...baseItems, { name: 'conflict-rules', icon: 'bell', label: 'conflict.nav.rules' }] : baseItems
  },
}

const baseItems: NavItem[] = [
  { name: 'conflict-map', icon: 'map', label: 'conflict.nav.map' },
  { name: 'conflict-incidents', icon: 'bolt', label: 'conflict.nav.incidents', also: ['conflict-incident', 'conflict-incident-new'] },
  { name: 'conflict-hotspots', icon: 'pin', label: 'conflict.nav.hotspots', also: ['conflict-hotspot', 'conflict-hotspot-new'] },
  { name: 'conflict-statuses', icon: 'calendar', label: 'conflict.nav.statuses' },
  { name: 'conflict-alerts', icon: 'alert', label: 'conflict.nav.alerts', also: ['conflict-alert'] },
  { name: 'conflict-reports', icon: 'report', label: 'conflict.nav.reports', also: ['conflict-report'] },
  { name: 'conflict-model', icon: 'sliders', label: 'conflict.nav.model' },
]
