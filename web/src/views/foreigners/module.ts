// Routes and navigation of foreigner monitoring and the map of the registries (ormas and
// foreigners); the map and its Leaflet code load only on their own route.
import type { RouteRecordRaw } from 'vue-router'
import type { NavGroup } from '../../nav'

export const routes: RouteRecordRaw[] = [
  { path: 'orang-asing', name: 'foreigners', component: () => import('./ForeignersView.vue'), meta: { title: 'reg.fx.title' } },
  { path: 'orang-asing/orang/baru', name: 'foreigner-new', component: () => import('./PersonFormView.vue'), meta: { title: 'reg.fx.newPerson' } },
  { path: 'orang-asing/orang/:id(\\d+)', name: 'foreigner', component: () => import('./PersonView.vue'), meta: { title: 'reg.fx.persons' } },
  { path: 'orang-asing/orang/:id(\\d+)/ubah', name: 'foreigner-edit', component: () => import('./PersonFormView.vue'), meta: { title: 'reg.fx.editPerson' } },
  { path: 'orang-asing/organisasi/baru', name: 'foreign-org-new', component: () => import('./OrgFormView.vue'), meta: { title: 'reg.fx.newOrg' } },
  { path: 'orang-asing/organisasi/:id(\\d+)', name: 'foreign-org', component: () => import('./OrgView.vue'), meta: { title: 'reg.fx.orgs' } },
  { path: 'orang-asing/organisasi/:id(\\d+)/ubah', name: 'foreign-org-edit', component: () => import('./OrgFormView.vue'), meta: { title: 'reg.fx.editOrg' } },
  { path: 'orang-asing/keberadaan/baru', name: 'presence-new', component: () => import('./PresenceFormView.vue'), meta: { title: 'reg.fx.newPresence' } },
  { path: 'orang-asing/keberadaan/:id(\\d+)', name: 'presence', component: () => import('./PresenceView.vue'), meta: { title: 'reg.fx.presences' } },
  { path: 'orang-asing/rekap', name: 'foreigners-recap', component: () => import('./RecapView.vue'), meta: { title: 'reg.fx.recapTitle' } },
  { path: 'peta-ormas-orang-asing', name: 'registries-map', component: () => import('./RegistryMapView.vue'), meta: { title: 'reg.fx.mapTitle' } },
]

export const nav: NavGroup | null = {
  id: 'nav-foreigners',
  label: 'reg.nav.foreigners',
  permission: 'record.read',
  items: [
    { name: 'foreigners', icon: 'users', label: 'reg.nav.foreigners', also: ['foreigner', 'foreigner-new', 'foreigner-edit', 'foreign-org', 'foreign-org-new', 'foreign-org-edit', 'presence', 'presence-new'] },
    { name: 'foreigners-recap', icon: 'table', label: 'reg.nav.recap' },
    { name: 'registries-map', icon: 'map', label: 'reg.nav.map' },
  ],
}
