// Prints the catalogue of a database (schema_catalogue.h): `schema_catalogue URL`, where URL is
// an SQLite file or a postgresql:// URL. It reads only; it does not migrate.
#include <cstdio>
#include <iostream>

#include "db/database.h"
#include "schema_catalogue.h"

int main(int argc, char** argv) {
  using namespace pantau;
  if (argc != 2) {
    std::cerr << "usage: schema_catalogue URL (an SQLite file or postgresql://...)\n";
    return 2;
  }
  auto d = db::open_database(argv[1], {1, true});
  if (!d.ok()) {
    std::cerr << d.error().message.en << "\n";
    return 1;
  }
  std::string out;
  Status s = (*d)->read([&](db::Conn& c) { out = testing_support::schema_catalogue(c); });
  (*d)->close();
  if (!s.ok()) {
    std::cerr << s.error().message.en << "\n";
    return 1;
  }
  std::cout << out;
  return 0;
}
