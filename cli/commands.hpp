// Private to the CLI: one function per subcommand. Each takes main's argc/argv
// (argv[1] is the subcommand) and returns the exit code.
#pragma once

#include <ostream>

namespace rapport::cli {

/** `rapport demo`: runs the library on the bundled sample. Returns the exit code. */
int run_demo(std::ostream &out);

/** `rapport compose`: notes or refusals for many recipients (cli/compose_cmd.cpp). */
int run_compose(int argc, char **argv);
/** `rapport review`: findings for a draft (cli/review_cmd.cpp). */
int run_review(int argc, char **argv);
/** `rapport rank`: the top-k recipients (cli/rank_cmd.cpp). */
int run_rank(int argc, char **argv);
/** `rapport import`: counts, problems, or the JSON document (cli/import_cmd.cpp). */
int run_import(int argc, char **argv);
/** `rapport check`: as import; exit 1 when there is any problem (cli/import_cmd.cpp). */
int run_check(int argc, char **argv);
/** `rapport catalogs`: the built-in template catalogs (cli/info_cmd.cpp). */
int run_catalogs(int argc, char **argv);
/** `rapport platforms`: the built-in platform profiles (cli/info_cmd.cpp). */
int run_platforms(int argc, char **argv);

} // namespace rapport::cli
