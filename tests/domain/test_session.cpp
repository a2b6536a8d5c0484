// Pins domain/session: appointment times and status, series position, the SOAP note, signing
// (which locks the note for good) and amendments appended after signing.
#include "session/session.h"

#include "common/error.h"
#include "common/text.h"

#include "domain_printers.h"

#include <boost/test/unit_test.hpp>

#include <functional>
#include <string>
#include <vector>

namespace knotwork::test {

namespace {

namespace bpt = boost::posix_time;
constexpr ClientId client = 11;

DateTime at(int hour, int minute = 0, Date day = Date(2026, 3, 2)) {
    return DateTime(day, bpt::hours(hour) + bpt::minutes(minute));
}

knotwork::Session hour_session() { return knotwork::Session(client, at(9), at(10), "Sam Reyes"); }

SoapNote written_note() {
    SoapNote n;
    n.subjective = "Pain 6/10 this morning after gardening.";
    n.objective = "Hypertonic left QL, two active trigger points.";
    n.assessment = "Good response; pain 3/10 after.";
    n.plan = "Continue weekly; add piriformis stretch.";
    n.pain_before = PainScore(6, "pain before");
    n.pain_after = PainScore(3, "pain after");
    n.techniques = {{"trigger_point_therapy", BodyRegion::quadratus_lumborum, Side::left, Pressure(7), 20},
                    {"myofascial_release", BodyRegion::erector_spinae_lumbar, Side::bilateral, Pressure(5), 25}};
    return n;
}

// A completed session with a written note, signed at 10:05.
knotwork::Session signed_session() {
    auto s = hour_session();
    s.mark_completed();
    s.write_note(written_note());
    s.sign("Sam Reyes", at(10, 5));
    return s;
}

} // namespace

BOOST_AUTO_TEST_SUITE(Session)
using knotwork::Session;

BOOST_AUTO_TEST_CASE(a_new_session_is_scheduled_and_unsigned) {
    const Session s(client, at(9), at(10, 30), "  Sam Reyes ");
    BOOST_TEST(s.client_id() == client);
    BOOST_TEST(s.starts_at() == at(9));
    BOOST_TEST(s.ends_at() == at(10, 30));
    BOOST_TEST(s.minutes() == 90);
    BOOST_TEST(s.therapist() == "Sam Reyes");
    BOOST_TEST(s.status() == AppointmentStatus::scheduled);
    BOOST_TEST(!s.is_signed());
    BOOST_TEST(s.note().is_blank());
    BOOST_TEST(s.amendments().empty());
    BOOST_TEST(!s.series().has_value());
}

BOOST_AUTO_TEST_CASE(times_must_run_forward_for_at_most_eight_hours) {
    struct Row {
        const char* what;
        DateTime starts;
        DateTime ends;
        bool accepted;
    };
    const std::vector<Row> rows{
        {"ends before it starts", at(10), at(9), false},
        {"ends as it starts", at(10), at(10), false},
        {"one minute", at(10), at(10, 1), true},
        {"exactly 8 hours", at(9), at(17), true},
        {"8 hours and a minute", at(9), at(17, 1), false},
        {"overnight, 2 hours", at(23), at(1, 0, Date(2026, 3, 3)), true},
        {"a day later", at(9), at(9, 0, Date(2026, 3, 3)), false},
        {"no start", DateTime(), at(10), false},
        {"no end", at(9), DateTime(), false},
    };
    for (const auto& row : rows) {
        BOOST_TEST_CONTEXT(row.what) {
            if (row.accepted) {
                BOOST_CHECK_NO_THROW(Session(client, row.starts, row.ends, "Sam"));
            } else {
                const char* field = row.starts.is_special() ? "start" : "end";
                KNOTWORK_CHECK_REFUSED(Session(client, row.starts, row.ends, "Sam"), field);
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(therapist_name_must_be_clean_text) {
    KNOTWORK_CHECK_REFUSED(Session(client, at(9), at(10), "Sam\x1B"), "therapist");
}

BOOST_AUTO_TEST_CASE(reschedule_checks_the_new_times) {
    Session s = hour_session();
    s.reschedule(at(14), at(15, 30));
    BOOST_TEST(s.starts_at() == at(14));
    BOOST_TEST(s.minutes() == 90);
    KNOTWORK_CHECK_REFUSED(s.reschedule(at(15), at(14)), "end");
    KNOTWORK_CHECK_REFUSED(s.reschedule(at(8), at(16, 30)), "end");
    BOOST_TEST(s.starts_at() == at(14));
    BOOST_TEST(s.ends_at() == at(15, 30));
}

BOOST_AUTO_TEST_CASE(series_position_must_be_possible) {
    struct Row {
        int number;
        int of;
        bool accepted;
    };
    const std::vector<Row> rows{
        {1, 1, true}, {3, 6, true}, {6, 6, true}, {4, 3, false}, {0, 3, false}, {-1, 3, false}, {1, 0, false},
    };
    for (const auto& row : rows) {
        BOOST_TEST_CONTEXT("session " << row.number << " of " << row.of) {
            Session s = hour_session();
            const SeriesPosition p{5, row.number, row.of};
            if (row.accepted) {
                s.set_series(p);
                BOOST_TEST((s.series() == std::optional<SeriesPosition>(p)));
            } else {
                KNOTWORK_CHECK_REFUSED(s.set_series(p), "series position");
                BOOST_TEST(!s.series().has_value());
            }
        }
    }
    Session s = hour_session();
    s.set_series(SeriesPosition{5, 2, 6});
    s.set_series(std::nullopt);
    BOOST_TEST(!s.series().has_value());
}

BOOST_AUTO_TEST_CASE(status_changes) {
    Session s = hour_session();
    s.mark_no_show();
    BOOST_TEST(s.status() == AppointmentStatus::no_show);
    s.mark_completed();
    BOOST_TEST(s.status() == AppointmentStatus::completed);
    s.cancel("  Client unwell ");
    BOOST_TEST(s.status() == AppointmentStatus::cancelled);
    BOOST_TEST(s.status_reason() == "Client unwell");
    KNOTWORK_CHECK_REFUSED(s.mark_completed(), "status");
    BOOST_TEST(s.status() == AppointmentStatus::cancelled);
    KNOTWORK_CHECK_REFUSED(hour_session().cancel(std::string("a\0b", 3)), "cancellation reason");
}

BOOST_AUTO_TEST_CASE(write_note_checks_every_field) {
    struct Row {
        const char* what;
        std::function<void(SoapNote&)> change;
        const char* field;
    };
    const std::vector<Row> rows{
        {"subjective with invalid UTF-8", [](SoapNote& n) { n.subjective = "\xE2\x82"; }, "subjective"},
        {"objective with NUL", [](SoapNote& n) { n.objective = std::string("x\0", 2); }, "objective"},
        {"assessment with escape", [](SoapNote& n) { n.assessment = "\x1B[0m"; }, "assessment"},
        {"plan past the long limit", [](SoapNote& n) { n.plan = std::string(text::long_limit + 1, 'p'); },
         "plan"},
        {"adverse reactions with a surrogate", [](SoapNote& n) { n.adverse_reactions = "\xED\xB0\x80"; },
         "adverse reactions"},
        {"technique row without a technique", [](SoapNote& n) { n.techniques[1].technique = " "; },
         "technique row 2"},
        {"technique row of 0 minutes", [](SoapNote& n) { n.techniques[0].minutes = 0; },
         "technique row 1 minutes"},
        {"technique row of 181 minutes", [](SoapNote& n) { n.techniques[1].minutes = 181; },
         "technique row 2 minutes"},
    };
    for (const auto& row : rows) {
        BOOST_TEST_CONTEXT(row.what) {
            Session s = hour_session();
            SoapNote n = written_note();
            row.change(n);
            KNOTWORK_CHECK_REFUSED(s.write_note(n), row.field);
            BOOST_TEST(s.note().is_blank());
        }
    }
}

BOOST_AUTO_TEST_CASE(a_fifty_thousand_character_note_is_kept_whole) {
    Session s = hour_session();
    SoapNote n = written_note();
    std::string long_text;
    while (text::code_points(long_text) < 50'000) long_text += "R\xC3\xBC\x63ken \xF0\x9F\x92\x86 ";
    n.subjective = long_text;
    s.write_note(n);
    BOOST_TEST(s.note().subjective == long_text);
    BOOST_TEST(text::code_points(s.note().subjective) >= 50'000u);
}

BOOST_AUTO_TEST_CASE(technique_rows_are_trimmed_and_minutes_bounded) {
    Session s = hour_session();
    SoapNote n = written_note();
    n.techniques[0].technique = " swedish ";
    n.techniques[0].minutes = 1;
    n.techniques[1].minutes = 180;
    s.write_note(n);
    BOOST_TEST(s.note().techniques[0].technique == "swedish");
    BOOST_TEST(s.note().techniques[1].minutes == 180);
}

BOOST_AUTO_TEST_CASE(a_note_is_blank_until_something_is_written) {
    struct Row {
        const char* what;
        std::function<void(SoapNote&)> change;
        bool blank;
    };
    const std::vector<Row> rows{
        {"nothing", [](SoapNote&) {}, true},
        {"only whitespace", [](SoapNote& n) {
             n.subjective = "  ";
             n.plan = "\n\t";
         }, true},
        {"only pain scores", [](SoapNote& n) { n.pain_before = PainScore(5); }, true},
        {"subjective", [](SoapNote& n) { n.subjective = "Better"; }, false},
        {"objective", [](SoapNote& n) { n.objective = "Less tone"; }, false},
        {"assessment", [](SoapNote& n) { n.assessment = "Responded well"; }, false},
        {"plan", [](SoapNote& n) { n.plan = "Weekly"; }, false},
        {"a technique row", [](SoapNote& n) {
             n.techniques.push_back({"swedish", BodyRegion::trapezius_upper, Side::left, Pressure(3), 10});
         }, false},
        {"adverse reactions only", [](SoapNote& n) { n.adverse_reactions = "Dizzy when sitting up"; }, false},
    };
    for (const auto& row : rows) {
        BOOST_TEST_CONTEXT(row.what) {
            SoapNote n;
            row.change(n);
            BOOST_TEST(n.is_blank() == row.blank);
        }
    }
}

BOOST_AUTO_TEST_CASE(signing_needs_a_completed_session_and_a_written_note) {
    {
        Session s = hour_session();
        s.write_note(written_note());
        KNOTWORK_CHECK_REFUSED(s.sign("Sam Reyes", at(10, 5)), "status"); // still scheduled
        s.mark_no_show();
        KNOTWORK_CHECK_REFUSED(s.sign("Sam Reyes", at(10, 5)), "status");
        BOOST_TEST(!s.is_signed());
    }
    {
        Session s = hour_session();
        s.mark_completed();
        KNOTWORK_CHECK_REFUSED(s.sign("Sam Reyes", at(10, 5)), "note");
        SoapNote blank;
        blank.subjective = "   ";
        s.write_note(blank);
        KNOTWORK_CHECK_REFUSED(s.sign("Sam Reyes", at(10, 5)), "note");
        BOOST_TEST(!s.is_signed());
    }
    {
        Session s = hour_session();
        s.mark_completed();
        s.write_note(written_note());
        KNOTWORK_CHECK_REFUSED(s.sign("  ", at(10, 5)), "signed by");
        KNOTWORK_CHECK_REFUSED(s.sign("Sam Reyes", at(8, 59)), "signed at");
        KNOTWORK_CHECK_REFUSED(s.sign("Sam Reyes", DateTime()), "signed at");
        BOOST_TEST(!s.is_signed());
        s.sign(" Sam Reyes ", at(9)); // during the session is fine
        BOOST_TEST(s.is_signed());
        BOOST_TEST((s.signature() == std::optional<Signature>(Signature{"Sam Reyes", at(9)})));
    }
}

BOOST_AUTO_TEST_CASE(a_signed_note_is_locked_for_good) {
    Session s = signed_session();
    const SoapNote signed_note = s.note();

    struct Row {
        const char* what;
        std::function<void(Session&)> action;
    };
    const std::vector<Row> rows{
        {"write the note again", [](Session& x) { x.write_note(SoapNote{}); }},
        {"write a changed note",
         [](Session& x) {
             SoapNote n = x.note();
             n.assessment = "Actually worse";
             x.write_note(n);
         }},
        {"sign again", [](Session& x) { x.sign("Someone Else", at(11)); }},
        {"reschedule", [](Session& x) { x.reschedule(at(11), at(12)); }},
        {"cancel", [](Session& x) { x.cancel("Backdated cancellation"); }},
        {"mark a no-show", [](Session& x) { x.mark_no_show(); }},
    };
    for (const auto& row : rows) {
        BOOST_TEST_CONTEXT(row.what) {
            BOOST_CHECK_THROW(row.action(s), LockedRecordError);
            BOOST_TEST((s.note() == signed_note));
            BOOST_TEST(s.status() == AppointmentStatus::completed);
            BOOST_TEST(s.starts_at() == at(9));
            BOOST_TEST(s.signature()->signed_by == "Sam Reyes");
            BOOST_TEST(s.signature()->signed_at == at(10, 5));
        }
    }
}

BOOST_AUTO_TEST_CASE(locked_message_says_who_signed_and_when) {
    Session s = signed_session();
    try {
        s.write_note(written_note());
        BOOST_ERROR("a signed note was rewritten");
    } catch (const LockedRecordError& e) {
        const std::string m = e.what();
        BOOST_TEST(m.find("Sam Reyes") != std::string::npos, m);
        BOOST_TEST(m.find("2026-03-02T10:05:00") != std::string::npos, m);
        BOOST_TEST(m.find("amendment") != std::string::npos, m);
    }
}

BOOST_AUTO_TEST_CASE(amendments_only_after_signing) {
    Session s = hour_session();
    s.mark_completed();
    s.write_note(written_note());
    KNOTWORK_CHECK_REFUSED(s.amend("Sam Reyes", at(11), "Typo", "Pain after was 4/10"), "amendment");
    BOOST_TEST(s.amendments().empty());
}

BOOST_AUTO_TEST_CASE(amendments_need_author_reason_text_and_a_time_after_signing) {
    struct Row {
        const char* what;
        std::string author;
        DateTime time;
        std::string reason;
        std::string text;
        const char* field;
    };
    const std::vector<Row> rows{
        {"no author", "", at(11), "Typo", "Pain after was 4/10", "amendment author"},
        {"blank author", "  ", at(11), "Typo", "Pain after was 4/10", "amendment author"},
        {"no reason", "Sam Reyes", at(11), "", "Pain after was 4/10", "amendment reason"},
        {"no text", "Sam Reyes", at(11), "Typo", " \n ", "amendment text"},
        {"text with NUL", "Sam Reyes", at(11), "Typo", std::string("a\0", 2), "amendment text"},
        {"before the signature", "Sam Reyes", at(10, 4), "Typo", "Pain after was 4/10", "amendment time"},
        {"no time", "Sam Reyes", DateTime(), "Typo", "Pain after was 4/10", "amendment time"},
    };
    for (const auto& row : rows) {
        BOOST_TEST_CONTEXT(row.what) {
            Session s = signed_session();
            KNOTWORK_CHECK_REFUSED(s.amend(row.author, row.time, row.reason, row.text), row.field);
            BOOST_TEST(s.amendments().empty());
        }
    }
}

BOOST_AUTO_TEST_CASE(amendments_append_and_leave_the_note_untouched) {
    Session s = signed_session();
    const SoapNote signed_note = s.note();
    const Amendment& first = s.amend(" Sam Reyes ", at(11), " Wrong score ", " Pain after was 4/10, not 3/10. ");
    BOOST_TEST(first.author == "Sam Reyes");
    BOOST_TEST(first.reason == "Wrong score");
    BOOST_TEST(first.text == "Pain after was 4/10, not 3/10.");
    BOOST_TEST(first.written_at == at(11));
    s.amend("Alex Kim", at(9, 0, Date(2026, 3, 9)), "Supervisor review", "Reviewed; agree with plan.");
    BOOST_TEST_REQUIRE(s.amendments().size() == 2u);
    BOOST_TEST(s.amendments()[0].author == "Sam Reyes");
    BOOST_TEST(s.amendments()[1].author == "Alex Kim");
    BOOST_TEST((s.note() == signed_note));
    BOOST_TEST(s.is_signed());
}

BOOST_AUTO_TEST_CASE(pain_change_is_after_minus_before) {
    struct Row {
        std::optional<int> before;
        std::optional<int> after;
        std::optional<int> change;
    };
    const std::vector<Row> rows{
        {6, 3, -3}, {3, 3, 0}, {2, 5, 3}, {0, 10, 10}, {std::nullopt, 3, std::nullopt},
        {6, std::nullopt, std::nullopt}, {std::nullopt, std::nullopt, std::nullopt},
    };
    for (const auto& row : rows) {
        BOOST_TEST_CONTEXT("before " << row.before.value_or(-1) << ", after " << row.after.value_or(-1)) {
            Session s = hour_session();
            SoapNote n = written_note();
            n.pain_before = row.before ? std::optional<PainScore>(PainScore(*row.before)) : std::nullopt;
            n.pain_after = row.after ? std::optional<PainScore>(PainScore(*row.after)) : std::nullopt;
            s.write_note(n);
            BOOST_TEST(s.pain_change() == row.change);
        }
    }
}

BOOST_AUTO_TEST_CASE(restore_functions_rebuild_a_stored_session) {
    Session s = hour_session();
    s.restore_status(AppointmentStatus::completed, "");
    s.restore_signature({"Sam Reyes", at(10)});
    s.restore_amendments({Amendment{1, "Sam Reyes", at(12), "Typo", "Fixed"}});
    BOOST_TEST(s.is_signed());
    BOOST_TEST(s.amendments().size() == 1u);
    BOOST_CHECK_THROW(s.write_note(written_note()), LockedRecordError);
}

BOOST_AUTO_TEST_CASE(codes_are_stable) {
    BOOST_TEST(to_code(AppointmentStatus::no_show) == "no_show");
    BOOST_TEST(label(AppointmentStatus::no_show) == "No-show");
    BOOST_TEST(from_code<AppointmentStatus>("status", "cancelled") == AppointmentStatus::cancelled);
}

BOOST_AUTO_TEST_SUITE_END()

// The rules the schedule's writes apply without loading a note: the same as Session's own.
BOOST_AUTO_TEST_SUITE(appointment_rules)

BOOST_AUTO_TEST_CASE(status_changes_follow_the_sessions_rules) {
    using AS = AppointmentStatus;
    namespace rules = knotwork::appointment_rules;
    const std::optional<Signature> unsigned_note;
    const std::optional<Signature> signed_note = Signature{"Mara", DateTime(Date(2026, 3, 2), boost::posix_time::hours(12))};

    const auto cancelled = rules::change_status(AS::scheduled, unsigned_note, AS::cancelled, "  Client unwell ");
    BOOST_TEST(cancelled.status == AS::cancelled);
    BOOST_TEST(cancelled.reason == "Client unwell");
    BOOST_TEST(rules::change_status(AS::cancelled, unsigned_note, AS::no_show).reason.empty());
    BOOST_TEST(rules::change_status(AS::scheduled, unsigned_note, AS::completed).status == AS::completed);
    BOOST_CHECK_THROW(rules::change_status(AS::cancelled, unsigned_note, AS::completed), ValidationError);
    BOOST_CHECK_THROW(rules::change_status(AS::completed, unsigned_note, AS::scheduled), ValidationError);
    BOOST_CHECK_THROW(rules::change_status(AS::scheduled, unsigned_note, AS::cancelled, std::string("ill\x01")),
                      ValidationError);
    BOOST_CHECK_THROW(rules::change_status(AS::completed, signed_note, AS::cancelled, "x"), LockedRecordError);
    BOOST_CHECK_THROW(rules::change_status(AS::completed, signed_note, AS::no_show), LockedRecordError);
    BOOST_CHECK_THROW(rules::require_unsigned(signed_note, "moving the session"), LockedRecordError);
    BOOST_CHECK_THROW(rules::check_times(DateTime(Date(2026, 3, 2), boost::posix_time::hours(10)),
                                         DateTime(Date(2026, 3, 2), boost::posix_time::hours(9))),
                      ValidationError);
    BOOST_TEST(rules::therapist_name("  Jo Park ") == "Jo Park");
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace knotwork::test
