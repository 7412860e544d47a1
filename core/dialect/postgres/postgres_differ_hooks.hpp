// postgres's DifferHooks (see core/dialect/differ_hooks.hpp).
#pragma once
#include "core/dialect/differ_hooks.hpp"

namespace prismapp::dialect {

const DifferHooks& postgres_differ_hooks();

}  // namespace prismapp::dialect
