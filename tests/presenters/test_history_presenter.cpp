// The History window's presenter: a client's audit entries newest first, in words, with the old and
// new value of each changed field, chart views optionally hidden, long values cut in the list and
// whole in the details.
#include "history/history_presenter.h"

#include "audit_log.h"
#include "core/chart.h"
#include "core/display_format.h"
#include "database.h"
#include "repositories/client_repository.h"
#include "repositories/session_repository.h"

#include <boost/test/unit_test.hpp>

using namespace knotwork;

namespace {

DateTime at(int y, int m, int d, int h) {
    return DateTime(Date(y, m, d), boost::posix_time::hours(h));
}

// The log's times shown two hours ahead, so the test sees the conversion happen.
DateTime two_hours_ahead(DateTime utc) {
    return utc + boost::posix_time::hours(2);
}

struct Practice {
    std::unique_ptr<db::Database> db =
        db::Database::open(":memory:", {.create_if_missing = true, .actor = "mara"});

    template <typename Work> void in_transaction(Work&& work) {
        db::Transaction tx(*db);
        work();
        tx.commit();
    }
};

std::vector<std::string> column(const gui::HistoryPresenter& h, gui::HistoryPresenter::Column c) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < h.size(); ++i)
        out.push_back(h.cell(i, c));
    return out;
}

} // namespace

BOOST_AUTO_TEST_SUITE(history_presenter)

BOOST_AUTO_TEST_CASE(lists_a_clients_entries_newest_first_with_old_and_new_values) {
    Practice p;
    ClientDetails d;
    d.family_name = "Okafor";
    d.given_name = "Ngozi";
    d.phone = "555-0101";
    Client c(d, Date(2026, 3, 1));
    p.in_transaction([&] { db::ClientRepository(*p.db).add(c); });
    d.phone = "555-0199";
    d.email = "ngozi@example.org";
    c.revise(d, Date(2026, 3, 1));
    p.db->set_actor("jo");
    p.in_transaction([&] { db::ClientRepository(*p.db).update(c); });
    Session s(c.id(), at(2026, 3, 4, 9), at(2026, 3, 4, 10), "Mara");
    p.in_transaction([&] { db::SessionRepository(*p.db).add(s); });
    s.mark_completed();
    SoapNote n;
    n.subjective = "Stiff\nafter gardening";
    s.write_note(n);
    p.in_transaction([&] { db::SessionRepository(*p.db).save(s); });
    Session mistake(c.id(), at(2026, 3, 10, 9), at(2026, 3, 10, 10), "Mara");
    p.in_transaction([&] { db::SessionRepository(*p.db).add(mistake); });
    p.in_transaction([&] { db::SessionRepository(*p.db).remove(mistake); });
    app::load_chart(*p.db, c.id()); // a chart view
    p.in_transaction([&] { db::ClientRepository(*p.db).archive(c, Date(2026, 3, 5)); });

    gui::HistoryPresenter h(*p.db, c.id(), two_hours_ahead);
    using Column = gui::HistoryPresenter::Column;
    BOOST_TEST(h.title() == "History of Ngozi Okafor");
    BOOST_TEST(column(h, Column::action) ==
               (std::vector<std::string>{"Archived", "Viewed", "Deleted", "Created", "Changed", "Created",
                                         "Changed", "Created"}));
    BOOST_TEST(column(h, Column::record) ==
               (std::vector<std::string>{"Client", "Client", "Session 2026-03-10", "Session 2026-03-10",
                                         "Session 2026-03-04", "Session 2026-03-04", "Client", "Client"}));
    BOOST_TEST(column(h, Column::who) ==
               (std::vector<std::string>{"jo", "jo", "jo", "jo", "jo", "jo", "jo", "mara"}));
    BOOST_TEST(h.cell(0, Column::changes) == "Archived on: (none) \u2192 2026-03-05");
    BOOST_TEST(h.cell(1, Column::changes) == "chart viewed");
    BOOST_TEST(h.cell(4, Column::changes) ==
               "Status: Scheduled \u2192 Completed; Subjective: (none) \u2192 Stiff after gardening");
    BOOST_TEST(h.cell(6, Column::changes) ==
               "Phone: 555-0101 \u2192 555-0199; Email: (none) \u2192 ngozi@example.org");
    BOOST_TEST(h.status_text() == "8 entries");

    // When is the local wall clock, from the log's UTC time.
    const db::AuditEntry& newest = h.entry(0);
    BOOST_TEST(newest.action == "archive");
    BOOST_TEST(h.cell(0, Column::when) == app::format_date_time(newest.at + boost::posix_time::hours(2)));

    // The details keep line breaks and say before and after.
    BOOST_TEST(h.details(4) == h.cell(4, Column::when) + "  jo  Changed  Session 2026-03-04\n" +
                                   "Completed; changed: status, subjective\n"
                                   "\nStatus\n  before: Scheduled\n  after: Completed\n"
                                   "\nSubjective\n  before: (none)\n  after: Stiff\nafter gardening\n");
}

BOOST_AUTO_TEST_CASE(signatures_and_amendments_read_as_what_they_added) {
    Practice p;
    ClientDetails d;
    d.family_name = "Li";
    d.given_name = "Wei";
    Client c(d, Date(2026, 3, 1));
    p.in_transaction([&] { db::ClientRepository(*p.db).add(c); });
    Session s(c.id(), at(2026, 3, 4, 9), at(2026, 3, 4, 10), "Mara");
    p.in_transaction([&] { db::SessionRepository(*p.db).add(s); });
    s.mark_completed();
    SoapNote n;
    n.subjective = "Better";
    s.write_note(n);
    s.sign("Mara", at(2026, 3, 4, 11));
    p.in_transaction([&] { db::SessionRepository(*p.db).save(s); });
    s.amend("Mara", at(2026, 3, 4, 12), "Typo", "Left, not right.");
    p.in_transaction([&] { db::SessionRepository(*p.db).save(s); });

    gui::HistoryPresenter h(*p.db, c.id(), two_hours_ahead);
    using Column = gui::HistoryPresenter::Column;
    BOOST_TEST_REQUIRE(h.size() == 5u);
    BOOST_TEST(h.cell(0, Column::action) == "Amended");
    BOOST_TEST(h.cell(0, Column::changes) == "Amendment: Left, not right.");
    BOOST_TEST(h.cell(1, Column::action) == "Signed");
    BOOST_TEST(h.cell(1, Column::changes) == "Signed by: Mara; Signed at: 2026-03-04 11:00");
    BOOST_TEST(h.cell(3, Column::action) == "Created");
    BOOST_TEST(h.cell(3, Column::record) == "Session 2026-03-04");
    BOOST_TEST(h.cell(3, Column::changes) == "2026-03-04 09:00, Scheduled");
}

BOOST_AUTO_TEST_CASE(chart_views_can_be_hidden_and_shown_again) {
    Practice p;
    ClientDetails d;
    d.family_name = "Li";
    d.given_name = "Wei";
    Client c(d, Date(2026, 3, 1));
    p.in_transaction([&] { db::ClientRepository(*p.db).add(c); });
    app::load_chart(*p.db, c.id());
    app::load_chart(*p.db, c.id());

    gui::HistoryPresenter h(*p.db, c.id(), two_hours_ahead);
    BOOST_TEST(h.size() == 3u);
    BOOST_TEST(h.set_hide_views(true));
    BOOST_TEST(!h.set_hide_views(true));
    BOOST_TEST(h.size() == 1u);
    BOOST_TEST(h.at(0).action == "Created");
    BOOST_TEST(h.entry(0).action == "create");
    BOOST_TEST(h.status_text() == "1 entry (2 chart views hidden)");
    BOOST_TEST(h.set_hide_views(false));
    BOOST_TEST(h.size() == 3u);

    // refresh() picks up what was written since.
    app::load_chart(*p.db, c.id());
    h.refresh();
    BOOST_TEST(h.size() == 4u);
}

BOOST_AUTO_TEST_CASE(a_long_value_is_cut_in_the_list_and_whole_in_the_details) {
    Practice p;
    ClientDetails d;
    d.family_name = "Li";
    d.given_name = "Wei";
    Client c(d, Date(2026, 3, 1));
    p.in_transaction([&] { db::ClientRepository(*p.db).add(c); });
    // 59 ASCII characters, then a 4-byte emoji straddling the cut, then more.
    const std::string long_note = std::string(59, 'a') + "\xF0\x9F\x98\x80" + std::string(40, 'b');
    d.health_notes = long_note;
    c.revise(d, Date(2026, 3, 1));
    p.in_transaction([&] { db::ClientRepository(*p.db).update(c); });

    gui::HistoryPresenter h(*p.db, c.id(), two_hours_ahead);
    BOOST_TEST(h.cell(0, gui::HistoryPresenter::Column::changes) ==
               "Health notes: (none) \u2192 " + std::string(59, 'a') + "\u2026");
    BOOST_TEST(h.details(0).find("  after: " + long_note + "\n") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(fields_and_actions_read_as_words) {
    using H = gui::HistoryPresenter;
    struct Case {
        const char* field;
        const char* label;
    };
    for (const Case& c : {Case{"phone", "Phone"}, Case{"date_of_birth", "Date of birth"},
                          Case{"odi_lifting", "ODI: Lifting"}, Case{"odi_nonsense", "Odi nonsense"},
                          Case{"some_new_field", "Some new field"}, Case{"archived_on", "Archived on"}}) {
        BOOST_TEST_CONTEXT(c.field) {
            BOOST_TEST(H::field_label(c.field) == c.label);
        }
    }
    BOOST_TEST(H::action_label("sign") == "Signed");
    BOOST_TEST(H::action_label("delete") == "Deleted");
    BOOST_TEST(H::action_label("export") == "Exported");
    BOOST_TEST(H::action_label("mystery") == "mystery");
}

BOOST_AUTO_TEST_CASE(an_unknown_client_is_refused) {
    Practice p;
    BOOST_CHECK_THROW(gui::HistoryPresenter(*p.db, 42), NotFoundError);
}

BOOST_AUTO_TEST_SUITE_END()
