// Routes and navigation of foreigner monitoring; the group is shared with the ormas registry.
import type { RouteRecordRaw } from 'vue-router'
import type { NavGroup } from '../../nav'

export const routes: RouteRecordRaw[] = [
  { path: 'orang-asing', name: 'foreigners', component: () => import('./ForeignersView.vue'), meta: { title: 'reg.fx.title' } },
]

export const nav: NavGroup | null = {
  id: 'nav-foreigners',
  label: 'reg.nav.foreigners',
  permission: 'record.read',
  items: [{ name: 'foreigners', icon: 'users', label: 'reg.nav.foreigners' }],
}
