// Every feature registers the same way: views/<module>/module.ts exports its routes (and, for pages
// without an account, publicRoutes) and its navigation group. router.ts and AppLayout.vue only
// assemble them; the order here is the order of the groups in the side navigation.
import * as monitoring from './views/monitoring/module'
import * as elections from './views/elections/module'
import * as conflict from './views/conflict/module'
import * as partyAid from './views/party-aid/module'
import * as meetings from './views/meetings/module'
import * as ormas from './views/ormas/module'
import * as foreigners from './views/foreigners/module'
import * as services from './views/services/module'
import * as democracy from './views/democracy/module'
import * as admin from './views/admin/module'
import * as guide from './views/guide/module'

export const modules = [monitoring, elections, conflict, partyAid, meetings, ormas, foreigners, services, democracy, admin, guide]
