// Feature modules: each brings its routes and its navigation group (views/<module>/module.ts).
import * as elections from './views/elections/module'
import * as conflict from './views/conflict/module'
import * as partyAid from './views/party-aid/module'
import * as democracy from './views/democracy/module'

export const modules = [elections, conflict, partyAid, democracy]
