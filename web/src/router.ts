import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import AppLayout from './components/AppLayout.vue'
import { setUnauthorizedHandler } from './api'
import { clearSession, isAdmin, loadSession, session } from './session'
import { modules } from './modules'

declare module 'vue-router' {
  interface RouteMeta {
    public?: boolean
    admin?: boolean
    /** i18n key of the page title */
    title?: string
  }
}

const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('./views/LoginView.vue'), meta: { public: true, title: 'login.title' } },
  // Pages that need no account (a module's publicRoutes), outside the app's layout.
  ...modules.flatMap((m): RouteRecordRaw[] => ('publicRoutes' in m ? (m.publicRoutes as RouteRecordRaw[]) : [])),
  {
    path: '/',
    component: AppLayout,
    children: [
      { path: '', name: 'home', component: () => import('./views/DashboardView.vue'), meta: { title: 'dashboard.title' } },
      { path: 'cari', name: 'search', component: () => import('./views/SearchView.vue'), meta: { title: 'search.title' } },
      { path: 'wilayah/:code?', name: 'regions', component: () => import('./views/RegionsView.vue'), meta: { title: 'regions.title' } },
      { path: 'monitoring', redirect: { name: 'reports' } },
      { path: 'monitoring/reports', name: 'reports', component: () => import('./views/monitoring/ReportsView.vue'), meta: { title: 'reports.title' } },
      { path: 'monitoring/reports/:id(\\d+)', name: 'report', component: () => import('./views/monitoring/ReportView.vue'), meta: { title: 'reports.title' } },
      { path: 'monitoring/rekap', name: 'recap', component: () => import('./views/monitoring/RecapView.vue'), meta: { title: 'recap.title' } },
      { path: 'monitoring/events', name: 'events', component: () => import('./views/monitoring/EventsView.vue'), meta: { title: 'events.title' } },
      { path: 'monitoring/events/baru', name: 'event-new', component: () => import('./views/monitoring/EventFormView.vue'), meta: { title: 'events.createTitle' } },
      { path: 'monitoring/events/:id(\\d+)', name: 'event', component: () => import('./views/monitoring/EventView.vue'), meta: { title: 'events.title' } },
      ...modules.flatMap((m) => m.routes),
      { path: 'admin', redirect: { name: 'users' } },
      { path: 'admin/pengguna', name: 'users', component: () => import('./views/admin/UsersView.vue'), meta: { admin: true, title: 'users.title' } },
      { path: 'admin/pengguna/baru', name: 'user-new', component: () => import('./views/admin/UserFormView.vue'), meta: { admin: true, title: 'users.createTitle' } },
      { path: 'admin/pengguna/:id(\\d+)', name: 'user-edit', component: () => import('./views/admin/UserFormView.vue'), meta: { admin: true, title: 'users.editTitle' } },
      { path: 'admin/unit-kerja', name: 'org-units', component: () => import('./views/admin/OrgUnitsView.vue'), meta: { admin: true, title: 'orgUnits.title' } },
      { path: 'admin/unit-kerja/baru', name: 'org-unit-new', component: () => import('./views/admin/OrgUnitFormView.vue'), meta: { admin: true, title: 'orgUnits.createTitle' } },
      { path: 'admin/unit-kerja/:id(\\d+)', name: 'org-unit-edit', component: () => import('./views/admin/OrgUnitFormView.vue'), meta: { admin: true, title: 'orgUnits.editTitle' } },
      { path: 'admin/hari-libur', name: 'holidays', component: () => import('./views/admin/HolidaysView.vue'), meta: { admin: true, title: 'holidays.title' } },
      { path: 'admin/jenis-laporan', name: 'report-types', component: () => import('./views/admin/ReportTypesView.vue'), meta: { admin: true, title: 'reportTypes.title' } },
      { path: ':pathMatch(.*)*', name: 'not-found', component: () => import('./views/NotFoundView.vue'), meta: { title: 'notFound.title' } },
    ],
  },
]

export const router = createRouter({
  history: createWebHistory('/'),
  routes,
  scrollBehavior: (_to, _from, saved) => saved || { top: 0 },
})

router.beforeEach(async (to) => {
  if (to.meta.public) {
    if (to.name === 'login' && !to.query.notice) {
      const me = await loadSession().catch(() => null)
      if (me) return { path: typeof to.query.redirect === 'string' ? to.query.redirect : '/' }
    }
    return true
  }
  const me = await loadSession().catch(() => null)
  if (!me) {
    const query: Record<string, string> = to.fullPath !== '/' ? { redirect: to.fullPath } : {}
    if (session.lostCode === 'auth.session_expired') query.notice = 'expired'
    return { name: 'login', query }
  }
  if (to.matched.some((r) => r.meta.admin) && !isAdmin()) return { name: 'home' }
  return true
})

// A request found the session gone (expired, or the server forgot it): back to login with a notice.
let redirecting = false
setUnauthorizedHandler(() => {
  if (redirecting || !session.me) return
  redirecting = true
  const current = router.currentRoute.value
  clearSession()
  router
    .replace({ name: 'login', query: { notice: 'expired', redirect: current.fullPath } })
    .finally(() => { redirecting = false })
})
