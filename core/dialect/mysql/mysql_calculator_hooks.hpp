// mysql's CalculatorHooks (see core/dialect/calculator_hooks.hpp).
#pragma once
#include "core/dialect/calculator_hooks.hpp"

namespace prismapp::dialect {

const CalculatorHooks& mysql_calculator_hooks();

}  // namespace prismapp::dialect
