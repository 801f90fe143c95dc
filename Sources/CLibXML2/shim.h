// libxml2 is built with ICU on Debian, so its encoding.h pulls in the system
// <unicode/*.h>, which clash with the ICU headers Foundation ships (_FoundationICU)
// in the same Swift module ("UErrorCode ... not present in definition").
// We never touch the ICU-only fields of xmlCharEncodingHandler, so hiding them is safe.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
