#include "core/schema/format/inflector.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <regex>
#include <utility>
#include <vector>

namespace prismapp::schema::format {
namespace {

// Names may contain non-ASCII letters (the grammar accepts them). cruet classifies characters
// with Unicode rules but only ever changes ASCII case; we decode UTF-8 and treat every non-ASCII
// code point as a letter, with case known for the Latin-1 range.
struct CodePoint {
  char32_t value;
  std::string_view bytes;
};

std::vector<CodePoint> decode(std::string_view s) {
  std::vector<CodePoint> out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    auto b = static_cast<unsigned char>(s[i]);
    std::size_t len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 1;
    if (i + len > s.size()) len = 1;
    char32_t v = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
    for (std::size_t k = 1; k < len; ++k) v = (v << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(CodePoint{v, s.substr(i, len)});
    i += len;
  }
  return out;
}

bool is_alnum(char32_t c) { return c >= 0x80 || (c < 0x80 && std::isalnum(static_cast<int>(c)) != 0); }
bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }
bool is_upper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return c >= 0xC0 && c <= 0xDE && c != 0xD7;
}
bool is_lower(char32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  return (c >= 0xDF && c <= 0xFF && c != 0xF7) || c == 0xB5;
}
char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }
char upper(char c) { return static_cast<char>(std::toupper(static_cast<unsigned char>(c))); }

// Appends a code point with ASCII-only case mapping (cruet's to_ascii_*case).
void append_cased(std::string& out, const CodePoint& cp, bool to_upper) {
  if (cp.value < 0x80) {
    out.push_back(to_upper ? upper(static_cast<char>(cp.value)) : lower(static_cast<char>(cp.value)));
  } else {
    out.append(cp.bytes);
  }
}

// Unicode-aware first-letter case change for Latin-1 letters, ASCII otherwise.
std::string change_first(std::string_view s, bool to_upper) {
  std::string out(s);
  if (out.empty()) return out;
  auto b0 = static_cast<unsigned char>(out[0]);
  if (b0 < 0x80) {
    out[0] = to_upper ? upper(out[0]) : lower(out[0]);
  } else if (b0 == 0xC3 && out.size() > 1) {  // U+00C0..U+00FF
    auto b1 = static_cast<unsigned char>(out[1]);
    if (to_upper && b1 >= 0xA0 && b1 <= 0xBE && b1 != 0xB7) out[1] = static_cast<char>(b1 - 0x20);
    if (!to_upper && b1 >= 0x80 && b1 <= 0x9E && b1 != 0x97) out[1] = static_cast<char>(b1 + 0x20);
  }
  return out;
}

// Words whose plural is the word itself (cruet's list).
constexpr std::array<std::string_view, 202> kUncountable = {
    "accommodation", "adulthood", "advertising", "advice", "aggression", "aid", "air", "aircraft",
    "alcohol", "anger", "applause", "arithmetic", "assistance", "athletics", "bacon", "baggage", "beef",
    "biology", "blood", "botany", "bread", "butter", "carbon", "cardboard", "cash", "chalk", "chaos",
    "chess", "crossroads", "countryside", "dancing", "deer", "dignity", "dirt", "dust", "economics",
    "education", "electricity", "engineering", "enjoyment", "envy", "equipment", "ethics", "evidence",
    "evolution", "fame", "fiction", "flour", "flu", "food", "fuel", "fun", "furniture", "gallows",
    "garbage", "garlic", "genetics", "gold", "golf", "gossip", "grammar", "gratitude", "grief", "guilt",
    "gymnastics", "happiness", "hardware", "harm", "hate", "hatred", "health", "heat", "help", "homework",
    "honesty", "honey", "hospitality", "housework", "humour", "hunger", "hydrogen", "ice", "importance",
    "inflation", "information", "innocence", "iron", "irony", "jam", "jewelry", "judo", "karate",
    "knowledge", "lack", "laughter", "lava", "leather", "leisure", "lightning", "linguine", "linguini",
    "linguistics", "literature", "litter", "livestock", "logic", "loneliness", "luck", "luggage",
    "macaroni", "machinery", "magic", "management", "mankind", "marble", "mathematics", "mayonnaise",
    "measles", "methane", "milk", "money", "mud", "music", "mumps", "nature", "news", "nitrogen",
    "nonsense", "nurture", "nutrition", "obedience", "obesity", "oxygen", "pasta", "patience", "physics",
    "poetry", "pollution", "poverty", "pride", "psychology", "publicity", "punctuation", "quartz",
    "racism", "relaxation", "reliability", "research", "respect", "revenge", "rice", "rubbish", "rum",
    "safety", "scenery", "seafood", "seaside", "series", "shame", "sheep", "shopping", "sleep", "smoke",
    "smoking", "snow", "soap", "software", "soil", "spaghetti", "species", "steam", "stuff", "stupidity",
    "sunshine", "symmetry", "tennis", "thirst", "thunder", "timber", "traffic", "transportation", "trust",
    "underwear", "unemployment", "unity", "validity", "veal", "vegetation", "vegetarianism", "vengeance",
    "violence", "vitality", "warmth", "wealth", "weather", "welfare", "wheat", "wildlife", "wisdom",
    "yoga", "zinc", "zoology"};

struct PluralRule {
  std::regex pattern;  // group 1 is the kept stem
  std::string_view replacement;
};

// cruet's rules, tried from last to first; the first match wins.
const std::vector<PluralRule>& plural_rules() {
  static const std::vector<PluralRule> rules = [] {
    const std::pair<const char*, std::string_view> raw[] = {
        {R"((\w*)s$)", "s"},
        {R"((\w*([^aeiou]ese))$)", ""},
        {R"((\w*(ax|test))is$)", "es"},
        {R"((\w*(alias|[^aou]us|tlas|gas|ris))$)", "es"},
        {R"((\w*(e[mn]u))s?$)", "s"},
        {R"((\w*([^l]ias|[aeiou]las|[emjzr]as|[iu]am))$)", ""},
        {R"((\w*(alumn|syllab|octop|vir|radi|nucle|fung|cact|stimul|termin|bacill|foc|uter|loc|strat))(?:us|i)$)", "i"},
        {R"((\w*(alumn|alg|vertebr))(?:a|ae)$)", "ae"},
        {R"((\w*(seraph|cherub))(?:im)?$)", "im"},
        {R"((\w*(her|at|gr))o$)", "oes"},
        {R"((\w*(agend|addend|millenni|dat|extrem|bacteri|desiderat|strat|candelabr|errat|ov|symposi|curricul|automat|quor))(?:a|um)$)", "a"},
        {R"((\w*(apheli|hyperbat|periheli|asyndet|noumen|phenomen|criteri|organ|prolegomen|hedr|automat))(?:a|on)$)", "a"},
        {R"((\w*)sis$)", "ses"},
        {R"((\w*(kni|wi|li))fe$)", "ves"},
        {R"((\w*(ar|l|ea|eo|oa|hoo))f$)", "ves"},
        {R"((\w*([^aeiouy]|qu))y$)", "ies"},
        {R"((\w*([^ch][ieo][ln]))ey$)", "ies"},
        {R"((\w*(x|ch|ss|sh|zz)es)$)", ""},
        {R"((\w*(x|ch|ss|sh|zz))$)", "es"},
        {R"((\w*(matr|cod|mur|sil|vert|ind|append))(?:ix|ex)$)", "ices"},
        {R"((\w*(m|l))(?:ice|ouse)$)", "ice"},
        {R"((\w*(pe))(?:rson|ople)$)", "ople"},
        {R"((\w*(child))(?:ren)?$)", "ren"},
        {R"((\w*eaux)$)", ""},
    };
    std::vector<PluralRule> out;
    for (const auto& [pattern, replacement] : raw) out.push_back(PluralRule{std::regex(pattern), replacement});
    return out;
  }();
  return rules;
}

}  // namespace

std::string to_camel_case(std::string_view name) {
  // Mirrors cruet's camel-like state machine: separators start a new word, digits too, and a
  // lower->upper transition keeps the capital; everything else is lower-cased.
  std::vector<CodePoint> cps = decode(name);
  while (!cps.empty() && !is_alnum(cps.back().value)) cps.pop_back();
  std::string out;
  out.reserve(name.size());
  bool new_word = false;
  bool found_real_char = false;
  char32_t last_char = ' ';
  for (const CodePoint& cp : cps) {
    char32_t c = cp.value;
    if (!is_alnum(c) && found_real_char) {
      new_word = true;
    } else if (!found_real_char && !is_alnum(c)) {
      continue;
    } else if (is_digit(c)) {
      found_real_char = true;
      new_word = true;
      out.append(cp.bytes);
    } else if (new_word || (is_lower(last_char) && is_upper(c))) {
      found_real_char = true;
      new_word = false;
      append_cased(out, cp, true);
    } else {
      found_real_char = true;
      last_char = c;
      append_cased(out, cp, false);
    }
  }
  return out;
}

std::string to_plural(std::string_view word) {
  std::size_t sep = word.find_last_of("-_");
  if (sep != std::string_view::npos) {
    if (sep + 1 == word.size()) return std::string(word);
    return std::string(word.substr(0, sep + 1)) + to_plural(word.substr(sep + 1));
  }
  if (std::find(kUncountable.begin(), kUncountable.end(), word) != kUncountable.end()) return std::string(word);
  static constexpr std::pair<std::string_view, std::string_view> kSpecial[] = {
      {"ox", "oxen"},     {"man", "men"},     {"woman", "women"}, {"die", "dice"},   {"yes", "yeses"},
      {"foot", "feet"},   {"eave", "eaves"},  {"goose", "geese"}, {"tooth", "teeth"}, {"quiz", "quizzes"}};
  for (const auto& [singular, plural] : kSpecial)
    if (word == singular) return std::string(plural);

  // Every rule needs the word to end in one of these letters; most model names do not, and
  // skipping the regexes for them keeps adding many back-relation fields cheap.
  if (word.empty() || std::string_view("sumiaehbonfyxzd").find(word.back()) == std::string_view::npos)
    return std::string(word) + "s";

  // std::regex works on bytes and its \w is ASCII, whereas upstream's is Unicode: match on a copy
  // where each non-ASCII code point is a '0' (a word character that no rule names) and map the
  // kept stem back to the original bytes.
  std::vector<CodePoint> cps = decode(word);
  std::string subject;
  std::vector<std::size_t> byte_offset;  // subject index -> offset in `word`
  subject.reserve(cps.size());
  std::size_t offset = 0;
  for (const CodePoint& cp : cps) {
    subject.push_back(cp.value < 0x80 ? static_cast<char>(cp.value) : '0');
    byte_offset.push_back(offset);
    offset += cp.bytes.size();
  }
  byte_offset.push_back(offset);
  const auto& rules = plural_rules();
  for (auto it = rules.rbegin(); it != rules.rend(); ++it) {
    std::smatch m;
    if (std::regex_search(subject, m, it->pattern) && m[1].matched) {
      auto from = static_cast<std::size_t>(m.position(1));
      auto to = from + static_cast<std::size_t>(m.length(1));
      return std::string(word.substr(byte_offset[from], byte_offset[to] - byte_offset[from])) +
             std::string(it->replacement);
    }
  }
  return std::string(word) + "s";
}

std::string lower_first(std::string_view s) { return change_first(s, false); }

std::string upper_first(std::string_view s) { return change_first(s, true); }

}  // namespace prismapp::schema::format
