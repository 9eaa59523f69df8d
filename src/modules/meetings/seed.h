// Demo meetings of Kalimantan Selatan: the province's annual rakor of all Kesbangpol offices with
// 15 agreements (some realised, some overdue) and the next rakor of the series, and Kota
// Banjarmasin's public forum with the Ombudsman ending in a Berita Acara signed by every
// participant, with two speakers (each with a one-page PDF as material) and two documentation
// photos (generated pictures) when an evidence store is given. Idempotent: does nothing when the
// rakor exists.
#pragma once
#include "db/database.h"

namespace pantau::files {
class EvidenceStore;
}

namespace pantau::meetings {
Status seed_demo(db::Conn& c, files::EvidenceStore* files = nullptr);
}
