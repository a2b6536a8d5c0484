// File > Export and File > Import without a display: which items each account is offered, the
// names the save dialogs suggest, the options the calendar dialog's choices stand for (the same as
// knotwork-cli's), the therapists a calendar can be limited to, and the sentences that report
// what was written or what is wrong with a file.
#include "transfer/transfer_presenter.h"

#include "common/error.h"
#include "core/demo_practice.h"
#include "database.h"
#include "repositories/session_repository.h"

#include "domain_printers.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <vector>

using namespace knotwork;
using gui::PracticeAccess;
using gui::TransferItem;

namespace knotwork::gui {
std::ostream& operator<<(std::ostream& os, TransferItem i) { return os << "transfer item #" << static_cast<int>(i); }
} // namespace knotwork::gui

namespace {

const PracticeAccess file_access;
const PracticeAccess therapist(true, true, "dr_mara", "dr_mara@clinic:5432/practice");
const PracticeAccess front_desk(true, false, "desk_sam", "desk_sam@clinic:5432/practice");

const std::vector<TransferItem> every_item{TransferItem::export_calendar, TransferItem::export_clients,
                                           TransferItem::export_appointments, TransferItem::export_record,
                                           TransferItem::import_clients, TransferItem::import_record};

} // namespace

BOOST_AUTO_TEST_SUITE(transfer_presenter)

BOOST_AUTO_TEST_CASE(a_therapist_is_offered_every_item_and_the_record_export_needs_a_client) {
    for (const PracticeAccess* access : {&file_access, &therapist}) {
        for (TransferItem item : every_item) {
            BOOST_TEST_CONTEXT(item << (access->on_server() ? " on a server" : " on a file")) {
                BOOST_TEST(gui::transfer_enabled(item, *access, true));
                BOOST_TEST(gui::transfer_enabled(item, *access, false) == (item != TransferItem::export_record));
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(the_front_desk_is_offered_the_calendar_and_csv_but_no_clinical_record) {
    for (TransferItem item : every_item) {
        BOOST_TEST_CONTEXT(item) {
            const bool clinical = item == TransferItem::export_record || item == TransferItem::import_record;
            BOOST_TEST(gui::transfer_enabled(item, front_desk, true) == !clinical);
            BOOST_TEST(gui::transfer_enabled(item, front_desk, false) == !clinical);
        }
    }
}

BOOST_AUTO_TEST_CASE(save_dialogs_suggest_names_that_say_what_the_file_holds) {
    const Date today(2026, 3, 1);
    struct Case {
        TransferItem item;
        std::string client_name;
        ClientId client;
        std::string expected;
    };
    const std::vector<Case> cases{
        {TransferItem::export_calendar, "", 0, "knotwork-schedule.ics"},
        {TransferItem::export_clients, "", 0, "knotwork-clients-2026-03-01.csv"},
        {TransferItem::export_appointments, "", 0, "knotwork-appointments-2026-03-01.csv"},
        {TransferItem::export_record, "Okafor, Ngozi", 7, "record-okafor-ngozi.json"},
        {TransferItem::export_record, "O'Brien  (Sean)", 7, "record-o-brien-sean.json"},
        {TransferItem::export_record, "V\xc3\xb5, Qu\xe1\xbb\x91\x63", 12, "record-v\xc3\xb5-qu\xe1\xbb\x91\x63.json"}, // Võ, Quốc
        {TransferItem::export_record, " -- ", 12, "record-client-12.json"},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.item << " " << c.client_name) {
            BOOST_TEST(gui::default_file_name(c.item, today, c.client_name, c.client) == c.expected);
        }
    }
}

BOOST_AUTO_TEST_CASE(the_export_range_defaults_to_the_next_three_months) {
    const auto range = gui::default_export_range(Date(2026, 1, 31));
    BOOST_TEST(range.from == Date(2026, 1, 31));
    BOOST_TEST(range.to == Date(2026, 4, 29)); // 30 April less a day: three months, the end excluded
    BOOST_TEST(gui::range_problem(range).empty());
    BOOST_TEST(gui::range_problem({Date(2026, 2, 2), Date(2026, 2, 1)}) == "The last day must not be before the first.");
    BOOST_TEST(gui::range_problem({Date(2026, 2, 2), Date(2026, 2, 2)}).empty());
}

BOOST_AUTO_TEST_CASE(the_calendar_dialogs_choices_become_the_clis_options) {
    const DateTime stamp(Date(2026, 3, 1), boost::posix_time::hours(9));
    gui::CalendarChoices choices;
    choices.range = {Date(2026, 3, 1), Date(2026, 5, 31)};
    BOOST_REQUIRE_EQUAL(gui::summary_choices().size(), 3u);
    const std::vector<app::CalendarSummary> expected{app::CalendarSummary::client_name, app::CalendarSummary::initials,
                                                     app::CalendarSummary::none};
    for (std::size_t i = 0; i < expected.size(); ++i) {
        BOOST_TEST_CONTEXT("summary choice " << i) {
            choices.summary = i;
            const app::CalendarOptions options = gui::calendar_options(choices, stamp);
            BOOST_TEST((options.summary == expected[i]));
            BOOST_TEST(!options.therapist.has_value()); // every therapist
            BOOST_TEST(options.from == std::optional<Date>(Date(2026, 3, 1)));
            BOOST_TEST(options.to == std::optional<Date>(Date(2026, 5, 31)));
            BOOST_TEST(options.uid_domain == std::string(app::default_uid_domain));
            BOOST_TEST(options.stamp == stamp);
        }
    }
    choices.therapist = "Mara Lindqvist";
    BOOST_TEST(gui::calendar_options(choices, stamp).therapist == std::optional<std::string>("Mara Lindqvist"));
    choices.range = {Date(2026, 3, 2), Date(2026, 3, 1)};
    BOOST_CHECK_THROW(gui::calendar_options(choices, stamp), ValidationError);
}

BOOST_AUTO_TEST_CASE(the_calendar_offers_every_therapist_booked_near_today_as_booked) {
    const auto db = db::Database::open(":memory:", {.create_if_missing = true, .actor = "test"});
    BOOST_TEST(gui::calendar_therapists(*db, Date(2026, 3, 1)).empty());
    app::DemoOptions options;
    options.clients = 12;
    options.today = Date(2026, 3, 1);
    app::generate_demo_practice(*db, options);
    const auto names = gui::calendar_therapists(*db, options.today);
    BOOST_TEST_REQUIRE(!names.empty());
    BOOST_TEST(std::is_sorted(names.begin(), names.end()));
    BOOST_TEST((std::adjacent_find(names.begin(), names.end()) == names.end()));
    // Each name selects appointments: the export matches names exactly.
    const auto booked = db::SessionRepository(*db).between(DateTime(Date(2025, 3, 1)), DateTime(Date(2027, 3, 2)));
    for (const auto& name : names) {
        BOOST_TEST_CONTEXT(name) {
            BOOST_TEST(std::any_of(booked.begin(), booked.end(), [&](const auto& a) { return a.therapist == name; }));
        }
    }
}

BOOST_AUTO_TEST_CASE(messages_say_how_many_were_written_and_where) {
    BOOST_TEST(gui::exported_message(214, "appointment", "appointments", "/home/mara/knotwork-schedule.ics") ==
               "Exported 214 appointments to /home/mara/knotwork-schedule.ics.");
    BOOST_TEST(gui::exported_message(1, "client", "clients", "c.csv") == "Exported 1 client to c.csv.");
    BOOST_TEST(gui::exported_record_message("Ngozi Okafor", "r.json") == "Exported the record of Ngozi Okafor to r.json.");
    app::RecordImportResult r;
    r.client = 5;
    r.assessments = 2;
    r.plans = 1;
    r.sessions = 8;
    r.signed_notes = 6;
    r.amendments = 1;
    BOOST_TEST(gui::imported_record_message(r, "Ngozi Okafor") ==
               "Imported the record of Ngozi Okafor: 2 assessments, 1 plan, 8 sessions (6 signed), 1 amendment.");
}

BOOST_AUTO_TEST_CASE(a_checked_import_with_bad_rows_lists_each_problem) {
    app::ImportResult checked;
    checked.rows = 5;
    checked.problems = {{2, "date_of_birth", "must be a date written YYYY-MM-DD"},
                        {2, "sex", "must be one of female, male, other, unknown"},
                        {4, "", "has 3 fields; the header has 5"}};
    const gui::ImportReview review = gui::review_import(checked);
    BOOST_TEST(review.rows == 5u);
    BOOST_TEST(review.bad_rows == 2u);
    BOOST_TEST(review.good_rows == 3u);
    BOOST_TEST(review.heading == "2 of 5 rows have problems; nothing was imported.");
    BOOST_TEST_REQUIRE(review.problems.size() == 3u);
    BOOST_TEST(review.problems[0] == "line 2, date_of_birth: must be a date written YYYY-MM-DD");
    BOOST_TEST(review.problems[2] == "line 4: has 3 fields; the header has 5");

    checked.imported = {11, 12, 13};
    BOOST_TEST(gui::imported_clients_message(checked, "/tmp/in/clients.csv") ==
               "Imported 3 clients from clients.csv; 2 rows with problems were left out.");
    checked.problems.pop_back();
    BOOST_TEST(gui::imported_clients_message(checked, "clients.csv") ==
               "Imported 3 clients from clients.csv; 1 row with problems was left out.");
    checked.problems.clear();
    BOOST_TEST(gui::imported_clients_message(checked, "clients.csv") == "Imported 3 clients from clients.csv.");
    app::ImportResult empty;
    BOOST_TEST(gui::imported_clients_message(empty, "clients.csv") == "clients.csv holds no clients; nothing was imported.");
}

BOOST_AUTO_TEST_SUITE_END()
