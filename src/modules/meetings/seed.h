// Demo meetings of Kalimantan Selatan: the province's annual rakor of all Kesbangpol offices with
// 15 agreements (some realised, some overdue) and the next rakor of the series, and Kota
// Banjarmasin's public forum with the Ombudsman ending in a Berita Acara signed by every
// participant. Idempotent: does nothing when the rakor exists.
#pragma once
#include "db/database.h"

namespace pantau::meetings {
Status seed_demo(db::Conn& c);
}
