// Generator blocks → Generator (psl-core validate/generator_loader.rs). Generators are open-ended:
// any key other than the four known ones is passed to the generator as configuration.
#include "core/schema/config/block_properties.hpp"
#include "core/schema/config/coerce.hpp"
#include "core/schema/config/loaders.hpp"

namespace prismapp::schema::config::detail {
namespace {

// Prisma stops at the first element that fails, so only that element's error is reported.
std::optional<GeneratorConfigValue> config_value_from_expression(const ast::Expression& expression,
                                                                 Diagnostics& diags) {
  GeneratorConfigValue out;
  switch (expression.kind) {
    case ast::ExpressionKind::NumericValue:
    case ast::ExpressionKind::StringValue:
    case ast::ExpressionKind::ConstantValue:
      out.text = expression.value;
      return out;
    case ast::ExpressionKind::Function:
      if (expression.value == "env") {
        auto variable = parse_env_function(expression, diags);
        if (!variable) return std::nullopt;
        out.kind = GeneratorConfigValue::Kind::Env;
        out.text = std::move(*variable);
        return out;
      }
      out.text = expression_text(expression);  // other functions are passed on as written
      return out;
    case ast::ExpressionKind::Array:
      out.kind = GeneratorConfigValue::Kind::Array;
      for (const auto& item : expression.items) {
        auto value = config_value_from_expression(item, diags);
        if (!value) return std::nullopt;
        out.items.push_back(std::move(*value));
      }
      return out;
  }
  return std::nullopt;
}

std::optional<Generator> lift_generator(const ast::GeneratorConfig& block, const FeatureMap& features,
                                        Diagnostics& diags) {
  auto properties = BlockProperties::collect(block.properties, "generator", block.name.name, block.span, diags);
  if (!properties) return std::nullopt;

  // engineType stays a custom config key, but Prisma insists on a string.
  if (const auto* engine_type = properties->peek("engineType"); engine_type && !engine_type->value->is_string()) {
    push_type_mismatch("String", *engine_type->value, diags);
  }

  Generator out;
  out.name = block.name.name;
  out.name_span = block.name.span;
  out.span = block.span;
  if (block.documentation) out.documentation = block.documentation->text;

  const auto provider = properties->take("provider");
  if (!provider) {
    diags.error("Argument \"provider\" is missing in generator block \"" + block.name.name + "\".", block.span);
    return std::nullopt;
  }
  auto provider_value = coerce_string_from_env(*provider->value, diags);
  if (!provider_value) return std::nullopt;
  out.provider = std::move(*provider_value);

  if (const auto output = properties->take("output")) out.output = coerce_string_from_env(*output->value, diags);

  if (const auto targets = properties->take("binaryTargets")) {
    auto coerced = coerce_array<StringFromEnv>(*targets->value, coerce_string_from_env, diags);
    if (coerced) out.binary_targets = std::move(*coerced);
  }

  if (const auto preview = properties->take("previewFeatures")) {
    auto written = coerce_array<std::string>(*preview->value, coerce_string, diags);
    if (written) {
      out.preview_features = parse_and_validate_preview_features(*written, features, preview->value->span, diags);
      out.preview_features_span = preview->value->span;
    }
  }

  for (const auto& custom : properties->remaining()) {
    auto value = config_value_from_expression(*custom.value, diags);
    if (!value) return std::nullopt;
    out.config.emplace_back(custom.name, std::move(*value));
  }
  return out;
}

}  // namespace

std::vector<Generator> load_generators(const ast::SchemaAst& file, const FeatureMap& features, Diagnostics& diags) {
  std::vector<Generator> out;
  for (const auto& top : file.tops) {
    if (const auto* block = std::get_if<ast::GeneratorConfig>(&top)) {
      if (auto generator = lift_generator(*block, features, diags)) out.push_back(std::move(*generator));
    }
  }
  return out;
}

}  // namespace prismapp::schema::config::detail
