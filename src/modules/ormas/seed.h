// Demo data of the registries for Kalimantan Selatan (`pantau seed --demo`): a few hundred ormas
// with their boards across the province's kab/kota (a few people on two boards, SKTs expiring,
// expired and valid). The foreigners' demo is foreigners/seed.h.
#pragma once
#include "db/database.h"

namespace pantau::ormas {
// Does nothing when ormas already exist.
Status seed_demo(db::Conn& c);
}  // namespace pantau::ormas
