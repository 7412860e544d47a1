// The attribute / argument state machine (see attribute_args.hpp for the rules).
#include "core/schema/db/attribute_args.hpp"

#include <algorithm>
#include <charconv>

#include "core/schema/config/coerce.hpp"

namespace prismapp::schema::db {

void AttributeArgs::visit_attributes(const std::vector<ast::Attribute>& attributes, Container container) {
  attributes_ = &attributes;
  container_ = container;
  unused_.assign(attributes.size(), true);
  current_ = nullptr;
  args_.clear();
}

bool AttributeArgs::visit_optional_single(std::string_view name) {
  std::size_t count = 0;
  std::size_t first = 0;
  for (std::size_t i = 0; i < attributes_->size(); ++i) {
    if ((*attributes_)[i].name.name != name) continue;
    if (count == 0) first = i;
    ++count;
  }
  if (count == 0) return false;
  if (count > 1) {
    for (std::size_t i = 0; i < attributes_->size(); ++i) {
      const auto& attribute = (*attributes_)[i];
      if (attribute.name.name != name) continue;
      diagnostics_.error("Attribute \"@" + attribute.name.name + "\" can only be defined once.", attribute.span);
      unused_[i] = false;
    }
    return false;
  }
  unused_[first] = false;
  return open(first);
}

bool AttributeArgs::visit_repeated(std::string_view name) {
  for (std::size_t index = 0; index < unused_.size(); ++index) {
    if (!unused_[index] || (*attributes_)[index].name.name != name) continue;
    unused_[index] = false;
    if (open(index)) return true;
  }
  return false;
}

std::optional<AttributeArgs::DatasourceScoped> AttributeArgs::visit_datasource_scoped() {
  std::optional<DatasourceScoped> found;
  for (std::size_t i = 0; i < attributes_->size(); ++i) {
    const auto& attribute = (*attributes_)[i];
    const std::string_view full = attribute.name.name;
    const auto dot = full.find('.');
    if (dot == std::string_view::npos) continue;
    unused_[i] = false;
    const bool duplicate = found.has_value();
    found = DatasourceScoped{full.substr(0, dot), full.substr(dot + 1), &attribute};
    if (duplicate)
      diagnostics_.error("Attribute \"@" + std::string(full.substr(0, dot)) + "\" can only be defined once.",
                         attribute.span);
  }
  return found;
}

void AttributeArgs::validate_visited_attributes() {
  for (std::size_t index = 0; index < unused_.size(); ++index) {
    if (!unused_[index]) continue;
    const auto& attribute = (*attributes_)[index];
    diagnostics_.error("Attribute not known: \"@" + attribute.name.name + "\".", attribute.span);
  }
  unused_.clear();
  attributes_ = nullptr;
}

std::string AttributeArgs::current_name_with_prefix() const {
  return (container_ == Container::Block ? "@@" : "@") + current_->name.name;
}

// Prisma's set_attribute: argument-list hygiene, then the name → argument table.
bool AttributeArgs::open(std::size_t index) {
  const ast::Attribute& attribute = (*attributes_)[index];
  // Only built for a message: most attributes are fine.
  auto prefixed = [&] { return (container_ == Container::Block ? "@@" : "@") + attribute.name.name; };
  bool reasonably_valid = true;

  // The attribute's own arguments, then those of each function-call argument.
  auto check_list = [&](const ast::ArgumentsList* list) {
    for (const auto& empty : list->empty_arguments) {
      diagnostics_.attribute_error(prefixed(), "The `" + empty.name.name + "` argument is missing a value.",
                                   empty.name.span);
      reasonably_valid = false;
    }
    for (const auto& argument : list->arguments) {
      if (!argument.value().is_array()) continue;
      for (const auto& item : argument.value().items) {
        if (!item.is_function()) continue;
        for (const auto& empty : item.arguments.empty_arguments)
          diagnostics_.attribute_error("@@" + attribute.name.name,
                                       "The `" + empty.name.name + "` argument is missing a value.", empty.name.span);
      }
    }
    if (list->trailing_comma)
      diagnostics_.attribute_error(
          prefixed(), "Trailing commas are not valid in attribute arguments, please remove the comma.",
          *list->trailing_comma);
  };
  check_list(&attribute.arguments);
  for (const auto& argument : attribute.arguments.arguments)
    if (argument.value().is_function()) check_list(&argument.value().arguments);
  if (!reasonably_valid) return false;

  current_ = &attribute;
  args_.clear();
  std::vector<std::string> unnamed_texts;
  const auto& arguments = attribute.arguments.arguments;
  for (std::size_t i = 0; i < arguments.size(); ++i) {
    const std::string_view key = arguments[i].name ? std::string_view(arguments[i].name->name) : std::string_view();
    auto existing = std::find_if(args_.begin(), args_.end(), [&](const auto& a) { return a.first == key; });
    if (existing == args_.end()) {
      args_.emplace_back(key, i);
      continue;
    }
    const std::size_t previous = existing->second;
    existing->second = i;  // like a map insert: the later argument wins
    if (arguments[i].is_unnamed()) {
      if (unnamed_texts.empty()) unnamed_texts.push_back(expression_to_string(arguments[previous].value()));
      unnamed_texts.push_back(expression_to_string(arguments[i].value()));
    } else {
      diagnostics_.error("Argument \"" + std::string(key) + "\" is already specified.", arguments[i].span);
    }
  }
  if (!unnamed_texts.empty()) {
    std::string joined;
    for (const auto& t : unnamed_texts) joined += (joined.empty() ? "" : ", ") + t;
    push_attribute_error(
        "You provided multiple unnamed arguments. This is not possible. Did you forget the brackets? Did you mean `[" +
        joined + "]`?");
  }
  return true;
}

const ast::Expression* AttributeArgs::visit_default_arg(std::string_view name, std::optional<Diagnostic>* error_out) {
  auto take = [&](std::string_view key) -> std::optional<std::size_t> {
    for (auto it = args_.begin(); it != args_.end(); ++it) {
      if (it->first != key) continue;
      const std::size_t index = it->second;
      args_.erase(it);
      return index;
    }
    return std::nullopt;
  };
  const auto named = take(name);
  const auto unnamed = take("");
  const auto& arguments = current_->arguments.arguments;
  std::optional<Diagnostic> error;
  if (named && unnamed) {
    error = Diagnostic{Severity::Error,
                       "Argument \"" + std::string(name) + "\" is already specified as unnamed argument.",
                       arguments[*named].span};
  } else if (!named && !unnamed) {
    error = Diagnostic{Severity::Error, "Argument \"" + std::string(name) + "\" is missing.", current_->span};
  } else {
    return &arguments[named ? *named : *unnamed].value();
  }
  if (error_out) {
    *error_out = std::move(error);
  } else {
    diagnostics_.error(error->message, error->span);
  }
  return nullptr;
}

const ast::Argument* AttributeArgs::visit_optional_argument(std::string_view name) {
  for (auto it = args_.begin(); it != args_.end(); ++it) {
    if (it->first.empty() || it->first != name) continue;
    const std::size_t index = it->second;
    args_.erase(it);
    return &current_->arguments.arguments[index];
  }
  return nullptr;
}

const ast::Expression* AttributeArgs::visit_optional_arg(std::string_view name) {
  const ast::Argument* argument = visit_optional_argument(name);
  return argument ? &argument->value() : nullptr;
}

void AttributeArgs::validate_visited_arguments() {
  // Prisma iterates a hash map here; report in source order, which is what a single leftover
  // (the common case) looks like either way.
  std::vector<std::size_t> leftovers;
  for (const auto& [key, index] : args_) leftovers.push_back(index);
  std::sort(leftovers.begin(), leftovers.end());
  for (const std::size_t index : leftovers)
    diagnostics_.error("No such argument.", current_->arguments.arguments[index].span);
  discard_arguments();
}

void AttributeArgs::discard_arguments() {
  current_ = nullptr;
  args_.clear();
}

void AttributeArgs::push_attribute_error(std::string_view message) { push_attribute_error(message, current_->span); }

void AttributeArgs::push_attribute_error(std::string_view message, Span span) {
  diagnostics_.attribute_error(current_name_with_prefix(), message, span);
}

// ---- coercions ----

std::optional<std::string_view> coerce_string(const ast::Expression& e, Diagnostics& d) {
  if (e.is_string()) return std::string_view(e.value);
  config::push_type_mismatch("string", e, d);
  return std::nullopt;
}

std::optional<std::string_view> coerce_constant(const ast::Expression& e, Diagnostics& d) {
  if (e.is_constant()) return std::string_view(e.value);
  config::push_type_mismatch("constant", e, d);
  return std::nullopt;
}

std::optional<std::int64_t> coerce_integer(const ast::Expression& e, Diagnostics& d) {
  if (e.is_numeric()) {
    std::int64_t value = 0;
    const auto* end = e.value.data() + e.value.size();
    auto [ptr, ec] = std::from_chars(e.value.data(), end, value);
    if (ec == std::errc() && ptr == end) return value;
  }
  config::push_type_mismatch("numeric", e, d);
  return std::nullopt;
}

std::optional<bool> coerce_boolean(const ast::Expression& e, Diagnostics& d) {
  if (e.is_constant() && (e.value == "true" || e.value == "false")) return e.value == "true";
  config::push_type_mismatch("boolean", e, d);
  return std::nullopt;
}

const ast::Expression* coerce_function(const ast::Expression& e, Diagnostics& d) {
  if (e.is_function()) return &e;
  config::push_type_mismatch("function", e, d);
  return nullptr;
}

std::string expression_to_string(const ast::Expression& e) { return config::expression_text(e); }

}  // namespace prismapp::schema::db
