#include "core/export_file.h"

#include "audit_log.h"
#include "common/error.h"
#include "database.h"

#include <fstream>
#include <iterator>
#include <sys/stat.h>
#include <system_error>

namespace knotwork::app {

ExportResult export_to_new_file(db::Database& db, const std::filesystem::path& path,
                                const std::function<std::size_t(std::ostream&, ExportAudit&)>& write) {
    if (std::filesystem::exists(path))
        throw Error("A file already exists at " + path.string() + "; an export never overwrites one.");
    db::Transaction tx(db);
    bool created = false;
    try {
        std::ofstream f(path, std::ios::binary);
        if (!f) throw Error("Cannot write " + path.string() + ".");
        created = true;
        ::chmod(path.c_str(), 0600);
        ExportAudit audit;
        ExportResult result;
        result.records = write(f, audit);
        f.close();
        if (!f) throw Error("Writing " + path.string() + " failed; nothing was exported.");
        result.detail = audit.what + ", written to " + path.filename().string();
        db::AuditLog(db).record(db::AuditAction::export_record, audit.entity, std::nullopt, audit.client,
                                result.detail);
        tx.commit();
        return result;
    } catch (...) {
        if (created) { // an export that is not in the audit trail does not stay
            std::error_code ec;
            std::filesystem::remove(path, ec);
        }
        throw;
    }
}

std::string read_import_file(const std::filesystem::path& file, std::uintmax_t max_bytes) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    if (ec) throw Error("Cannot read " + file.string() + ": " + ec.message());
    if (size > max_bytes)
        throw Error(file.string() + " is too large to import (" + std::to_string(size / (1024 * 1024)) +
                    " MiB; at most " + std::to_string(max_bytes / (1024 * 1024)) + " MiB)");
    std::ifstream in(file, std::ios::binary);
    if (!in) throw Error("Cannot open " + file.string());
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) throw Error("Cannot read " + file.string());
    return text;
}

} // namespace knotwork::app
