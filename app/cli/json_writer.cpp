#include "json_writer.h"

#include <cmath>
#include <cstdio>

namespace knotwork::cli {

std::string json_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 2);
    for (char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
                out += buf;
            } else {
                out += c;
            }
        }
    }
    return out;
}

void JsonWriter::separate() {
    if (m_after_key) {
        m_after_key = false;
        return;
    }
    if (!m_first.back()) m_out << ',';
    m_first.back() = false;
}

JsonWriter& JsonWriter::begin_object() {
    separate();
    m_out << '{';
    m_first.push_back(true);
    return *this;
}

JsonWriter& JsonWriter::end_object() {
    m_first.pop_back();
    m_out << '}';
    return *this;
}

JsonWriter& JsonWriter::begin_array() {
    separate();
    m_out << '[';
    m_first.push_back(true);
    return *this;
}

JsonWriter& JsonWriter::end_array() {
    m_first.pop_back();
    m_out << ']';
    return *this;
}

JsonWriter& JsonWriter::key(std::string_view k) {
    separate();
    m_out << '"' << json_escape(k) << "\":";
    m_after_key = true;
    return *this;
}

JsonWriter& JsonWriter::value(std::string_view v) {
    separate();
    m_out << '"' << json_escape(v) << '"';
    return *this;
}

JsonWriter& JsonWriter::value(std::int64_t v) {
    separate();
    m_out << v;
    return *this;
}

JsonWriter& JsonWriter::value(double v) {
    separate();
    if (!std::isfinite(v)) {
        m_out << "null";
    } else {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.10g", v);
        m_out << buf;
    }
    return *this;
}

JsonWriter& JsonWriter::value(bool v) {
    separate();
    m_out << (v ? "true" : "false");
    return *this;
}

JsonWriter& JsonWriter::null() {
    separate();
    m_out << "null";
    return *this;
}

} // namespace knotwork::cli
