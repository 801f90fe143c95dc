#ifndef GOVREPORT_OPENCC_TABLES_H
#define GOVREPORT_OPENCC_TABLES_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The characters that an OpenCC configuration can change: for every entry of every dictionary
/// of its conversion chain whose default value differs from its key, the key's characters at the
/// positions where the two differ (all of the key's characters when their lengths differ). A text
/// with none of them converts to itself.
///
/// Returns 0, sets `*characters` to them as one UTF-8 string, each once, and `*keeps_lengths` to 1
/// when every such entry's value has as many characters as its key (0 otherwise); or returns -1
/// and sets `*error` to a message. Free either string with `govreport_opencc_free`.
int govreport_opencc_changed_characters(const char *config_path, char **characters, int *keeps_lengths, char **error);

void govreport_opencc_free(void *pointer);

#ifdef __cplusplus
}
#endif

#endif
