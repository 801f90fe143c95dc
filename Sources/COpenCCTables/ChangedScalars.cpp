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
#pragma GCC diagnostic pop

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <memory>
#include <string>
#include <vector>

#include "opencc_tables.h"

namespace {

// The dictionaries hold valid UTF-8 (OpenCC checks it when it builds them); a malformed lead
// byte is taken as one scalar of its own value, which can only add to the set.
std::vector<uint32_t> scalarsOf(const std::string &text) {
    std::vector<uint32_t> scalars;
    size_t i = 0;
    while (i < text.size()) {
        const unsigned char lead = static_cast<unsigned char>(text[i]);
        size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        if (lead >= 0x80 && lead < 0xC0) length = 1;
        uint32_t value = length == 1 ? lead : length == 2 ? (lead & 0x1F) : length == 3 ? (lead & 0x0F) : (lead & 0x07);
        for (size_t k = 1; k < length && i + k < text.size(); ++k) {
            value = (value << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        }
        scalars.push_back(value);
        i += length;
    }
    return scalars;
}

// A group's merged lexicon may keep one entry per key, so each dictionary of a group is read on
// its own: the set is then a superset of what any match can change, whichever entry wins.
void collect(const opencc::DictPtr &dict, std::vector<uint32_t> &changed) {
    if (auto group = std::dynamic_pointer_cast<opencc::DictGroup>(dict)) {
        for (const auto &member : group->GetDicts()) collect(member, changed);
        return;
    }
    const opencc::LexiconPtr lexicon = dict->GetLexicon();
    for (const auto &entry : *lexicon) {
        const std::string key = entry->Key();
        const std::string value = entry->GetDefault();
        if (key == value) continue;
        const std::vector<uint32_t> from = scalarsOf(key);
        const std::vector<uint32_t> to = scalarsOf(value);
        if (from.size() != to.size()) {
            changed.insert(changed.end(), from.begin(), from.end());
            continue;
        }
        for (size_t i = 0; i < from.size(); ++i) {
            if (from[i] != to[i]) changed.push_back(from[i]);
        }
    }
}

char *copyMessage(const std::string &message) {
    char *copy = static_cast<char *>(std::malloc(message.size() + 1));
    if (copy) std::memcpy(copy, message.c_str(), message.size() + 1);
    return copy;
}

}  // namespace

extern "C" int govreport_opencc_changed_scalars(const char *config_path, uint32_t **scalars, size_t *count, char **error) {
    *scalars = nullptr;
    *count = 0;
    *error = nullptr;
    try {
        opencc::Config config;
        const opencc::ConverterPtr converter = config.NewFromFile(config_path);
        std::vector<uint32_t> changed;
        for (const auto &conversion : converter->GetConversionChain()->GetConversions()) {
            collect(conversion->GetDict(), changed);
        }
        std::sort(changed.begin(), changed.end());
        changed.erase(std::unique(changed.begin(), changed.end()), changed.end());
        uint32_t *copy = static_cast<uint32_t *>(std::malloc(std::max<size_t>(1, changed.size()) * sizeof(uint32_t)));
        if (!copy) {
            *error = copyMessage("out of memory");
            return -1;
        }
        std::copy(changed.begin(), changed.end(), copy);
        *scalars = copy;
        *count = changed.size();
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
