#include "text/ClipBpeTokenizer.h"

#include <unicode/regex.h>
#include <zlib.h>

#include <array>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unordered_map>
#include <utility>
#include <vector>

#include "text/IcuText.h"
#include "util/Error.h"

namespace pm {

namespace {

// openai's vocabulary: 256 byte symbols, the same with "</w>", then one token per merge, then the
// two specials (49408 in all), so the .gz file contributes 49152 - 256 - 2 merges after its header line.
constexpr size_t kOpenAiMergeCount = 49152 - 256 - 2;
constexpr size_t kMaxCachedWords = 100000;
constexpr const char* kStartOfText = "<|startoftext|>";
constexpr const char* kEndOfText = "<|endoftext|>";

std::string utf8FromCodePoint(uint32_t cp) {
    std::string out;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
    return out;
}

// GPT-2 / CLIP byte-to-unicode table in vocabulary order: printable Latin-1 bytes map to themselves,
// the other 68 bytes to U+0100.. in increasing byte order. Element i is (byte, symbol) of vocab id i.
std::vector<std::pair<uint8_t, std::string>> byteSymbolsInVocabOrder() {
    std::vector<std::pair<uint8_t, std::string>> table;
    std::array<bool, 256> printable{};
    auto addRange = [&](int first, int last) {
        for (int b = first; b <= last; ++b) {
            printable[static_cast<size_t>(b)] = true;
            table.emplace_back(static_cast<uint8_t>(b), utf8FromCodePoint(static_cast<uint32_t>(b)));
        }
    };
    addRange('!', '~');
    addRange(0xA1, 0xAC);
    addRange(0xAE, 0xFF);
    uint32_t next = 256;
    for (int b = 0; b < 256; ++b) {
        if (!printable[static_cast<size_t>(b)]) {
            table.emplace_back(static_cast<uint8_t>(b), utf8FromCodePoint(next++));
        }
    }
    return table;
}

std::string readTextFile(const std::string& path, const char* role) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw Error(ErrorKind::Model, std::string("cannot read the tokenizer ") + role + " file " + path);
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) {
        throw Error(ErrorKind::Model,
                    std::string("error while reading the tokenizer ") + role + " file " + path);
    }
    return buffer.str();
}

std::string readGzipFile(const std::string& path) {
    gzFile file = gzopen(path.c_str(), "rb");
    if (file == nullptr) {
        throw Error(ErrorKind::Model, "cannot read the tokenizer bpe file " + path);
    }
    std::string out;
    std::array<char, 1 << 16> chunk;
    for (;;) {
        const int n = gzread(file, chunk.data(), static_cast<unsigned>(chunk.size()));
        if (n < 0) {
            int code = 0;
            const std::string message = gzerror(file, &code);
            gzclose(file);
            throw Error(ErrorKind::Model, "the tokenizer bpe file " + path + " is corrupt: " + message);
        }
        if (n == 0) {
            break;
        }
        out.append(chunk.data(), static_cast<size_t>(n));
    }
    gzclose(file);
    return out;
}

std::vector<std::string> splitLines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        lines.push_back(std::move(line));
    }
    return lines;
}

using MergeList = std::vector<std::pair<std::string, std::string>>;

// "a b" -> (a, b); a line of another shape is a corrupt file.
std::pair<std::string, std::string> parseMergeLine(const std::string& line, size_t lineNumber,
                                                   const std::string& path) {
    const size_t space = line.find(' ');
    if (space == std::string::npos || space == 0 || space + 1 >= line.size() ||
        line.find(' ', space + 1) != std::string::npos) {
        throw Error(ErrorKind::Model, "the tokenizer merges file " + path + " has a malformed line " +
                                          std::to_string(lineNumber) + ": \"" + line + "\"");
    }
    return {line.substr(0, space), line.substr(space + 1)};
}

uint64_t pairKey(int32_t a, int32_t b) {
    return (static_cast<uint64_t>(static_cast<uint32_t>(a)) << 32) | static_cast<uint32_t>(b);
}

}  // namespace

struct ClipBpeTokenizer::Impl {
    Options options;
    std::unordered_map<std::string, int32_t> vocab;
    std::vector<std::string> tokens;  // id -> text
    struct Merge {
        int32_t rank;
        int32_t merged;
    };
    std::unordered_map<uint64_t, Merge> merges;
    std::array<int32_t, 256> byteId{};     // the byte as a symbol inside a word
    std::array<int32_t, 256> byteEndId{};  // the byte as the last symbol of a word ("</w>")
    std::unique_ptr<icu::RegexPattern> whitespace;
    std::unique_ptr<icu::RegexPattern> wordPattern;

    mutable std::mutex cacheMutex;
    mutable std::unordered_map<std::string, std::vector<int32_t>> cache;  // word bytes -> ids

    void build(std::unordered_map<std::string, int32_t> vocabulary, const MergeList& mergeList,
               const std::string& sourcePath);
    std::vector<int32_t> bpe(const std::string& word) const;
    void appendWord(const std::string& word, std::vector<int64_t>& ids) const;
    void appendText(const icu::UnicodeString& text, std::vector<int64_t>& ids) const;
};

void ClipBpeTokenizer::Impl::build(std::unordered_map<std::string, int32_t> vocabulary,
                                   const MergeList& mergeList, const std::string& sourcePath) {
    if (options.contextLength < 2) {
        throw Error(ErrorKind::Model, "tokenizer context length " + std::to_string(options.contextLength) +
                                          " is too small (bos and eos need 2)");
    }
    vocab = std::move(vocabulary);
    int32_t maxId = -1;
    for (const auto& [text, id] : vocab) {
        if (id < 0) {
            throw Error(ErrorKind::Model,
                        "the tokenizer vocabulary " + sourcePath + " has a negative id for \"" + text + "\"");
        }
        maxId = std::max(maxId, id);
    }
    tokens.assign(static_cast<size_t>(maxId + 1), std::string());
    for (const auto& [text, id] : vocab) {
        tokens[static_cast<size_t>(id)] = text;
    }
    auto lookup = [&](const std::string& text, const std::string& what) {
        const auto it = vocab.find(text);
        if (it == vocab.end()) {
            throw Error(ErrorKind::Model,
                        "the tokenizer vocabulary " + sourcePath + " lacks " + what + " \"" + text + "\"");
        }
        return it->second;
    };
    for (const auto& [byte, symbol] : byteSymbolsInVocabOrder()) {
        byteId[byte] = lookup(symbol, "the byte symbol");
        byteEndId[byte] = lookup(symbol + "</w>", "the word-end byte symbol");
    }
    merges.reserve(mergeList.size());
    for (size_t rank = 0; rank < mergeList.size(); ++rank) {
        const auto& [a, b] = mergeList[rank];
        const Merge merge{static_cast<int32_t>(rank), lookup(a + b, "the merge result")};
        // A repeated pair keeps its first (lowest) rank.
        merges.emplace(pairKey(lookup(a, "the merge part"), lookup(b, "the merge part")), merge);
    }

    UErrorCode status = U_ZERO_ERROR;
    // \s of the references (Oniguruma / Python) is the Unicode White_Space property; ICU's own \s is
    // narrower, so the property is named explicitly.
    whitespace.reset(icu::RegexPattern::compile(u"[\\p{White_Space}]+", 0, status));
    wordPattern.reset(icu::RegexPattern::compile(
        u"'s|'t|'re|'ve|'m|'ll|'d|[\\p{L}]+|[\\p{N}]|[^\\p{White_Space}\\p{L}\\p{N}]+", 0, status));
    if (U_FAILURE(status)) {
        throw Error(ErrorKind::Model,
                    std::string("cannot compile the tokenizer patterns: ") + u_errorName(status));
    }
}

std::vector<int32_t> ClipBpeTokenizer::Impl::bpe(const std::string& word) const {
    std::vector<int32_t> symbols;
    symbols.reserve(word.size());
    for (size_t i = 0; i < word.size(); ++i) {
        const auto byte = static_cast<uint8_t>(word[i]);
        symbols.push_back(i + 1 == word.size() ? byteEndId[byte] : byteId[byte]);
    }
    // Merge the lowest-ranked adjacent pair everywhere (left to right), until no pair has a rank. Pairs
    // created by a merge always rank higher than the merge itself, so this equals merging one pair at a
    // time by (rank, position).
    for (;;) {
        int32_t bestRank = INT32_MAX;
        uint64_t bestKey = 0;
        int32_t bestMerged = -1;
        for (size_t i = 0; i + 1 < symbols.size(); ++i) {
            const uint64_t key = pairKey(symbols[i], symbols[i + 1]);
            const auto it = merges.find(key);
            if (it != merges.end() && it->second.rank < bestRank) {
                bestRank = it->second.rank;
                bestKey = key;
                bestMerged = it->second.merged;
            }
        }
        if (bestMerged < 0) {
            break;
        }
        std::vector<int32_t> next;
        next.reserve(symbols.size());
        for (size_t i = 0; i < symbols.size(); ++i) {
            if (i + 1 < symbols.size() && pairKey(symbols[i], symbols[i + 1]) == bestKey) {
                next.push_back(bestMerged);
                ++i;
            } else {
                next.push_back(symbols[i]);
            }
        }
        symbols.swap(next);
    }
    return symbols;
}

void ClipBpeTokenizer::Impl::appendWord(const std::string& word, std::vector<int64_t>& ids) const {
    {
        std::lock_guard<std::mutex> lock(cacheMutex);
        const auto it = cache.find(word);
        if (it != cache.end()) {
            ids.insert(ids.end(), it->second.begin(), it->second.end());
            return;
        }
    }
    std::vector<int32_t> pieces = bpe(word);
    ids.insert(ids.end(), pieces.begin(), pieces.end());
    std::lock_guard<std::mutex> lock(cacheMutex);
    if (cache.size() >= kMaxCachedWords) {
        cache.clear();  // prompts repeat a small vocabulary; a crude bound is enough
    }
    cache.emplace(word, std::move(pieces));
}

void ClipBpeTokenizer::Impl::appendText(const icu::UnicodeString& text, std::vector<int64_t>& ids) const {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::RegexMatcher> matcher(wordPattern->matcher(text, status));
    if (U_FAILURE(status)) {
        throw Error(ErrorKind::Model, std::string("tokenizer pattern failed: ") + u_errorName(status));
    }
    while (matcher->find(status) && U_SUCCESS(status)) {
        const int32_t start = matcher->start(status);
        const int32_t end = matcher->end(status);
        appendWord(text::toUtf8(text.tempSubStringBetween(start, end)), ids);
    }
}

ClipBpeTokenizer::ClipBpeTokenizer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ClipBpeTokenizer::~ClipBpeTokenizer() = default;

std::unique_ptr<ClipBpeTokenizer> ClipBpeTokenizer::fromHfFiles(const std::string& vocabJsonPath,
                                                                const std::string& mergesTxtPath,
                                                                const Options& options) {
    std::unordered_map<std::string, int32_t> vocab;
    try {
        const nlohmann::json json = nlohmann::json::parse(readTextFile(vocabJsonPath, "vocab"));
        if (!json.is_object()) {
            throw Error(ErrorKind::Model,
                        "the tokenizer vocab file " + vocabJsonPath + " is not a JSON object");
        }
        vocab.reserve(json.size());
        for (const auto& [text, id] : json.items()) {
            vocab.emplace(text, id.get<int32_t>());
        }
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorKind::Model,
                    "the tokenizer vocab file " + vocabJsonPath + " is not valid: " + e.what());
    }

    const std::vector<std::string> lines = splitLines(readTextFile(mergesTxtPath, "merges"));
    MergeList merges;
    merges.reserve(lines.size());
    for (size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].empty() || (i == 0 && lines[i].rfind("#version", 0) == 0)) {
            continue;
        }
        merges.push_back(parseMergeLine(lines[i], i + 1, mergesTxtPath));
    }

    auto impl = std::make_unique<Impl>();
    impl->options = options;
    impl->build(std::move(vocab), merges, vocabJsonPath);
    return std::unique_ptr<ClipBpeTokenizer>(new ClipBpeTokenizer(std::move(impl)));
}

std::unique_ptr<ClipBpeTokenizer> ClipBpeTokenizer::fromOpenAiBpe(const std::string& bpeGzPath,
                                                                  const Options& options) {
    const std::vector<std::string> lines = splitLines(readGzipFile(bpeGzPath));
    if (lines.size() < kOpenAiMergeCount + 1) {
        throw Error(ErrorKind::Model, "the tokenizer bpe file " + bpeGzPath + " has " +
                                          std::to_string(lines.size()) + " lines, expected at least " +
                                          std::to_string(kOpenAiMergeCount + 1));
    }
    MergeList merges;
    merges.reserve(kOpenAiMergeCount);
    for (size_t i = 1; i <= kOpenAiMergeCount; ++i) {
        merges.push_back(parseMergeLine(lines[i], i + 1, bpeGzPath));
    }

    // Vocabulary order as openai builds it: byte symbols, byte symbols + "</w>", merges, specials.
    std::vector<std::string> ordered;
    ordered.reserve(512 + merges.size() + 2);
    const auto byteSymbols = byteSymbolsInVocabOrder();
    for (const auto& entry : byteSymbols) {
        ordered.push_back(entry.second);
    }
    for (const auto& entry : byteSymbols) {
        ordered.push_back(entry.second + "</w>");
    }
    for (const auto& [a, b] : merges) {
        ordered.push_back(a + b);
    }
    ordered.emplace_back(kStartOfText);
    ordered.emplace_back(kEndOfText);
    std::unordered_map<std::string, int32_t> vocab;
    vocab.reserve(ordered.size());
    for (size_t id = 0; id < ordered.size(); ++id) {
        vocab[ordered[id]] = static_cast<int32_t>(id);  // like a Python dict: a repeat keeps the last id
    }

    auto impl = std::make_unique<Impl>();
    impl->options = options;
    impl->build(std::move(vocab), merges, bpeGzPath);
    return std::unique_ptr<ClipBpeTokenizer>(new ClipBpeTokenizer(std::move(impl)));
}

Tokenization ClipBpeTokenizer::encode(const std::string& utf8) const {
    const Impl& d = *impl_;
    icu::UnicodeString text = text::nfc(text::fromUtf8(utf8));
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::RegexMatcher> spaces(d.whitespace->matcher(text, status));
    text = spaces->replaceAll(u" ", status);
    if (U_FAILURE(status)) {
        throw Error(ErrorKind::Model, std::string("tokenizer normalisation failed: ") + u_errorName(status));
    }
    text = text::lowercase(text);

    std::vector<int64_t> ids{d.options.bosId};
    // The special tokens' literal text maps to their ids; everything between goes through BPE.
    const icu::UnicodeString specials[2] = {icu::UnicodeString::fromUTF8(kStartOfText),
                                            icu::UnicodeString::fromUTF8(kEndOfText)};
    const int64_t specialIds[2] = {d.options.bosId, d.options.eosId};
    int32_t pos = 0;
    while (pos < text.length()) {
        int32_t found = -1;
        int which = 0;
        for (int s = 0; s < 2; ++s) {
            const int32_t at = text.indexOf(specials[s], pos);
            if (at >= 0 && (found < 0 || at < found)) {
                found = at;
                which = s;
            }
        }
        const int32_t end = found < 0 ? text.length() : found;
        if (end > pos) {
            d.appendText(text.tempSubStringBetween(pos, end), ids);
        }
        if (found < 0) {
            break;
        }
        ids.push_back(specialIds[which]);
        pos = found + specials[which].length();
    }
    ids.push_back(d.options.eosId);

    Tokenization result;
    result.untruncatedLength = ids.size();
    const auto limit = static_cast<size_t>(d.options.contextLength);
    if (ids.size() > limit) {
        ids.resize(limit);
        ids.back() = d.options.eosId;
    }
    result.ids = std::move(ids);
    return result;
}

int ClipBpeTokenizer::contextLength() const {
    return impl_->options.contextLength;
}

int64_t ClipBpeTokenizer::padId() const {
    return impl_->options.padId;
}

size_t ClipBpeTokenizer::vocabularySize() const {
    return impl_->vocab.size();
}

std::string ClipBpeTokenizer::tokenText(int64_t id) const {
    if (id < 0 || static_cast<size_t>(id) >= impl_->tokens.size()) {
        return {};
    }
    return impl_->tokens[static_cast<size_t>(id)];
}

}  // namespace pm
