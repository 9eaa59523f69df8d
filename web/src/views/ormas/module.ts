// Routes and navigation of the ormas registry and the actor page; router.ts and AppLayout.vue pick them up.
import type { RouteRecordRaw } from 'vue-router'
import type { NavGroup } from '../../nav'

export const routes: RouteRecordRaw[] = [
  { path: 'ormas', name: 'ormas-list', component: () => import('./OrmasListView.vue'), meta: { title: 'reg.list.title' } },
  { path: 'ormas/baru', name: 'ormas-new', component: () => import('./OrmasFormView.vue'), meta: { title: 'reg.form.title' } },
  { path: 'ormas/impor', name: 'ormas-import', component: () => import('./OrmasImportView.vue'), meta: { title: 'reg.imp.title' } },
  { path: 'ormas/pengingat', name: 'ormas-reminders', component: () => import('./OrmasRemindersView.vue'), meta: { title: 'reg.rem.title' } },
  { path: 'ormas/:id(\\d+)', name: 'ormas-detail', component: () => import('./OrmasView.vue'), meta: { title: 'reg.list.title' } },
  { path: 'aktor/:id(\\d+)', name: 'actor', component: () => import('./ActorView.vue'), meta: { title: 'reg.actor.title' } },
]

export const nav: NavGroup | null = {
  id: 'nav-registries',
  label: 'reg.nav.group',
  permission: 'record.read',
  items: [
    { name: 'ormas-list', icon: 'building', label: 'reg.nav.ormas', also: ['ormas-detail', 'actor', 'ormas-import'] },
    { name: 'ormas-new', icon: 'users', label: 'reg.nav.newOrmas' },
    { name: 'ormas-reminders', icon: 'bell', label: 'reg.nav.reminders' },
  ],
}
