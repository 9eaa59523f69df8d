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
      // Every feature's routes (views/<module>/module.ts, listed in modules.ts).
      ...modules.flatMap((m) => m.routes),
      { path: ':pathMatch(.*)*', name: 'not-found', component: () => import('./views/NotFoundView.vue'), meta: { title: 'notFound.title' } },
    ],
  },
]

export const router = createRouter({
  history: createWebHistory('/'),
  routes,
  // A link to a part of a page (the guide's contents: /panduan#2-beranda) scrolls to it.
  scrollBehavior: (to, _from, saved) => saved || (to.hash ? { el: decodeURIComponent(to.hash), top: 16 } : { top: 0 }),
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
