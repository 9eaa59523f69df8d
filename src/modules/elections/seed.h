// The demo of the election-support checklist (called by the demo seeding of the application).
#pragma once
#include "db/database.h"

namespace pantau::files {
class EvidenceStore;
}

namespace pantau::elections {

// Pilkada 2024 support instruments for Kalimantan Selatan (63) and Kota Banjarmasin (63.71)
// assigned to their Perangkat Daerah, in mixed states. With an evidence store it also places
// small generated PDFs as evidence and gives the reviewers' verdicts, so that some instruments
// are complete, some returned and some awaiting review; without one it creates the instruments
// only. Needs the demo users (kalsel.operator, banjarmasin.operator, kalsel.analis,
// pusat.analis). Idempotent; runs inside the caller's write transaction.
Status seed_demo(db::Conn& c, files::EvidenceStore* files = nullptr);

}  // namespace pantau::elections
