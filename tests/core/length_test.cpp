#include "core/length.hpp"

#include <catch2/catch.hpp>

using quire::Length;
using quire::parse_dimension;

TEST_CASE("lengths parse in every unit a designer writes", "[length]") {
    CHECK(parse_dimension("10.5pt")->absolute.sp == 688128);  // 10.5 * 65536
    CHECK(parse_dimension("1in")->absolute == Length::from_pt(72));
    CHECK(parse_dimension("2.54cm")->absolute == Length::from_pt(72));
    CHECK(parse_dimension("25.4mm")->absolute == Length::from_pt(72));
    CHECK(parse_dimension("1pc")->absolute == Length::from_pt(12));
    CHECK(parse_dimension(" 3mm ")->absolute == Length::from_pt(3 * 72.0 / 25.4));
    CHECK(parse_dimension("-2pt")->absolute == Length::from_pt(-2));
}

TEST_CASE("em lengths resolve against the font size", "[length]") {
    auto indent = parse_dimension("1.5em");
    REQUIRE(indent);
    CHECK(indent->relative);
    CHECK(indent->resolve(Length::from_pt(10)) == Length::from_pt(15));
    CHECK_FALSE(parse_dimension("1em", /*allow_em=*/false));
}

TEST_CASE("bad lengths are refused, not guessed", "[length]") {
    CHECK_FALSE(parse_dimension("12px"));
    CHECK_FALSE(parse_dimension("12"));
    CHECK_FALSE(parse_dimension("pt"));
    CHECK_FALSE(parse_dimension(""));
    CHECK_FALSE(parse_dimension("1e3pt"));
    CHECK_FALSE(parse_dimension("+3pt"));
    CHECK_FALSE(parse_dimension("99999pt"));  // beyond \maxdimen
    CHECK_FALSE(parse_dimension("3 pt"));
}
