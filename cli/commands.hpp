// Private to the CLI: one function per subcommand.
#pragma once

#include <ostream>

namespace rapport::cli {

/** `rapport demo`: runs the library on the bundled sample. Returns the exit code. */
int run_demo(std::ostream &out);

} // namespace rapport::cli
