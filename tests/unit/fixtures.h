// Reads the tables of cases in tests/fixtures/ (tab-separated, '#' comments), so the rules are
// tested by rows that someone who knows the regulation can read and extend without C++.
#pragma once
#include <fstream>
#include <string>
#include <vector>

#include "core/strings.h"

#ifndef PANTAU_FIXTURES_DIR
#error "PANTAU_FIXTURES_DIR must be defined"
#endif

inline std::vector<std::vector<std::string>> load_cases(const std::string& name) {
  std::ifstream f(std::string(PANTAU_FIXTURES_DIR) + "/" + name);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  while (std::getline(f, line)) {
    if (line.empty() || line[0] == '#') continue;
    rows.push_back(pantau::split(line, '\t'));
  }
  return rows;
}
