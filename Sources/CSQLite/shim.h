#include <sqlite3.h>

/// SQLITE_TRANSIENT is a cast macro (`((sqlite3_destructor_type)-1)`) that Swift cannot import:
/// bound text and blobs must be copied by SQLite because Swift frees its buffers after the call.
static inline sqlite3_destructor_type csqlite_transient(void) { return SQLITE_TRANSIENT; }
