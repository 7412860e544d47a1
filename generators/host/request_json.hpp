// The JSON Prisma 7 sends to generators (packages/generator-helper types GeneratorConfig /
// GeneratorOptions), built from the validated schema. Key order is Prisma's, checked against
// the captured requests in /work/shared/oracle/artefacts/generator-requests.sqlite.v7.jsonl.
#pragma once
#include <filesystem>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/schema/config/configuration.hpp"
#include "core/schema/schema.hpp"

namespace prismapp::generators::host {

// The engines hash of Prisma 7.10.1: the `version` field of every generate request.
inline constexpr const char* kPrismaEnginesVersion = "d1b3f377ca835d73fd50954a5e22128b9ebdd6b8";

// Prisma's name for this machine ("debian-openssl-3.0.x", "linux-musl-openssl-3.0.x", ...):
// what `native` stands for in binaryTargets.
std::string native_binary_target();

// The generator block as getManifest receives it: name, provider{fromEnvVar,value},
// output{fromEnvVar,value} as written (or null), config (custom keys sorted by name; env("X") is
// the string "X"), binaryTargets (`native` resolved, native:true), previewFeatures, sourceFilePath.
nlohmann::ordered_json generator_config_json(const schema::config::Generator& generator,
                                             const std::filesystem::path& source_file);

// The same object once its output is resolved: output = {value: <absolute>, fromEnvVar: null},
// plus isCustomOutput: true when the block wrote `output`.
void set_resolved_output(nlohmann::ordered_json& config, const std::string& absolute_output, bool is_custom);

// [{name, provider, activeProvider, schemas (sorted), sourceFilePath}].
nlohmann::ordered_json datasources_json(const schema::ValidationResult& result,
                                        const std::vector<std::filesystem::path>& file_paths);

// JSON-RPC request line (with the trailing newline). `params_json` is already serialized.
std::string request_line(const char* method, const std::string& params_json, long long id);

}  // namespace prismapp::generators::host
