#pragma once
#include <string_view>

#include "core/error.h"
#include "core/region_code.h"
#include "modules/regions/public.h"  // check_code
