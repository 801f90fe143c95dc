#ifndef GOVREPORT_OPENCC_TABLES_H
#define GOVREPORT_OPENCC_TABLES_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The Unicode scalars that an OpenCC configuration can change: for every entry of every
/// dictionary of its conversion chain whose default value differs from its key, the key's
/// scalars at the positions where the two differ (all of the key's scalars when their lengths
/// differ). A text with none of them converts to itself.
///
/// Returns 0 and sets `*scalars` (sorted, without repeats; free with `govreport_opencc_free`) and
/// `*count`; or returns -1 and sets `*error` to a message (free with `govreport_opencc_free`).
int govreport_opencc_changed_scalars(const char *config_path, uint32_t **scalars, size_t *count, char **error);

void govreport_opencc_free(void *pointer);

#ifdef __cplusplus
}
#endif

#endif
