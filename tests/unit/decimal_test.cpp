// decimal_to_double (src/ivp/base/decimal.h) against the C library's strtod
// (glibc's, correctly rounded), bit for bit: the corners of the double range,
// the ties, and 300,000 generated texts of every length and exponent.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <random>
#include <string>

#include "ivp/base/decimal.h"

namespace {

std::uint64_t bits(double d) {
    std::uint64_t b;
    std::memcpy(&b, &d, sizeof b);
    return b;
}

void expect_as_strtod(const std::string& text) {
    const double theirs = std::strtod(text.c_str(), nullptr);
    const double ours = ivp::decimal_to_double(text);
    ASSERT_EQ(bits(ours), bits(theirs)) << text << ": " << ours << " vs " << theirs;
}

TEST(Decimal, CornersAsStrtod) {
    for (const char* text : {
             "0", "-0", "0.0", "-0.000", "0e400", "1", "-1", "0.5", ".5", "5.", "12.5", "007", "0.05", "1e22", "1e23",
             "123456789012345", "1234567890123456", "9007199254740992", "9007199254740993", "9007199254740995",
             "0.1", "0.2", "0.3", "2.5e-3", "6500.5", "1.7976931348623157e308", "1.7976931348623158e308",
             "1.7976931348623159e308", "1.8e308", "1e309", "-1e999", "2.2250738585072014e-308",
             "2.2250738585072011e-308", "2.2250738585072012e-308", "4.9406564584124654e-324", "5e-324", "3e-324",
             "2.4703282292062327e-324", "2.4703282292062328e-324", "2.4703282292062327208828439643411e-324", "1e-400",
             "0.000000000000000000000000000000000000000000000000000000000000001", "18446744073709551616",
             "99999999999999999999999", "8.98846567431158e307", "4.4501477170144023e-308", "1E+3", "1e-7",
             "123456789012345678901234567890e-30", "7.2057594037927933e16", "9.5e-1", "1.00000000000000011102230246251565404236316680908203125",
             "1.00000000000000011102230246251565404236316680908203124", "1.00000000000000011102230246251565404236316680908203126"}) {
        expect_as_strtod(text);
    }
}

// Halfway between two neighbouring doubles, written out exactly (a double's
// exact decimal has at most 767 significant digits), and a hair above and
// below: the ties must go to the even neighbour.
TEST(Decimal, TiesAsStrtod) {
    std::mt19937_64 random(20261203);
    for (int i = 0; i < 2000; ++i) {
        double d;
        const std::uint64_t b = random() & 0x7FEFFFFFFFFFFFFFull;
        std::memcpy(&d, &b, sizeof d);
        const double next = std::nextafter(d, std::numeric_limits<double>::infinity());
        // The midpoint as an exact decimal: (d + next) / 2 in long double
        // holds it exactly for normal doubles (64-bit mantissa), printed with
        // enough digits.
        const long double mid = (static_cast<long double>(d) + static_cast<long double>(next)) / 2;
        char buf[1200];
        std::snprintf(buf, sizeof buf, "%.800Le", mid);
        std::string text = buf;
        expect_as_strtod(text);
        // just above and below the tie
        const auto e = text.find('e');
        std::string above = text.substr(0, e) + "1" + text.substr(e);
        expect_as_strtod(above);
        std::string below = text;
        for (auto k = e; k-- > 0;) {
            if (below[k] == '.') continue;
            if (below[k] != '0') {
                --below[k];
                break;
            }
            below[k] = '9';
        }
        expect_as_strtod(below + "9");
    }
}

TEST(Decimal, GeneratedTextsAsStrtod) {
    std::mt19937_64 random(61);
    const auto below = [&](int n) { return static_cast<int>(random() % static_cast<std::uint64_t>(n)); };
    int checked = 0;
    for (int i = 0; i < 300000; ++i) {
        std::string text;
        if (below(4) == 0) text += '-';
        const int shape = below(4);
        const int digits = shape == 0 ? 1 + below(17) : shape == 1 ? 1 + below(40) : shape == 2 ? 15 + below(5) : 1 + below(800);
        std::string mantissa;
        for (int k = 0; k < digits; ++k) mantissa += static_cast<char>('0' + below(10));
        if (below(3) == 0) mantissa.insert(static_cast<std::size_t>(below(digits + 1)), ".");
        if (mantissa == ".") mantissa = "0.";
        text += mantissa;
        if (below(2) == 0) {
            text += below(2) ? 'e' : 'E';
            const int e = below(3) == 0 ? below(30) - 15 : below(700) - 350;
            text += std::to_string(e);
        }
        expect_as_strtod(text);
        ++checked;
    }
    EXPECT_EQ(checked, 300000);
}

// Every double's shortest text (as %.17g prints it) reads back as itself.
TEST(Decimal, RandomDoublesRoundTrip) {
    std::mt19937_64 random(7);
    for (int i = 0; i < 200000; ++i) {
        const std::uint64_t b = random() & 0x7FFFFFFFFFFFFFFFull;
        double d;
        std::memcpy(&d, &b, sizeof d);
        if (!std::isfinite(d)) continue;
        char buf[40];
        std::snprintf(buf, sizeof buf, "%.17g", d);
        expect_as_strtod(buf);
        ASSERT_EQ(bits(ivp::decimal_to_double(buf)), bits(d)) << buf;
    }
}

}  // namespace

namespace {

// decimal_digits against glibc's printf("%.*e"), which rounds the exact value
// half to even: the same digits and the same power of ten for every
// precision JsonLogic tries (1 to 17), on doubles of every magnitude.
TEST(Decimal, DigitsAsPrintfRoundsThem) {
    std::mt19937_64 random(11);
    const auto check = [](double d, int precision) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.*e", precision - 1, d);
        const std::string text = buf;
        const auto e = text.find('e');
        std::string digits;
        for (std::size_t i = 0; i < e; ++i)
            if (text[i] != '.') digits += text[i];
        while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
        const int point = std::atoi(text.c_str() + e + 1) + 1;
        const auto ours = ivp::decimal_digits(d, precision);
        ASSERT_EQ(ours.digits, digits) << text;
        ASSERT_EQ(ours.point, point) << text;
    };
    for (double d : {0.5, 1.0, 2.5, 0.125, 9.5, 99.5, 0.1, 1e23, 5e-324, 1.7976931348623157e308, 123456.75, 0.3})
        for (int p = 1; p <= 17; ++p) check(d, p);
    for (int i = 0; i < 20000; ++i) {
        const std::uint64_t b = random() & 0x7FEFFFFFFFFFFFFFull;
        double d;
        std::memcpy(&d, &b, sizeof d);
        if (d == 0) continue;
        check(d, 1 + static_cast<int>(random() % 17));
    }
}

}  // namespace
