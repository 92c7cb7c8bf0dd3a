// C ABI: platform profiles and their limits.
#include "capi_internal.hpp"

using namespace rapport::capi;

extern "C" {

int rapport_platform_ids(rapport_strings **out) {
  return guarded([&]() -> int {
    if (int s = check_out(out)) return s;
    *out = nullptr;
    return give_handle(out, rapport::platform_ids());
  });
}

int rapport_platform_find(const char *id, size_t len, rapport_platform **out) {
  return guarded([&]() -> int {
    if (int s = check_out(out)) return s;
    *out = nullptr;
    if (int s = check_text(id, len, "id")) return s;
    auto p = rapport::find_platform(view(id, len));
    if (!p) return fail(p.error());
    return give_handle(out, std::move(*p));
  });
}

int rapport_platform_custom(size_t body_limit, int unit, size_t subject_limit, rapport_platform **out) {
  return guarded([&]() -> int {
    if (int s = check_out(out)) return s;
    *out = nullptr;
    if (!in_range(unit, RAPPORT_UNIT_GRAPHEMES, RAPPORT_UNIT_X_WEIGHTED))
      return fail(RAPPORT_EINVAL, "unknown length unit " + std::to_string(unit));
    auto p = rapport::custom_platform(body_limit, static_cast<rapport::length_unit>(unit), subject_limit);
    if (!p) return fail(p.error());
    return give_handle(out, std::move(*p));
  });
}

void rapport_platform_free(rapport_platform *platform) { destroy(platform); }

int rapport_platform_get(const rapport_platform *platform, int field, rapport_str *out) {
  return guarded([&]() -> int {
    if (int s = check_handle(platform, "platform")) return s;
    if (int s = check_out(out)) return s;
    switch (field) {
    case RAPPORT_PLATFORM_ID: borrow(platform->value.id, out); return RAPPORT_OK;
    case RAPPORT_PLATFORM_DISPLAY_NAME: borrow(platform->value.display_name, out); return RAPPORT_OK;
    case RAPPORT_PLATFORM_SOURCE: borrow(platform->value.source, out); return RAPPORT_OK;
    default: return fail(RAPPORT_EINVAL, "unknown platform field " + std::to_string(field));
    }
  });
}

int rapport_platform_unit(const rapport_platform *platform, int *out) {
  return guarded([&]() -> int {
    if (int s = check_handle(platform, "platform")) return s;
    if (int s = check_out(out)) return s;
    *out = static_cast<int>(platform->value.unit);
    return RAPPORT_OK;
  });
}

int rapport_platform_confidence_of(const rapport_platform *platform, int *out) {
  return guarded([&]() -> int {
    if (int s = check_handle(platform, "platform")) return s;
    if (int s = check_out(out)) return s;
    *out = static_cast<int>(platform->value.confidence);
    return RAPPORT_OK;
  });
}

int rapport_platform_tiers(const rapport_platform *platform, rapport_strings **out) {
  return guarded([&]() -> int {
    if (int s = check_out(out)) return s;
    *out = nullptr;
    if (int s = check_handle(platform, "platform")) return s;
    return give_handle(out, platform->value.tiers);
  });
}

int rapport_platform_limit(const rapport_platform *platform, int field, const char *tier, size_t tier_len, size_t *out) {
  return guarded([&]() -> int {
    if (int s = check_handle(platform, "platform")) return s;
    if (int s = check_out(out)) return s;
    if (!in_range(field, RAPPORT_FIELD_SUBJECT, RAPPORT_FIELD_BODY))
      return fail(RAPPORT_EINVAL, "unknown platform field " + std::to_string(field));
    if (int s = check_text(tier, tier_len, "tier")) return s;
    auto n = rapport::platform_limit(platform->value, static_cast<rapport::platform_field>(field), view(tier, tier_len));
    if (!n) return fail(n.error());
    *out = *n == rapport::no_limit ? SIZE_MAX : *n;
    return RAPPORT_OK;
  });
}

} // extern "C"
