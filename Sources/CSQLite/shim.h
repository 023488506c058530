#include <sqlite3.h>

/// SQLITE_TRANSIENT is a cast macro (`((sqlite3_destructor_type)-1)`) that Swift cannot import:
/// bound text and blobs must be copied by SQLite because Swift frees its buffers after the call.
static inline sqlite3_destructor_type csqlite_transient(void) { return SQLITE_TRANSIENT; }

/// sqlite3_config is variadic, which Swift cannot call. Memory statistics (on by default) take a
/// global mutex around every allocation SQLite makes; nothing here reads them. Must run before
/// SQLite initializes (it returns SQLITE_MISUSE afterwards, changing nothing).
static inline int csqlite_disable_memory_statistics(void) { return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); }
