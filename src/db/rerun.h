// Whether the write jobs of the current thread may be run more than once.
//
// The SQLite writer runs a group of such jobs without a SAVEPOINT each (inside one, SQLite copies
// every page a statement changes into a statement journal: a fifth of the writer's work per
// durable submission). If one of them fails, the whole group is rolled back and run again with a
// savepoint per job, so a failing job still undoes only its own changes, is never acknowledged,
// and every other job of the group is stored and acknowledged as before. A group holding a job
// that may not be re-run keeps a savepoint per job; a job alone in its group never runs twice.
//
// A job may be re-run only if all it does outside the connection is overwritten when it runs
// again (assigning its result), never added to (appending to a list, writing a file, counting).
// PostgreSQL runs each write in its own transaction: the flag changes nothing there.
#pragma once

namespace pantau::db {

bool rerun_allowed();
class RerunAllowed {
 public:
  explicit RerunAllowed(bool allow);
  ~RerunAllowed();
  RerunAllowed(const RerunAllowed&) = delete;
  RerunAllowed& operator=(const RerunAllowed&) = delete;

 private:
  bool previous_;
};

// Marks the write jobs of the current thread as bookkeeping: they change nothing that any answer
// shows (a session's last-seen time), so their commit does not advance Database::generation() and
// does not empty the caches of rendered answers (report lists, recaps, sessions). On PostgreSQL such
// a write sends no change notification to the other instances either. A group commit advances the
// generation when any of its jobs is not bookkeeping.
bool bookkeeping_write();
class BookkeepingWrite {
 public:
  BookkeepingWrite();
  ~BookkeepingWrite();
  BookkeepingWrite(const BookkeepingWrite&) = delete;
  BookkeepingWrite& operator=(const BookkeepingWrite&) = delete;

 private:
  bool previous_;
};

}  // namespace pantau::db
