// Demo data of the foreigners registry for Kalimantan Selatan (`pantau seed --demo`): a few dozen
// foreign workers, researchers, clergy and others with their presences, and foreign organisations.
#pragma once
#include "db/database.h"

namespace pantau::foreigners {
// Does nothing when presences already exist.
Status seed_demo(db::Conn& c);
}  // namespace pantau::foreigners
