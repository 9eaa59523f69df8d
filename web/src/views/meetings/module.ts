// Routes and navigation of meetings; router.ts and AppLayout.vue pick them up. The two public
// pages (self check-in at /hadir/<code>, document verification at /verifikasi/<code>) need no
// account and live outside the app's layout (publicRoutes).
import type { RouteRecordRaw } from 'vue-router'
import type { NavGroup } from '../../nav'

export const routes: RouteRecordRaw[] = [
  { path: 'meetings', name: 'meetings', component: () => import('./MeetingsView.vue'), meta: { title: 'meetings.title' } },
  { path: 'meetings/tracker', name: 'meetings-tracker', component: () => import('./TrackerView.vue'), meta: { title: 'meetings.trackerTitle' } },
  { path: 'meetings/baru', name: 'meeting-new', component: () => import('./MeetingFormView.vue'), meta: { title: 'meetings.form.createTitle' } },
  { path: 'meetings/:id(\\d+)/ubah', name: 'meeting-edit', component: () => import('./MeetingFormView.vue'), meta: { title: 'meetings.form.editTitle' } },
  { path: 'meetings/rencana-aksi/:id(\\d+)', name: 'meeting-action-item', component: () => import('./ActionItemView.vue'), meta: { title: 'meetings.actionItems' } },
  { path: 'meetings/:id(\\d+)', name: 'meeting', component: () => import('./MeetingView.vue'), meta: { title: 'meetings.title' } },
]

export const publicRoutes: RouteRecordRaw[] = [
  { path: '/hadir/:token', name: 'checkin', component: () => import('./CheckinView.vue'), meta: { public: true, title: 'checkin.title' } },
  { path: '/verifikasi/:code', name: 'verify', component: () => import('./VerifyView.vue'), meta: { public: true, title: 'verify.title' } },
]

export const nav: NavGroup | null = {
  id: 'nav-meetings',
  label: 'meetings.nav.group',
  permission: 'record.read',
  items: [
    { name: 'meetings', icon: 'calendar', label: 'meetings.nav.list', also: ['meeting', 'meeting-new', 'meeting-edit'] },
    { name: 'meetings-tracker', icon: 'report', label: 'meetings.nav.tracker', also: ['meeting-action-item'] },
  ],
}
