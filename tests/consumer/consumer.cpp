#include <rapport/rapport.hpp>

#include <cstdio>

int main() {
  auto key = rapport::match_key("München", rapport::key_kind::german);
  if (!key || *key != "munchen") return 1;
  std::printf("rapport %s: %s\n", rapport::version(), key->c_str());
  return 0;
}
