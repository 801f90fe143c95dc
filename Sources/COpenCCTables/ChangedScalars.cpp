// OpenCC's C API converts text but cannot list a configuration's dictionaries; its C++ API,
// installed with libopencc-dev, can. This file reads them through that API and hands plain data
// to Swift, which does not call C++ directly.

// OpenCC 1.1's Segments.hpp derives from std::iterator, deprecated since C++17.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#include <Config.hpp>
#include <Conversion.hpp>
#include <ConversionChain.hpp>
#include <Converter.hpp>
#include <Dict.hpp>
#include <DictEntry.hpp>
#include <DictGroup.hpp>
#include <Exception.hpp>
#include <Lexicon.hpp>
#include <UTF8Util.hpp>
#pragma GCC diagnostic pop

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "opencc_tables.h"

namespace {

// A text's characters (code points, as UTF-8), split with OpenCC's own UTF-8 helper, which
// throws on a malformed byte (reported as the configuration's error).
std::vector<std::string> charactersOf(const std::string &text) {
    std::vector<std::string> characters;
    size_t position = 0;
    while (position < text.size()) {
        const size_t length = std::min(opencc::UTF8Util::NextCharLength(text.c_str() + position), text.size() - position);
        characters.push_back(text.substr(position, length));
        position += length;
    }
    return characters;
}

// A group's merged lexicon may keep one entry per key, so each dictionary of a group is read on
// its own: the set is then a superset of what any match can change, whichever entry wins.
void collect(const opencc::DictPtr &dict, std::set<std::string> &changed, bool &keepsLengths) {
    if (auto group = std::dynamic_pointer_cast<opencc::DictGroup>(dict)) {
        for (const auto &member : group->GetDicts()) collect(member, changed, keepsLengths);
        return;
    }
    const opencc::LexiconPtr lexicon = dict->GetLexicon();
    for (const auto &entry : *lexicon) {
        const std::string key = entry->Key();
        const std::string value = entry->GetDefault();
        if (key == value) continue;
        const std::vector<std::string> from = charactersOf(key);
        const std::vector<std::string> to = charactersOf(value);
        if (from.size() != to.size()) keepsLengths = false;
        for (size_t i = 0; i < from.size(); ++i) {
            if (from.size() != to.size() || from[i] != to[i]) changed.insert(from[i]);
        }
    }
}

// A malloc'd copy for Swift to free with govreport_opencc_free.
char *copyMessage(const std::string &message) {
    char *copy = static_cast<char *>(std::malloc(message.size() + 1));
    if (copy) std::memcpy(copy, message.c_str(), message.size() + 1);
    return copy;
}

}  // namespace

extern "C" int govreport_opencc_changed_characters(const char *config_path, char **characters, int *keeps_lengths,
                                                   char **error) {
    *characters = nullptr;
    *error = nullptr;
    try {
        opencc::Config config;
        const opencc::ConverterPtr converter = config.NewFromFile(config_path);
        std::set<std::string> changed;
        bool keepsLengths = true;
        for (const auto &conversion : converter->GetConversionChain()->GetConversions()) {
            collect(conversion->GetDict(), changed, keepsLengths);
        }
        *keeps_lengths = keepsLengths ? 1 : 0;
        std::string joined;
        for (const auto &character : changed) joined += character;
        *characters = copyMessage(joined);
        if (!*characters) {
            *error = copyMessage("out of memory");
            return -1;
        }
        return 0;
    } catch (const opencc::Exception &exception) {  // not a std::exception
        *error = copyMessage(exception.what());
    } catch (const std::exception &exception) {
        *error = copyMessage(exception.what());
    } catch (...) {
        *error = copyMessage("unknown error");
    }
    return -1;
}

extern "C" void govreport_opencc_free(void *pointer) { std::free(pointer); }
