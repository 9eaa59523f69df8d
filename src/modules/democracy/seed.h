// Demo records of the democracy index: the Pokja IDI of Kalimantan Selatan with a year of evidence.
#pragma once
#include "core/error.h"
#include "db/database.h"

namespace pantau::democracy {

// A year of evidence (up to yesterday) over the province and its kab/kota, coded by the province's
// analyst; does nothing when the province already has evidence.
Status seed_demo(db::Conn& c);

}  // namespace pantau::democracy
