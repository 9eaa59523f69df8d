// The demo of party aid (called by the demo seeding of the application).
#pragma once
#include "db/database.h"

namespace pantau::party_aid {

// Kalimantan Selatan (63), fiscal year 2025: the PP 1/2018 default value per vote, example
// boards of three seat-holding parties (one disputed), an application under document check and
// the previous year's LPJ of one party. The province's valid votes are not in the shipped data,
// so its allocation shows "votes_missing" until KPU's figures are imported. Idempotent; runs
// inside the caller's write transaction.
Status seed_demo(db::Conn& c);

}  // namespace pantau::party_aid
