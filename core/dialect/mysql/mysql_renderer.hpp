// mysql's Renderer (see core/dialect/renderer.hpp).
#pragma once
#include "core/dialect/renderer.hpp"

namespace prismapp::dialect {

const Renderer& mysql_renderer();

}  // namespace prismapp::dialect
