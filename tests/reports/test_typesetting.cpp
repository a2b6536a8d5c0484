// Pins the paginator of reports/typesetting: where blocks land on pages. A table row is never cut,
// a heading never ends a page, a table's headings repeat above rows that start a page, a paragraph
// is cut only where it allows, and a block taller than a page still ends up somewhere.
#include "typesetting.h"

#include <boost/test/unit_test.hpp>

#include <memory>
#include <vector>

namespace knotwork::test {

namespace {

using report::typeset::Block;
using report::typeset::Placement;

std::shared_ptr<Block> block(double height, double space_before = 0) {
    auto b = std::make_shared<Block>();
    b->height = height;
    b->space_before = space_before;
    b->draw = [](cairo_t*, double, double, double, double) {};
    return b;
}

std::vector<std::vector<Placement>> flow(const std::vector<std::shared_ptr<Block>>& blocks, double page = 100) {
    std::vector<std::shared_ptr<const Block>> in(blocks.begin(), blocks.end());
    return report::typeset::paginate(in, [page](std::size_t) { return report::typeset::PageArea{0, page}; });
}

// Which page each block's first piece is on.
std::size_t page_of(const std::vector<std::vector<Placement>>& pages, const std::shared_ptr<Block>& b) {
    for (std::size_t p = 0; p < pages.size(); ++p)
        for (const auto& placed : pages[p])
            if (placed.block == b.get()) return p;
    return 999;
}

} // namespace

BOOST_AUTO_TEST_SUITE(paginator)

BOOST_AUTO_TEST_CASE(blocks_fill_a_page_then_the_next) {
    auto a = block(40), b = block(40), c = block(40);
    const auto pages = flow({a, b, c});
    BOOST_TEST_REQUIRE(pages.size() == 2u);
    BOOST_TEST(page_of(pages, b) == 0u);
    BOOST_TEST(page_of(pages, c) == 1u);
    BOOST_TEST(pages[1][0].y == 0.0);
}

BOOST_AUTO_TEST_CASE(a_row_is_never_cut) {
    auto a = block(80), row = block(30);
    const auto pages = flow({a, row});
    BOOST_TEST_REQUIRE(pages.size() == 2u);
    BOOST_TEST_REQUIRE(pages[1].size() == 1u);
    BOOST_TEST(pages[1][0].from == 0.0);
    BOOST_TEST(pages[1][0].to == 30.0);
}

BOOST_AUTO_TEST_CASE(space_before_is_dropped_at_the_top_of_a_page) {
    auto a = block(90), b = block(20, 12);
    const auto pages = flow({a, b});
    BOOST_TEST(pages[1][0].y == 0.0);
    auto c = block(50), d = block(20, 12);
    const auto same = flow({c, d});
    BOOST_TEST(same[0][1].y == 62.0);
}

BOOST_AUTO_TEST_CASE(a_heading_never_ends_a_page) {
    auto a = block(65), heading = block(10), row = block(30); // the heading fits, its row does not
    heading->keep_with_next = true;
    const auto pages = flow({a, heading, row});
    BOOST_TEST(page_of(pages, heading) == 1u);
    BOOST_TEST(page_of(pages, row) == 1u);
}

BOOST_AUTO_TEST_CASE(a_chain_of_kept_blocks_moves_together) {
    auto a = block(50), heading = block(10), header = block(10), row = block(25);
    heading->keep_with_next = true;
    header->keep_with_next = true;
    const auto pages = flow({a, heading, header, row}); // 50 + 10 + 10 + 25 = 95 fits
    BOOST_TEST(pages.size() == 1u);
    auto b = block(60), h2 = block(10), hd2 = block(10), r2 = block(25);
    h2->keep_with_next = true;
    hd2->keep_with_next = true;
    const auto moved = flow({b, h2, hd2, r2}); // 105: the heading goes over with its table
    BOOST_TEST(page_of(moved, h2) == 1u);
    BOOST_TEST(page_of(moved, r2) == 1u);
}

BOOST_AUTO_TEST_CASE(table_headings_repeat_above_rows_that_start_a_page) {
    auto header = block(10);
    header->keep_with_next = true;
    std::vector<std::shared_ptr<Block>> blocks{header};
    auto repeat = block(10);
    for (int i = 0; i < 5; ++i) {
        auto row = block(30);
        if (i > 0) row->continuation = repeat;
        blocks.push_back(row);
    }
    const auto pages = flow(blocks);
    BOOST_TEST_REQUIRE(pages.size() == 2u);
    BOOST_TEST(pages[0].size() == 4u); // header and three rows
    BOOST_TEST_REQUIRE(pages[1].size() == 3u);
    BOOST_TEST(pages[1][0].block == repeat.get());
    BOOST_TEST(pages[1][1].y == 10.0);
}

BOOST_AUTO_TEST_CASE(a_paragraph_is_cut_only_where_it_allows) {
    auto a = block(55), paragraph = block(100);
    paragraph->breaks = {20, 30, 40, 50, 60, 70, 80};
    const auto pages = flow({a, paragraph});
    BOOST_TEST_REQUIRE(pages.size() == 2u);
    BOOST_TEST(pages[0][1].from == 0.0);
    BOOST_TEST(pages[0][1].to == 40.0); // the last break that fits in the 45 left
    BOOST_TEST(pages[1][0].from == 40.0);
    BOOST_TEST(pages[1][0].to == 100.0);
}

BOOST_AUTO_TEST_CASE(a_block_taller_than_a_page_is_still_placed) {
    auto a = block(20), giant = block(250), b = block(10);
    const auto pages = flow({a, giant, b});
    BOOST_TEST_REQUIRE(pages.size() == 3u);
    BOOST_TEST(page_of(pages, giant) == 1u);
    BOOST_TEST(page_of(pages, b) == 2u);
}

BOOST_AUTO_TEST_CASE(a_page_break_before_starts_a_new_page_unless_the_page_is_empty) {
    auto first = block(10), second = block(10);
    first->page_break_before = true;
    second->page_break_before = true;
    const auto pages = flow({first, second});
    BOOST_TEST(pages.size() == 2u);
    BOOST_TEST(page_of(pages, first) == 0u);
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace knotwork::test
