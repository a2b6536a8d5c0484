#pragma once
// The one exception family of Knotwork. Every layer throws these; the UI edge turns them into
// messages. A ValidationError always names the field and the problem in plain words.
#include <stdexcept>
#include <string>

namespace knotwork {

class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Input that a record refuses: "pain now: must be between 0 and 10 (got 11)".
class ValidationError : public Error {
public:
    ValidationError(std::string field, std::string problem)
        : Error(field + ": " + problem), m_field(std::move(field)), m_problem(std::move(problem)) {}
    const std::string& field() const noexcept { return m_field; }
    const std::string& problem() const noexcept { return m_problem; }

private:
    std::string m_field;
    std::string m_problem;
};

// A record that should exist does not.
class NotFoundError : public Error {
public:
    using Error::Error;
};

// A record changed elsewhere since it was loaded (optimistic locking).
class ConflictError : public Error {
public:
    using Error::Error;
};

// An attempt to change something that is locked for good, such as a signed note.
class LockedRecordError : public Error {
public:
    using Error::Error;
};

} // namespace knotwork
