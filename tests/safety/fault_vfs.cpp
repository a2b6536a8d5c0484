#include "fault_vfs.h"

#include <sqlite3.h>

#include <cstring>
#include <stdexcept>

namespace knotwork::test {

namespace {

struct FaultState {
    bool armed = false;
    std::int64_t budget = 0;
    WriteFault fault = WriteFault::disk_full;
    FaultTarget target = FaultTarget::any_file;
    int faults = 0;
};

FaultState g_state;
sqlite3_vfs* g_real = nullptr;
sqlite3_vfs g_vfs;

// Our file object: the real VFS's file follows it in the same allocation.
struct FaultFile {
    sqlite3_file base;
    sqlite3_file* real;
    bool is_wal;
    bool is_main;
};

sqlite3_file* real_of(sqlite3_file* f) {
    return reinterpret_cast<FaultFile*>(f)->real;
}

bool targeted(const FaultFile* f) {
    switch (g_state.target) {
    case FaultTarget::any_file:
        return true;
    case FaultTarget::wal_only:
        return f->is_wal;
    case FaultTarget::main_file_only:
        return f->is_main;
    }
    return true;
}

int fault_code() {
    return g_state.fault == WriteFault::disk_full ? SQLITE_FULL : SQLITE_IOERR_WRITE;
}

int x_close(sqlite3_file* f) {
    sqlite3_file* real = real_of(f);
    const int rc = real->pMethods ? real->pMethods->xClose(real) : SQLITE_OK;
    f->pMethods = nullptr;
    return rc;
}
int x_read(sqlite3_file* f, void* buffer, int amount, sqlite3_int64 offset) {
    return real_of(f)->pMethods->xRead(real_of(f), buffer, amount, offset);
}
int x_write(sqlite3_file* f, const void* buffer, int amount, sqlite3_int64 offset) {
    auto* file = reinterpret_cast<FaultFile*>(f);
    if (g_state.armed && targeted(file)) {
        if (g_state.budget <= 0) {
            ++g_state.faults;
            return fault_code();
        }
        if (amount > g_state.budget) {
            const int part = static_cast<int>(g_state.budget);
            real_of(f)->pMethods->xWrite(real_of(f), buffer, part, offset);
            g_state.budget = 0;
            ++g_state.faults;
            return fault_code();
        }
        g_state.budget -= amount;
    }
    return real_of(f)->pMethods->xWrite(real_of(f), buffer, amount, offset);
}
int x_truncate(sqlite3_file* f, sqlite3_int64 size) {
    return real_of(f)->pMethods->xTruncate(real_of(f), size);
}
int x_sync(sqlite3_file* f, int flags) {
    return real_of(f)->pMethods->xSync(real_of(f), flags);
}
int x_file_size(sqlite3_file* f, sqlite3_int64* size) {
    return real_of(f)->pMethods->xFileSize(real_of(f), size);
}
int x_lock(sqlite3_file* f, int level) {
    return real_of(f)->pMethods->xLock(real_of(f), level);
}
int x_unlock(sqlite3_file* f, int level) {
    return real_of(f)->pMethods->xUnlock(real_of(f), level);
}
int x_check_reserved_lock(sqlite3_file* f, int* out) {
    return real_of(f)->pMethods->xCheckReservedLock(real_of(f), out);
}
int x_file_control(sqlite3_file* f, int op, void* arg) {
    return real_of(f)->pMethods->xFileControl(real_of(f), op, arg);
}
int x_sector_size(sqlite3_file* f) {
    return real_of(f)->pMethods->xSectorSize(real_of(f));
}
int x_device_characteristics(sqlite3_file* f) {
    return real_of(f)->pMethods->xDeviceCharacteristics(real_of(f));
}
int x_shm_map(sqlite3_file* f, int page, int size, int extend, void volatile** out) {
    return real_of(f)->pMethods->xShmMap(real_of(f), page, size, extend, out);
}
int x_shm_lock(sqlite3_file* f, int offset, int n, int flags) {
    return real_of(f)->pMethods->xShmLock(real_of(f), offset, n, flags);
}
void x_shm_barrier(sqlite3_file* f) {
    real_of(f)->pMethods->xShmBarrier(real_of(f));
}
int x_shm_unmap(sqlite3_file* f, int delete_flag) {
    return real_of(f)->pMethods->xShmUnmap(real_of(f), delete_flag);
}
int x_fetch(sqlite3_file* f, sqlite3_int64 offset, int amount, void** out) {
    return real_of(f)->pMethods->xFetch(real_of(f), offset, amount, out);
}
int x_unfetch(sqlite3_file* f, sqlite3_int64 offset, void* p) {
    return real_of(f)->pMethods->xUnfetch(real_of(f), offset, p);
}

const sqlite3_io_methods g_methods = {
    3,
    x_close,
    x_read,
    x_write,
    x_truncate,
    x_sync,
    x_file_size,
    x_lock,
    x_unlock,
    x_check_reserved_lock,
    x_file_control,
    x_sector_size,
    x_device_characteristics,
    x_shm_map,
    x_shm_lock,
    x_shm_barrier,
    x_shm_unmap,
    x_fetch,
    x_unfetch,
};

int x_open(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* f, int flags, int* out_flags) {
    auto* file = reinterpret_cast<FaultFile*>(f);
    file->real = reinterpret_cast<sqlite3_file*>(file + 1);
    file->is_wal = (flags & SQLITE_OPEN_WAL) != 0;
    file->is_main = (flags & SQLITE_OPEN_MAIN_DB) != 0;
    const int rc = g_real->xOpen(g_real, name, file->real, flags, out_flags);
    // SQLite calls xClose only when pMethods is set, so set it only when the real file opened.
    f->pMethods = file->real->pMethods ? &g_methods : nullptr;
    return rc;
}

int x_delete(sqlite3_vfs*, const char* name, int sync_dir) {
    return g_real->xDelete(g_real, name, sync_dir);
}
int x_access(sqlite3_vfs*, const char* name, int flags, int* out) {
    return g_real->xAccess(g_real, name, flags, out);
}
int x_full_pathname(sqlite3_vfs*, const char* name, int size, char* out) {
    return g_real->xFullPathname(g_real, name, size, out);
}
void* x_dl_open(sqlite3_vfs*, const char* name) {
    return g_real->xDlOpen(g_real, name);
}
void x_dl_error(sqlite3_vfs*, int size, char* out) {
    g_real->xDlError(g_real, size, out);
}
void (*x_dl_sym(sqlite3_vfs*, void* handle, const char* symbol))(void) {
    return g_real->xDlSym(g_real, handle, symbol);
}
void x_dl_close(sqlite3_vfs*, void* handle) {
    g_real->xDlClose(g_real, handle);
}
int x_randomness(sqlite3_vfs*, int size, char* out) {
    return g_real->xRandomness(g_real, size, out);
}
int x_sleep(sqlite3_vfs*, int micros) {
    return g_real->xSleep(g_real, micros);
}
int x_current_time(sqlite3_vfs*, double* out) {
    return g_real->xCurrentTime(g_real, out);
}
int x_get_last_error(sqlite3_vfs*, int size, char* out) {
    return g_real->xGetLastError ? g_real->xGetLastError(g_real, size, out) : 0;
}
int x_current_time_int64(sqlite3_vfs*, sqlite3_int64* out) {
    return g_real->xCurrentTimeInt64(g_real, out);
}

} // namespace

FaultyDisk::FaultyDisk() {
    if (g_real) throw std::logic_error("only one FaultyDisk at a time");
    g_real = sqlite3_vfs_find(nullptr);
    if (!g_real) throw std::runtime_error("SQLite has no default VFS");
    std::memset(&g_vfs, 0, sizeof g_vfs);
    g_vfs.iVersion = 2;
    g_vfs.szOsFile = static_cast<int>(sizeof(FaultFile)) + g_real->szOsFile;
    g_vfs.mxPathname = g_real->mxPathname;
    g_vfs.zName = "knotwork-faulty-disk";
    g_vfs.xOpen = x_open;
    g_vfs.xDelete = x_delete;
    g_vfs.xAccess = x_access;
    g_vfs.xFullPathname = x_full_pathname;
    g_vfs.xDlOpen = x_dl_open;
    g_vfs.xDlError = x_dl_error;
    g_vfs.xDlSym = x_dl_sym;
    g_vfs.xDlClose = x_dl_close;
    g_vfs.xRandomness = x_randomness;
    g_vfs.xSleep = x_sleep;
    g_vfs.xCurrentTime = x_current_time;
    g_vfs.xGetLastError = x_get_last_error;
    g_vfs.xCurrentTimeInt64 = x_current_time_int64;
    g_state = FaultState{};
    if (sqlite3_vfs_register(&g_vfs, 1) != SQLITE_OK) {
        g_real = nullptr;
        throw std::runtime_error("cannot register the faulty disk with SQLite");
    }
}

FaultyDisk::~FaultyDisk() {
    sqlite3_vfs_unregister(&g_vfs);
    sqlite3_vfs_register(g_real, 1);
    g_real = nullptr;
}

void FaultyDisk::fail_after(std::int64_t bytes, WriteFault fault, FaultTarget target) {
    g_state.armed = true;
    g_state.budget = bytes;
    g_state.fault = fault;
    g_state.target = target;
}

void FaultyDisk::heal() {
    g_state.armed = false;
}

int FaultyDisk::faults() const noexcept {
    return g_state.faults;
}

} // namespace knotwork::test
