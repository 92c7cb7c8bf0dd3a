// rapport — how a person is addressed: register and grammatical gender.
//
// Both are used by templates (Sie/du, vous/tu, usted/tú; "Liebe"/"Lieber"),
// greetings and contacts. A grammatical gender is only ever what was
// explicitly given — by the caller, or by an honorific in the input such as
// "Frau" or "Mme". rapport never infers it from a name.
#pragma once

namespace rapport {
inline namespace v1 {

/** Register: formal (Sie, vous, usted) or informal (du, tu, tú). */
enum class formality { formal, informal };

/** "formal" / "informal". */
const char *to_string(formality f) noexcept;

/** A grammatical gender for greetings, used only when explicitly given. */
enum class grammatical_gender { unknown, feminine, masculine, neutral };

/** "unknown", "feminine", "masculine", "neutral". */
const char *to_string(grammatical_gender g) noexcept;

} // namespace v1
} // namespace rapport
