// rapport — version of the C++ library.
//
// The compile-time macros describe the headers you compiled against;
// rapport::version() describes the library you linked. They differ only when
// a program is linked against another build than the one it was compiled with.
#pragma once

#define RAPPORT_VERSION_MAJOR 0
#define RAPPORT_VERSION_MINOR 1
#define RAPPORT_VERSION_PATCH 0
#define RAPPORT_VERSION_STRING "0.1.0"

namespace rapport {
inline namespace v1 {

/** The version of the linked library as "MAJOR.MINOR.PATCH" (static storage). */
const char *version() noexcept;

} // namespace v1
} // namespace rapport
