// Routes and navigation of the administration screens (users, offices, holidays, report types);
// router.ts and AppLayout.vue pick them up. `meta.admin` makes the router send anyone else home.
import type { RouteRecordRaw } from 'vue-router'
import type { NavGroup } from '../../nav'

export const routes: RouteRecordRaw[] = [
  { path: 'admin', redirect: { name: 'users' } },
  { path: 'admin/pengguna', name: 'users', component: () => import('./UsersView.vue'), meta: { admin: true, title: 'users.title' } },
  { path: 'admin/pengguna/baru', name: 'user-new', component: () => import('./UserFormView.vue'), meta: { admin: true, title: 'users.createTitle' } },
  { path: 'admin/pengguna/:id(\\d+)', name: 'user-edit', component: () => import('./UserFormView.vue'), meta: { admin: true, title: 'users.editTitle' } },
  { path: 'admin/unit-kerja', name: 'org-units', component: () => import('./OrgUnitsView.vue'), meta: { admin: true, title: 'orgUnits.title' } },
  { path: 'admin/unit-kerja/baru', name: 'org-unit-new', component: () => import('./OrgUnitFormView.vue'), meta: { admin: true, title: 'orgUnits.createTitle' } },
  { path: 'admin/unit-kerja/:id(\\d+)', name: 'org-unit-edit', component: () => import('./OrgUnitFormView.vue'), meta: { admin: true, title: 'orgUnits.editTitle' } },
  { path: 'admin/hari-libur', name: 'holidays', component: () => import('./HolidaysView.vue'), meta: { admin: true, title: 'holidays.title' } },
  { path: 'admin/jenis-laporan', name: 'report-types', component: () => import('./ReportTypesView.vue'), meta: { admin: true, title: 'reportTypes.title' } },
]

// The administrator roles (ADMIN_PUSAT, ADMIN_DAERAH) are the ones holding user.admin.
export const nav: NavGroup | null = {
  id: 'nav-admin',
  label: 'nav.admin',
  permission: 'user.admin',
  items: [
    { name: 'users', icon: 'users', label: 'nav.users' },
    { name: 'org-units', icon: 'building', label: 'nav.orgUnits' },
    { name: 'holidays', icon: 'calendar', label: 'nav.holidays' },
    { name: 'report-types', icon: 'sliders', label: 'nav.reportTypes' },
  ],
}
