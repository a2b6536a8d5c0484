#pragma once
// A failing disk for tests: a SQLite VFS that wraps the system's default one and, once armed,
// fails writes the way a full or failing disk does. While a FaultyDisk exists it is SQLite's
// default VFS, so every connection opened meanwhile — Database::open and the presenters
// included — writes through it; close those connections before it goes away.
#include <cstdint>

namespace knotwork::test {

enum class WriteFault {
    disk_full, // SQLITE_FULL, as the unix VFS reports ENOSPC
    io_error,  // SQLITE_IOERR_WRITE, as for EIO
};

// Which files the fault hits.
enum class FaultTarget { any_file, wal_only, main_file_only };

class FaultyDisk {
  public:
    FaultyDisk();
    ~FaultyDisk();
    FaultyDisk(const FaultyDisk&) = delete;
    FaultyDisk& operator=(const FaultyDisk&) = delete;

    // From now on, writes to `target` files succeed for `bytes` more bytes in all; the write that
    // would pass that budget, and every one after it, fails with `fault` (a write that straddles
    // the budget writes its first part, as a disk filling up does).
    void fail_after(std::int64_t bytes, WriteFault fault, FaultTarget target = FaultTarget::any_file);
    // Writes succeed again (space freed, disk reconnected).
    void heal();

    // Failed writes since construction.
    int faults() const noexcept;
};

} // namespace knotwork::test
