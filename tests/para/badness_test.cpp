#include "para/badness.hpp"

#include "para/item.hpp"

#include <catch2/catch.hpp>

using namespace quire::para;

TEST_CASE("badness follows TeX's integer approximation of 100 (t/s)^3", "[para][badness]") {
    CHECK(badness(0, 0) == 0);
    CHECK(badness(1, 0) == inf_bad);             // nothing to stretch with
    CHECK(badness(65536, 65536) == 100);         // r = 297: (297^3 + 2^17) / 2^18 = 100
    CHECK(badness(32768, 65536) == 12);          // r = 148: 12.87 truncated -> 12
    CHECK(badness(65536, 32768) == 800);         // r = 594
    CHECK(badness(3 * 65536, 65536) == 2698);    // r = 891
    CHECK(badness(5 * 65536, 65536) == inf_bad); // r = 1485 > 1290
    CHECK(badness(8000000, 8000000) == 100);     // large t: r = t / (s / 297) = 297
    CHECK(badness(1, 65536000) == 0);
}

TEST_CASE("fitness classes as TeX §817", "[para][badness]") {
    CHECK(fitness_of(true, 100) == Fitness::very_loose);
    CHECK(fitness_of(true, 99) == Fitness::loose);
    CHECK(fitness_of(true, 13) == Fitness::loose);
    CHECK(fitness_of(true, 12) == Fitness::decent);
    CHECK(fitness_of(false, 12) == Fitness::decent);
    CHECK(fitness_of(false, 13) == Fitness::tight);
}

TEST_CASE("line demerits as TeX §859", "[para][badness]") {
    CHECK(line_demerits(10, 0, 0) == 100);
    CHECK(line_demerits(10, 30, 50) == 1600 + 2500);
    CHECK(line_demerits(10, 30, -50) == 1600 - 2500);      // a bonus for a good break
    CHECK(line_demerits(10, 30, eject_penalty) == 1600);   // forced: no penalty term
    CHECK(line_demerits(10, inf_bad, 0) == 100000000);     // |l + b| >= 10000
}

TEST_CASE("two-level badness: the line as drawn, the glue first, then the letters, without them, TeX's",
          "[para][badness][letterspacing]") {
    // No letter spacing: exactly TeX's badness.
    CHECK(two_level_badness(5, 10, 0) == badness(5, 10));
    CHECK(two_level_badness(20, 10, 0) == badness(20, 10));
    CHECK(two_level_badness(5, 0, 0) == inf_bad);
    // While the glue takes it all, the letters do not move: TeX's badness of the glue.
    CHECK(two_level_badness(5, 10, 10) == badness(5, 10));
    CHECK(two_level_badness(10, 10, 10) == 100);  // the glue at its limit
    // Past it, the letters take the rest: 100 and their own badness, so such a line is
    // never as good as one the glue sets, but better than the glue alone stretched on.
    CHECK(two_level_badness(15, 10, 10) == 100 + badness(5, 10));
    CHECK(two_level_badness(15, 10, 10) > two_level_badness(10, 10, 10));
    CHECK(two_level_badness(15, 10, 10) < two_level_badness(15, 10, 0));
    CHECK(two_level_badness(20, 10, 10) == 200);
    // A line with no glue but letter spacing (one long word) can still be set.
    CHECK(two_level_badness(5, 0, 10) == badness(5, 10));
    CHECK(two_level_badness(1000, 10, 10) == inf_bad);
}
