// The user guide inside the app (/panduan); the header and the menu link to it.
import type { RouteRecordRaw } from 'vue-router'
import type { NavGroup } from '../../nav'

export const routes: RouteRecordRaw[] = [
  { path: 'panduan', name: 'guide', component: () => import('./GuideView.vue'), meta: { title: 'guide.title' } },
]

// Every signed-in user sees it (no permission), at the end of the menu.
export const nav: NavGroup | null = {
  id: 'nav-help',
  label: 'guide.nav.group',
  items: [{ name: 'guide', icon: 'help', label: 'guide.nav.guide' }],
}
