// Private to the CLI: the demo's embedded sample data.
#pragma once

#include <chrono>

#include "rapport/contact.hpp"
#include "rapport/directory.hpp"
#include "rapport/result.hpp"

namespace rapport::cli {

struct sample {
  contact sender;
  directory dir;
};

/** The sample sender and directory (about thirty contacts, three events, three challenges). */
result<sample> load_sample();

/** The demo's clock: 27 November 2026, 09:00 UTC, so its output never changes. */
std::chrono::sys_seconds sample_now();

} // namespace rapport::cli
