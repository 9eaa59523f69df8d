#pragma once
#include "http/json.h"
#include "modules/regions/model.h"

namespace pantau::regions {
void write_region(json::Out& o, const Region& r);
}
