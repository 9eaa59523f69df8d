// Routes and navigation of the public service desk; router.ts and AppLayout.vue pick them up.
// `publicRoutes` are the /layanan pages for the public: outside the staff layout, no account.
import type { RouteRecordRaw } from 'vue-router'
import type { NavGroup } from '../../nav'

export const routes: RouteRecordRaw[] = [
  { path: 'layanan-staf', redirect: { name: 'services-queue' } },
  { path: 'layanan-staf/antrean', name: 'services-queue', component: () => import('./QueueView.vue'), meta: { title: 'services.nav.queue' } },
  { path: 'layanan-staf/permohonan/:id(\\d+)', name: 'services-case', component: () => import('./CaseView.vue'), meta: { title: 'services.nav.queue' } },
  { path: 'layanan-staf/rekap', name: 'services-recap', component: () => import('./RecapView.vue'), meta: { title: 'services.nav.recap' } },
  { path: 'layanan-staf/standar/:id(\\d+)?', name: 'services-standards', component: () => import('./StandardsView.vue'), meta: { title: 'services.nav.catalogue' } },
  { path: 'layanan-staf/informasi-publik', name: 'services-information', component: () => import('./InformationView.vue'), meta: { title: 'services.nav.dip' } },
  { path: 'layanan-staf/loket', name: 'services-counter', component: () => import('./CounterView.vue'), meta: { title: 'services.nav.counter' } },
  { path: 'layanan-staf/penilaian-mandiri', name: 'services-self-assessment', component: () => import('./SelfAssessmentView.vue'), meta: { title: 'selfAssessment.nav' } },
]

export const publicRoutes: RouteRecordRaw[] = [
  { path: '/layanan/lacak', name: 'layanan-track', component: () => import('./TrackView.vue'), meta: { public: true, title: 'services.track.title' } },
  { path: '/layanan/:office([0-9.]+)/ajukan/:kind([A-Z_]+)', name: 'layanan-apply', component: () => import('./ApplyView.vue'), meta: { public: true, title: 'services.portal.apply' } },
  { path: '/layanan/:office([0-9.]+)?', name: 'layanan', component: () => import('./PortalView.vue'), meta: { public: true, title: 'services.portal.title' } },
]

export const nav: NavGroup | null = {
  id: 'nav-services',
  label: 'services.nav.group',
  permission: 'record.read',
  items: [
    { name: 'services-queue', icon: 'inbox', label: 'services.nav.queue', also: ['services-case'] },
    { name: 'services-counter', icon: 'paperclip', label: 'services.nav.counter' },
    { name: 'services-standards', icon: 'sliders', label: 'services.nav.catalogue' },
    { name: 'services-information', icon: 'table', label: 'services.nav.dip' },
    { name: 'services-recap', icon: 'report', label: 'services.nav.recap' },
    { name: 'services-self-assessment', icon: 'sliders', label: 'selfAssessment.nav' },
  ],
}
