#include "rapport/version.hpp"
#include "rapport/result.hpp"

namespace rapport {
inline namespace v1 {

const char *version() noexcept { return RAPPORT_VERSION_STRING; }

const char *to_string(errc code) noexcept {
  switch (code) {
  case errc::ok: return "ok";
  case errc::invalid_utf8: return "invalid_utf8";
  case errc::invalid_argument: return "invalid_argument";
  case errc::not_found: return "not_found";
  case errc::parse_error: return "parse_error";
  case errc::limit_exceeded: return "limit_exceeded";
  case errc::io_error: return "io_error";
  case errc::no_shared_context: return "no_shared_context";
  case errc::internal: return "internal";
  }
  return "unknown";
}

} // namespace v1
} // namespace rapport
