// SHA-256 test vectors and Prisma-compatible migration checksums.
#include <catch2/catch.hpp>

#include <string>

#include "core/migrate/checksum.hpp"
#include "core/migrate/sha256.hpp"

using namespace prismapp::migrate;

TEST_CASE("sha256 matches the FIPS 180-4 test vectors", "[migrate][sha256]") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(sha256_hex(std::string(1000000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  // Lengths around the padding boundary (55, 56, 64 bytes).
  CHECK(sha256_hex(std::string(55, 'a')) == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
  CHECK(sha256_hex(std::string(56, 'a')) == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
  CHECK(sha256_hex(std::string(64, 'a')) == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
}

TEST_CASE("render_checksum is the zero-padded hex digest, as in Prisma", "[migrate][checksum]") {
  CHECK(render_checksum("hello") == "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
  CHECK(render_checksum("abcd").size() == 64);
}

TEST_CASE("checksums match across line endings", "[migrate][checksum]") {
  const std::vector<std::vector<std::string>> groups{
      {"ab\ncd\nef\ngh\rab", "ab\r\ncd\r\nef\r\ngh\rab"},
      {"ab\ncd\nef\ngh\rab\n", "ab\r\ncd\r\nef\r\ngh\rab\r\n"},
  };
  for (const auto& group : groups)
    for (const auto& script : group)
      for (const auto& other : group) CHECK(script_matches_checksum(script, render_checksum(other)));
  CHECK_FALSE(script_matches_checksum("abc", render_checksum("abcd")));
  CHECK_FALSE(script_matches_checksum("abc\n", render_checksum("abc")));
}

TEST_CASE("old unpadded checksums still match", "[migrate][checksum]") {
  // sha256("x") has bytes below 0x10, so its unpadded form is shorter than 64 characters.
  const auto digest = sha256("x");
  std::string unpadded;
  static constexpr char kHex[] = "0123456789abcdef";
  for (auto b : digest) {
    if (b >= 16) unpadded.push_back(kHex[b >> 4]);
    unpadded.push_back(kHex[b & 0xf]);
  }
  REQUIRE(unpadded.size() < 64);
  CHECK(script_matches_checksum("x", unpadded));
  CHECK(script_matches_checksum("x", render_checksum("x")));
}
