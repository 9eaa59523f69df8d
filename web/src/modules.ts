// Feature modules: each brings its routes and its navigation group (views/<module>/module.ts).
import * as elections from './views/elections/module'
import * as conflict from './views/conflict/module'
import * as partyAid from './views/party-aid/module'
import * as meetings from './views/meetings/module'
import * as ormas from './views/ormas/module'
import * as foreigners from './views/foreigners/module'
import * as services from './views/services/module'
import * as democracy from './views/democracy/module'

export const modules = [elections, conflict, partyAid, meetings, ormas, foreigners, services, democracy]
