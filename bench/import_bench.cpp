// Importers: LinkedIn Connections.csv rows per second (parse + contact records
// + normalization: names cleaned, companies keyed; from memory, streamed into
// a directory_builder, and on to a built directory), on 1 and 2 threads,
// vCard megabytes per second, and Python's csv module reading the same CSV
// file, measured in the same run.
//
//   build/release/bench/rapport_import_bench
//
// The argument of each CSV benchmark is the thread count (import_options::threads);
// `normalize:0` runs are the fields as written, for comparison.
#include <benchmark/benchmark.h>

#include <sys/resource.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "rapport/import.hpp"

namespace {

// A LinkedIn-style export: preamble, header, `rows` rows with quoted commas,
// emojis, empty emails and the three date forms.
std::string linkedin_csv(std::size_t rows) {
  static const char *given[] = {"Anna", "Jürgen", "Zoë 🌻", "Priya", "Wei", "Siobhán", "Mateo", "Ngozi", "Łukasz", "Yuki"};
  static const char *family[] = {"Schmidt", "\"Weiß, MBA\"", "Müller (she/her)", "Patel", "Zhang", "O'Brien", "García", "Okafor"};
  static const char *company[] = {"Siemens AG", "\"Acme, Inc.\"", "Bosch", "Infosys", "Grün & Partner", "Toyota", "Enel"};
  static const char *position[] = {"Head of Procurement", "CTO", "\"Senior Manager, Sales\"", "Engineer", "Analyst"};
  static const char *date[] = {"07 Feb 2023", "15 Mar 2021", "\"1/8/18, 6:14 PM\"", "9-Sep-22"};
  std::mt19937_64 rng(42);
  std::string out = "Notes:\r\n\"When exporting your connection data, you may notice that some of the email addresses are missing.\"\r\n\r\n";
  out += "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n";
  out.reserve(rows * 130);
  for (std::size_t i = 0; i < rows; ++i) {
    const auto r = rng();
    out += given[r % 10];
    out += ',';
    out += family[(r >> 8) % 8];
    out += ",https://www.linkedin.com/in/person-";
    out += std::to_string(i);
    out += ',';
    if ((r >> 16) % 4 == 0) out += "person" + std::to_string(i) + "@example.com";
    out += ',';
    out += company[(r >> 20) % 7];
    out += ',';
    out += position[(r >> 24) % 5];
    out += ',';
    out += date[(r >> 28) % 4];
    out += "\r\n";
  }
  return out;
}

std::string vcards(std::size_t bytes) {
  std::string out;
  out.reserve(bytes + 1024);
  for (std::size_t i = 0; out.size() < bytes; ++i) {
    out += "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Schmidt;Anna;;Dr.;\r\nFN:Dr. Anna Schmidt\r\nORG:Siemens AG;Procurement\r\n";
    out += "TITLE:Head of Procurement\r\nEMAIL;TYPE=INTERNET,pref:anna" + std::to_string(i) + "@example.com\r\n";
    out += "TEL;TYPE=WORK:+49 89 1234567\r\nADR;TYPE=WORK:;;Werner-von-Siemens-Str. 1;München;Bayern;80333;Deutschland\r\n";
    out += "CATEGORIES:energy,automation\r\nNOTE:Met at Hannover Messe\\, hall 9. Interested in\r\n  predictive maintenance pilots.\r\n";
    out += "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAAMCAgMCAgMDAwMEAwMEBQgFBQQEBQoHBwYIDAoMDAsKCwsNDhIQ\r\n";
    out += " DQ4RDgsLEBYQERMUFRUVDA8XGBYUGBIUFRT/2wBDAQMEBAUEBQkFBQkUDQsNFBQUFBQUFBQUFBQUFBQUFBQU\r\n";
    out += "END:VCARD\r\n";
  }
  return out;
}

struct temp_csv {
  std::filesystem::path path;
  std::size_t bytes = 0;
  explicit temp_csv(std::size_t rows)
      : path(std::filesystem::temp_directory_path() / ("rapport-bench-" + std::to_string(::getpid()) + ".csv")) {
    const std::string text = linkedin_csv(rows);
    bytes = text.size();
    std::ofstream(path, std::ios::binary) << text;
  }
  ~temp_csv() { std::filesystem::remove(path); }
};

constexpr std::size_t million = 1'000'000;

const temp_csv &csv_file() {
  static const temp_csv file(million);
  return file;
}

double max_rss_mb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) / 1024.0;
}

} // namespace

static rapport::import_options bench_options(const benchmark::State &state, bool normalize = true) {
  rapport::import_options o;
  o.threads = static_cast<unsigned>(state.range(0));
  o.normalize = normalize;
  return o;
}

static void fail(benchmark::State &state, const rapport::result<rapport::import_report> &r) {
  static std::string why;
  why = !r ? r.error().message
           : "imported " + std::to_string(r->imported) + ": " +
                 (r->problems.empty() ? std::string() : rapport::to_string(r->problems.front()));
  state.SkipWithError(why.c_str());
}

// Parse + contact records + normalization + the builder's checks, streaming from the file.
static void linkedin_csv_into_builder(benchmark::State &state) {
  const auto &file = csv_file();
  const auto options = bench_options(state);
  for (auto _ : state) {
    rapport::directory_builder b;
    auto r = rapport::import_into(b, rapport::import_format::linkedin_csv, file.path, options);
    if (!r || r->imported != million) {
      fail(state, r);
      break;
    }
    benchmark::DoNotOptimize(b.contact_count());
    state.PauseTiming();  // the builder's destruction is not the import's
    { rapport::directory_builder gone = std::move(b); }
    state.ResumeTiming();
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * million));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * file.bytes));
}
BENCHMARK(linkedin_csv_into_builder)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

// The whole way: file → builder → built directory (places, keys, indexes).
static void linkedin_csv_to_directory(benchmark::State &state) {
  const auto &file = csv_file();
  const auto options = bench_options(state);
  for (auto _ : state) {
    rapport::directory_builder b;
    auto r = rapport::import_into(b, rapport::import_format::linkedin_csv, file.path, options);
    if (!r || r->imported != million) {
      fail(state, r);
      break;
    }
    auto dir = b.build();
    benchmark::DoNotOptimize(dir->contacts().data());
    state.PauseTiming();
    { rapport::directory gone = std::move(*dir); }
    state.ResumeTiming();
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * million));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * file.bytes));
}
BENCHMARK(linkedin_csv_to_directory)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

// Parse + contact records (+ normalization) into a vector, from bytes already in memory.
static void linkedin_csv_bytes(benchmark::State &state) {
  const std::string text = linkedin_csv(million);
  const auto options = bench_options(state, state.range(1) != 0);
  for (auto _ : state) {
    auto r = rapport::import_linkedin_csv(text, options);
    if (!r || r->contacts.size() != million) state.SkipWithError("import failed");
    benchmark::DoNotOptimize(r->contacts.data());
    state.PauseTiming();
    { auto gone = std::move(r->contacts); }
    state.ResumeTiming();
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * million));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(linkedin_csv_bytes)
    ->ArgNames({"threads", "normalize"})
    ->Args({1, 1})
    ->Args({2, 1})
    ->Args({1, 0})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// Memory: a 1 M-row file streamed into a builder and built. Peak RSS against
// what the directory holds shows that the file text is never held whole.
static void linkedin_csv_memory(benchmark::State &state) {
  const auto &file = csv_file();
  double directory_mb = 0;
  for (auto _ : state) {
    rapport::directory_builder b;
    auto r = rapport::import_into(b, rapport::import_format::linkedin_csv, file.path, bench_options(state));
    auto dir = b.build();
    if (!r || !dir) state.SkipWithError("import failed");
    directory_mb = static_cast<double>(dir->memory_bytes()) / (1024.0 * 1024.0);
  }
  state.counters["file_MB"] = static_cast<double>(file.bytes) / (1024.0 * 1024.0);
  state.counters["directory_MB"] = directory_mb;
  state.counters["peak_rss_MB"] = max_rss_mb();
}
BENCHMARK(linkedin_csv_memory)->Arg(1)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();

// vCard 3.0 → contacts, normalized (argument 1: names, companies, ADR → places) or as written (0).
static void vcard_bytes(benchmark::State &state) {
  const std::string text = vcards(64 << 20);
  rapport::import_options options;
  options.normalize = state.range(0) != 0;
  std::size_t cards = 0;
  for (auto _ : state) {
    auto r = rapport::import_vcard(text, options);
    if (!r) state.SkipWithError("import failed");
    cards = r->contacts.size();
    benchmark::DoNotOptimize(r->contacts.data());
  }
  state.counters["cards"] = static_cast<double>(cards);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(vcard_bytes)->ArgName("normalize")->Arg(1)->Arg(0)->Unit(benchmark::kMillisecond)->UseRealTime();

// rapport's JSON document with `n` contacts (pretty-printed, one key per line as
// export_json writes it), imported with every record located at its line: the
// time per record must not grow with the document (it did: each record was
// located by a scan from the start).
static void json_document(benchmark::State &state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  std::string text = "{\n  \"format\": \"rapport\",\n  \"version\": 1,\n  \"contacts\": [\n";
  for (std::size_t i = 0; i < n; ++i) {
    text += "    {\n      \"id\": \"c" + std::to_string(i) + "\",\n      \"name\": {\"given\": \"Anna\", \"family\": \"Schmidt\"},\n";
    text += "      \"organizations\": [{\"name\": \"Siemens AG\", \"current\": true}],\n";
    text += "      \"location\": \"Munich, Germany\"\n    }";
    text += i + 1 < n ? ",\n" : "\n";
  }
  text += "  ]\n}\n";
  for (auto _ : state) {
    auto r = rapport::import_json(text);
    if (!r || r->contacts.size() != n) state.SkipWithError("import failed");
    benchmark::DoNotOptimize(r->contacts.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * n));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(json_document)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond)->UseRealTime();

// Python's csv module reading the same file (bench/python_csv_baseline.py), timed by Python itself.
static void python_csv_module_baseline(benchmark::State &state) {
  const auto &file = csv_file();
  const std::string script = std::string(RAPPORT_BENCH_DIR) + "/python_csv_baseline.py";
  for (auto _ : state) {
    const std::string cmd = "/usr/bin/python3 '" + script + "' '" + file.path.string() + "'";
    std::FILE *p = ::popen(cmd.c_str(), "r");
    double seconds = -1;
    if (!p || std::fscanf(p, "%lf", &seconds) != 1) seconds = -1;
    if (p) ::pclose(p);
    if (seconds <= 0) {
      state.SkipWithError("python3 baseline did not run");
      break;
    }
    state.SetIterationTime(seconds);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * million));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * file.bytes));
}
BENCHMARK(python_csv_module_baseline)->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(2);
