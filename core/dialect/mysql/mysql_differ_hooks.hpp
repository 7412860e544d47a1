// mysql's DifferHooks (see core/dialect/differ_hooks.hpp).
#pragma once
#include "core/dialect/differ_hooks.hpp"

namespace prismapp::dialect {

const DifferHooks& mysql_differ_hooks();

}  // namespace prismapp::dialect
