// PLACEHOLDER until the postgres renderer lands: lets the dialect link.
#include "core/dialect/postgres/postgres_renderer.hpp"

#include <stdexcept>

namespace prismapp::dialect {
namespace {
class R final : public Renderer {
 public:
  std::vector<std::string> render_step(const sql::Step&, const sql::Migration&) const override { throw std::logic_error("not implemented"); }
  std::string quote(std::string_view id) const override { return "\"" + std::string(id) + "\""; }
};
}  // namespace
const Renderer& postgres_renderer() {
  static const R r;
  return r;
}
}  // namespace prismapp::dialect
