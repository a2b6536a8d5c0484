// The client list presenter: filtering as the therapist types, archived clients, row text.
#include "clients/client_list_presenter.h"

#include "core/display_format.h"
#include "database.h"
#include "repositories/client_repository.h"

#include <boost/test/unit_test.hpp>

using namespace knotwork;

namespace {

struct Practice {
    std::unique_ptr<db::Database> db = db::Database::open(":memory:", {.create_if_missing = true, .actor = "test"});

    ClientId add(const std::string& family, const std::string& given, const std::string& phone, Date born) {
        ClientDetails d;
        d.family_name = family;
        d.given_name = given;
        d.phone = phone;
        d.date_of_birth = born;
        Client c(d, Date(2026, 6, 1));
        db::Transaction tx(*db);
        const ClientId id = db::ClientRepository(*db).add(c);
        tx.commit();
        return id;
    }
};

} // namespace

BOOST_AUTO_TEST_SUITE(client_list_presenter)

BOOST_AUTO_TEST_CASE(filters_by_name_fragment_phone_and_birth_date) {
    Practice p;
    p.add("Okafor", "Adaeze", "555-0101", Date(1980, 4, 2));
    p.add("García", "Lucía", "555-0199", Date(1975, 11, 30));
    p.add("Okonkwo", "Emeka", "555-0300", Date(1990, 1, 15));
    gui::ClientListPresenter list(*p.db);
    list.refresh();
    BOOST_TEST(list.size() == 3u);
    struct Case {
        std::string filter;
        std::size_t expected;
    };
    for (const Case& c : {Case{"oka", 1}, Case{"OK", 2}, Case{"kon", 1}, Case{"555-0199", 1}, Case{"1990-01", 1},
                          Case{"ok emeka", 1}, Case{"nobody", 0}, Case{"", 3}}) {
        BOOST_TEST_CONTEXT("filter \"" << c.filter << "\"") {
            list.set_filter(c.filter);
            BOOST_TEST(list.size() == c.expected);
        }
    }
    list.set_filter("nobody");
    BOOST_TEST(list.status_text() == "No client matches \"nobody\"");
    list.set_filter("okafor");
    BOOST_TEST(list.status_text() == "1 client");
}

BOOST_AUTO_TEST_CASE(archived_clients_show_only_when_asked) {
    Practice p;
    const ClientId id = p.add("Nguyen", "Minh", "", Date(1985, 2, 3));
    p.add("Nakamura", "Yui", "", Date(1992, 7, 8));
    {
        db::Transaction tx(*p.db);
        db::ClientRepository repo(*p.db);
        Client c = repo.get(id);
        repo.archive(c, Date(2026, 5, 1));
        tx.commit();
    }
    gui::ClientListPresenter list(*p.db);
    list.refresh();
    BOOST_TEST(list.size() == 1u);
    BOOST_TEST(!list.index_of(id).has_value());
    BOOST_TEST(list.set_show_archived(true));
    BOOST_TEST(list.size() == 2u);
    const auto row = list.index_of(id);
    BOOST_TEST_REQUIRE(row.has_value());
    BOOST_TEST(gui::ClientListPresenter::cell(list.at(*row), gui::ClientListPresenter::Column::name) ==
               "Nguyen, Minh [archived]");
}

BOOST_AUTO_TEST_CASE(rows_are_sorted_by_family_name_and_show_birth_date) {
    Practice p;
    p.add("Zhou", "Wei", "", Date(1970, 1, 1));
    p.add("Abebe", "Sara", "+251 11 555 0000", Date(1988, 3, 9));
    gui::ClientListPresenter list(*p.db);
    list.refresh();
    BOOST_TEST_REQUIRE(list.size() == 2u);
    BOOST_TEST(list.at(0).family_name == "Abebe");
    BOOST_TEST(gui::ClientListPresenter::cell(list.at(0), gui::ClientListPresenter::Column::date_of_birth) == "1988-03-09");
    BOOST_TEST(gui::ClientListPresenter::cell(list.at(0), gui::ClientListPresenter::Column::phone) == "+251 11 555 0000");
}

BOOST_AUTO_TEST_CASE(birth_date_shows_in_the_installed_format_and_the_filter_still_takes_iso) {
    Practice p;
    p.add("Abebe", "Sara", "", Date(1988, 3, 9));
    p.add("Zhou", "Wei", "", Date(1970, 1, 1));
    gui::ClientListPresenter list(*p.db);
    list.refresh();
    BOOST_TEST_REQUIRE(list.size() == 2u);
    const app::DisplayFormat saved = app::set_display_format({[](Date d) {
        return std::to_string(static_cast<int>(d.day())) + "." + std::to_string(static_cast<int>(d.month())) +
               "." + std::to_string(static_cast<int>(d.year()));
    }});
    const auto born = gui::ClientListPresenter::Column::date_of_birth;
    const std::string shown = gui::ClientListPresenter::cell(list.at(0), born);
    list.set_filter("1988-03");
    const std::size_t found = list.size();
    app::set_display_format(saved);
    BOOST_TEST(shown == "9.3.1988");
    BOOST_TEST(found == 1u);
    BOOST_TEST(gui::ClientListPresenter::cell(list.at(0), born) == "1988-03-09");
}

BOOST_AUTO_TEST_CASE(a_long_list_is_read_page_by_page_in_the_same_order_as_one_search) {
    Practice p;
    const std::size_t clients = gui::ClientListPresenter::page_size * 2 + 57;
    {
        db::Transaction tx(*p.db);
        for (std::size_t i = 0; i < clients; ++i) {
            ClientDetails d;
            // Family names out of order and repeated, so the order depends on given name and id too.
            d.family_name = "Family" + std::to_string((i * 37) % 101);
            d.given_name = (i % 3 == 0) ? "Ann" : "Bo";
            Client c(d, Date(2026, 6, 1));
            db::ClientRepository(*p.db).add(c);
        }
        tx.commit();
    }
    db::ClientQuery all;
    all.limit = 1'000'000;
    const auto expected = db::ClientRepository(*p.db).search(all);
    BOOST_REQUIRE(expected.size() == clients);

    gui::ClientListPresenter list(*p.db);
    list.refresh();
    BOOST_TEST(list.size() == clients);
    BOOST_TEST(list.rows_read() == gui::ClientListPresenter::page_size);
    BOOST_TEST(list.status_text() == std::to_string(clients) + " clients");
    // The last row first, as a scroll to the end asks for it.
    BOOST_TEST(list.at(clients - 1).id == expected.back().id);
    BOOST_TEST(list.rows_read() == clients);
    for (std::size_t i = 0; i < clients; ++i) BOOST_TEST_REQUIRE(list.at(i).id == expected[i].id, "row " << i);
    BOOST_CHECK_THROW(list.at(clients), std::out_of_range);

    // A filter counts every match but reads one page; a client beyond it is still found.
    list.set_filter("bo");
    const std::size_t bos = clients - (clients + 2) / 3;
    BOOST_TEST(list.size() == bos);
    BOOST_TEST(list.rows_read() == gui::ClientListPresenter::page_size);
    db::ClientQuery q;
    q.text = "bo";
    q.limit = 1'000'000;
    const auto matching = db::ClientRepository(*p.db).search(q);
    BOOST_REQUIRE(matching.size() == bos);
    const auto last = list.index_of(matching.back().id);
    BOOST_TEST_REQUIRE(last.has_value());
    BOOST_TEST(*last == bos - 1);
    BOOST_TEST(list.index_of(expected.front().id).has_value() == (expected.front().given_name == "Bo"));
}

BOOST_AUTO_TEST_SUITE_END()
