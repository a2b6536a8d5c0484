#include "core/client_import.h"

#include "common/error.h"
#include "common/text.h"
#include "core/csv.h"
#include "database.h"
#include "repositories/client_repository.h"

#include <algorithm>
#include <fstream>
#include <functional>
#include <iterator>
#include <set>
#include <system_error>

namespace knotwork::app {

namespace {

template <typename E>
std::string codes_of() {
    std::string out;
    for (const auto& e : enum_entries<E>()) {
        if (!out.empty()) out += ", ";
        out += e.code;
    }
    return out;
}

// An enumeration's code, in any case and with surrounding spaces; the problem lists the codes.
template <typename E>
E enum_value(const std::string& column, std::string_view value) {
    const std::string code = text::ascii_lower(text::trim(value));
    for (const auto& e : enum_entries<E>())
        if (e.code == code) return e.value;
    throw ValidationError(column, "\"" + std::string(value) + "\" is not a known " + std::string(EnumNames<E>::what) +
                                      " (use one of: " + codes_of<E>() + ")");
}

std::optional<Date> optional_date(const std::string& column, std::string_view value) {
    const std::string trimmed = text::trim(value);
    if (trimmed.empty()) return std::nullopt;
    return parse_date(column, trimmed);
}

// "a; b;; c" → {"a", "b", "c"}: items separated by semicolons, surrounding spaces dropped.
std::vector<std::string> list_items(std::string_view value) {
    std::vector<std::string> items;
    std::size_t from = 0;
    for (;;) {
        const std::size_t end = std::min(value.find(';', from), value.size());
        std::string item = text::trim(value.substr(from, end - from));
        if (!item.empty()) items.push_back(std::move(item));
        if (end == value.size()) return items;
        from = end + 1;
    }
}

std::vector<Medication> medications(const std::string& column, std::string_view value) {
    std::vector<Medication> out;
    for (const auto& item : list_items(value)) {
        const std::size_t colon = item.find(':');
        const std::string cls = item.substr(0, colon);
        bool known = false;
        for (const auto& e : enum_entries<MedicationClass>()) known = known || e.code == text::ascii_lower(text::trim(cls));
        if (!known)
            throw ValidationError(column, "\"" + item + "\" does not start with a medication class (write it as "
                                          "class: name, e.g. anticoagulant: Warfarin 5 mg; the classes are " +
                                          codes_of<MedicationClass>() + ")");
        Medication m;
        m.medication_class = enum_value<MedicationClass>(column, cls);
        if (colon != std::string::npos) m.name = text::trim(std::string_view(item).substr(colon + 1));
        out.push_back(std::move(m));
    }
    return out;
}

using Setter = std::function<void(ClientDetails&, const std::string& column, const std::string& value)>;

struct ColumnRule {
    ClientColumn column;
    Setter set;
};

Setter text_of(std::string ClientDetails::*member) {
    return [member](ClientDetails& d, const std::string&, const std::string& v) { d.*member = v; };
}

Setter date_of(std::optional<Date> ClientDetails::*member) {
    return [member](ClientDetails& d, const std::string& c, const std::string& v) { d.*member = optional_date(c, v); };
}

const std::vector<ColumnRule>& rules() {
    static const std::vector<ColumnRule> table{
        {{"family_name", "text, required", "family name"}, text_of(&ClientDetails::family_name)},
        {{"given_name", "text, required", "given name"}, text_of(&ClientDetails::given_name)},
        {{"preferred_name", "text", "preferred name"}, text_of(&ClientDetails::preferred_name)},
        {{"date_of_birth", "YYYY-MM-DD", "date of birth"}, date_of(&ClientDetails::date_of_birth)},
        {{"phone", "text", "phone"}, text_of(&ClientDetails::phone)},
        {{"email", "text", "email"}, text_of(&ClientDetails::email)},
        {{"address", "text, may run over lines", "address"}, text_of(&ClientDetails::address)},
        {{"emergency_contact_name", "text", "emergency contact name"},
         text_of(&ClientDetails::emergency_contact_name)},
        {{"emergency_contact_phone", "text", "emergency contact phone"},
         text_of(&ClientDetails::emergency_contact_phone)},
        {{"referral_source", "text", "referral source"}, text_of(&ClientDetails::referral_source)},
        {{"referring_physician", "text", "referring physician"}, text_of(&ClientDetails::referring_physician)},
        {{"occupation", "text", "occupation"}, text_of(&ClientDetails::occupation)},
        {{"activity", "one of " + codes_of<ActivityLevel>() + " (empty: moderate)", "activity"},
         [](ClientDetails& d, const std::string& c, const std::string& v) {
             if (!text::trim(v).empty()) d.activity = enum_value<ActivityLevel>(c, v);
         }},
        {{"conditions", "codes separated by ';': " + codes_of<HealthCondition>(), "conditions"},
         [](ClientDetails& d, const std::string& c, const std::string& v) {
             for (const auto& item : list_items(v)) d.conditions.insert(enum_value<HealthCondition>(c, item));
         }},
        {{"health_notes", "text, may run over lines", "health notes"}, text_of(&ClientDetails::health_notes)},
        {{"medications", "items separated by ';', each class: name (anticoagulant: Warfarin 5 mg); classes " +
                             codes_of<MedicationClass>(),
          "medication"},
         [](ClientDetails& d, const std::string& c, const std::string& v) { d.medications = medications(c, v); }},
        {{"allergies", "text, may run over lines", "allergies"}, text_of(&ClientDetails::allergies)},
        {{"pressure_preference", "one of " + codes_of<PressurePreference>() + " (empty: medium)",
          "pressure preference"},
         [](ClientDetails& d, const std::string& c, const std::string& v) {
             if (!text::trim(v).empty()) d.pressure_preference = enum_value<PressurePreference>(c, v);
         }},
        {{"sensitive_areas", "text, may run over lines", "sensitive areas"}, text_of(&ClientDetails::sensitive_areas)},
        {{"consent_date", "YYYY-MM-DD", "consent date"}, date_of(&ClientDetails::consent_date)},
        {{"red_flags", "codes separated by ';': " + codes_of<RedFlag>(), "red flags"},
         [](ClientDetails& d, const std::string& c, const std::string& v) {
             for (const auto& item : list_items(v)) d.intake_red_flags.positive.insert(enum_value<RedFlag>(c, item));
         }},
        {{"red_flag_notes", "text, may run over lines", "red-flag notes"},
         [](ClientDetails& d, const std::string&, const std::string& v) { d.intake_red_flags.notes = v; }},
        {{"referred_to", "text", "referred to"},
         [](ClientDetails& d, const std::string&, const std::string& v) { d.intake_red_flags.referred_to = v; }},
        {{"red_flags_screened_on", "YYYY-MM-DD", "red flags screened on"},
         date_of(&ClientDetails::red_flags_screened_on)},
    };
    return table;
}

// The column a domain ValidationError is about, found by the field it names.
std::string column_of_field(const std::string& field) {
    for (const auto& r : rules())
        if (r.column.field == field) return r.column.name;
    return field;
}

std::string column_names() {
    std::string out;
    for (const auto& r : rules()) {
        if (!out.empty()) out += ", ";
        out += r.column.name;
    }
    return out;
}

// Which rule each field of a record goes to, from the header record.
std::vector<const ColumnRule*> read_header(const CsvRecord& header) {
    std::vector<const ColumnRule*> out;
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
        const std::string& raw = header.fields[i];
        const std::string where = "line " + std::to_string(header.line) + ", column " + std::to_string(i + 1);
        const std::string name = normalise_column_name(raw);
        if (name.empty())
            throw ValidationError(where, "has no name (the first line must name every column)");
        const auto rule = std::find_if(rules().begin(), rules().end(),
                                       [&](const ColumnRule& r) { return r.column.name == name; });
        if (rule == rules().end())
            throw ValidationError(where, "\"" + raw + "\" is not a client field (the columns are " + column_names() + ")");
        if (std::find(out.begin(), out.end(), &*rule) != out.end())
            throw ValidationError(where, "\"" + raw + "\" names " + name + " a second time");
        out.push_back(&*rule);
    }
    for (const char* required : {"family_name", "given_name"})
        if (std::none_of(out.begin(), out.end(), [&](const ColumnRule* r) { return r->column.name == required; }))
            throw ValidationError("line " + std::to_string(header.line),
                                  std::string("the header has no ") + required + " column (every client needs one)");
    return out;
}

} // namespace

const std::vector<ClientColumn>& client_columns() {
    static const std::vector<ClientColumn> columns = [] {
        std::vector<ClientColumn> out;
        for (const auto& r : rules()) out.push_back(r.column);
        return out;
    }();
    return columns;
}

std::string normalise_column_name(std::string_view header) {
    std::string name = text::ascii_lower(text::trim(header));
    for (char& c : name)
        if (c == ' ' || c == '-') c = '_';
    return name;
}

std::string ImportProblem::message() const {
    return "line " + std::to_string(line) + (column.empty() ? "" : ", " + column) + ": " + problem;
}

std::size_t ImportResult::bad_rows() const {
    std::set<std::size_t> lines;
    for (const auto& p : problems) lines.insert(p.line);
    return lines.size();
}

ParsedClients parse_client_csv(std::string_view csv, Date today) {
    const std::vector<CsvRecord> records = read_csv(csv);
    if (records.empty()) throw ValidationError("file", "is empty: the first line must name the columns");
    const std::vector<const ColumnRule*> columns = read_header(records.front());

    ParsedClients out;
    for (std::size_t r = 1; r < records.size(); ++r) {
        const CsvRecord& record = records[r];
        ++out.rows;
        if (record.fields.size() != columns.size()) {
            out.problems.push_back({record.line, "",
                                    "has " + std::to_string(record.fields.size()) +
                                        (record.fields.size() == 1 ? " field" : " fields") + " where the header has " +
                                        std::to_string(columns.size()) + " (is a comma or a quote missing?)"});
            continue;
        }
        ClientDetails details;
        std::vector<std::string> bad_columns;
        for (std::size_t i = 0; i < columns.size(); ++i) {
            try {
                columns[i]->set(details, columns[i]->column.name, record.fields[i]);
            } catch (const ValidationError& e) {
                out.problems.push_back({record.line, columns[i]->column.name, e.problem()});
                bad_columns.push_back(columns[i]->column.name);
            }
        }
        // The domain's own check, also on a row with unreadable columns (left at their defaults),
        // so that one pass reports as much as it can; it stops at the first field it refuses.
        try {
            const Client client(details, today);
            if (bad_columns.empty()) out.good.push_back({record.line, client.details()});
        } catch (const ValidationError& e) {
            const std::string column = column_of_field(e.field());
            if (std::find(bad_columns.begin(), bad_columns.end(), column) == bad_columns.end())
                out.problems.push_back({record.line, column, e.problem()});
        }
    }
    return out;
}

ImportResult import_clients(db::Database& db, std::string_view csv, const ImportOptions& options) {
    ParsedClients parsed = parse_client_csv(csv, options.today);
    ImportResult result;
    result.rows = parsed.rows;
    result.problems = std::move(parsed.problems);
    if (!result.problems.empty() && !options.skip_bad) return result;
    if (parsed.good.empty()) return result;

    std::vector<ClientId> ids;
    db::Transaction tx(db);
    db::ClientRepository clients(db);
    for (const auto& row : parsed.good) {
        Client client(row.details, options.today);
        ids.push_back(clients.add(client));
    }
    tx.commit();
    result.imported = std::move(ids);
    return result;
}

ImportResult import_clients_file(db::Database& db, const std::filesystem::path& file, const ImportOptions& options) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    if (ec) throw Error("Cannot read " + file.string() + ": " + ec.message());
    if (size > max_import_bytes)
        throw Error(file.string() + " is too large to import (" + std::to_string(size / (1024 * 1024)) +
                    " MiB; at most " + std::to_string(max_import_bytes / (1024 * 1024)) + " MiB)");
    std::ifstream in(file, std::ios::binary);
    if (!in) throw Error("Cannot open " + file.string());
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) throw Error("Cannot read " + file.string());
    return import_clients(db, text, options);
}

} // namespace knotwork::app
