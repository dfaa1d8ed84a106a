#include "ivp/base/decimal.h"

#include <cstdint>
#include <cmath>
#include <cstring>

namespace ivp {

namespace {

// A decimal number 0.d[0]d[1]…d[nd-1] × 10^dp, digits 0-9, without leading
// or trailing zeros. Past kMaxDigits the digits are dropped, and `truncated`
// remembers that one of them was not 0 (it decides a tie when rounding).
struct Decimal {
    static constexpr int kMaxDigits = 800;
    std::uint8_t d[kMaxDigits];
    int nd = 0;
    int dp = 0;
    bool negative = false;
    bool truncated = false;

    void put(int digit) {
        if (nd < kMaxDigits) d[nd++] = static_cast<std::uint8_t>(digit);
        else if (digit != 0) truncated = true;
    }
    void trim() {
        while (nd > 0 && d[nd - 1] == 0) --nd;
        if (nd == 0) dp = 0;
    }
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

Decimal read(std::string_view text) {
    Decimal a;
    std::size_t i = 0;
    if (i < text.size() && text[i] == '-') {
        a.negative = true;
        ++i;
    }
    bool after_dot = false;
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '.') {
            after_dot = true;
            continue;
        }
        if (!is_digit(c)) break;
        if (c == '0' && a.nd == 0) {  // a leading zero: after the dot it moves the point
            if (after_dot) --a.dp;
            continue;
        }
        if (!after_dot) ++a.dp;
        a.put(c - '0');
    }
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        int sign = 1;
        if (i < text.size() && (text[i] == '+' || text[i] == '-')) sign = text[i++] == '-' ? -1 : 1;
        int exponent = 0;
        for (; i < text.size() && is_digit(text[i]); ++i)
            if (exponent < 100000) exponent = exponent * 10 + (text[i] - '0');  // far past any double either way
        a.dp += sign * exponent;
    }
    a.trim();
    return a;
}

// a × 2^k, 1 <= k <= 60 (so that a digit times 2^k plus the carry fits 64
// bits): the new digits from the last one up, then put back in order.
void shift_left(Decimal& a, unsigned k) {
    std::uint8_t reversed[Decimal::kMaxDigits + 20];
    int count = 0;
    std::uint64_t n = 0;
    for (int r = a.nd - 1; r >= 0; --r) {
        n += std::uint64_t{a.d[r]} << k;
        reversed[count++] = static_cast<std::uint8_t>(n % 10);
        n /= 10;
    }
    for (; n > 0; n /= 10) reversed[count++] = static_cast<std::uint8_t>(n % 10);
    a.dp += count - a.nd;
    a.nd = 0;
    while (count > 0) a.put(reversed[--count]);
    a.trim();
}

// a / 2^k, 1 <= k <= 60: long division, digit by digit.
void shift_right(Decimal& a, unsigned k) {
    int r = 0;
    int w = 0;
    std::uint64_t n = 0;
    // Read digits until the first digit of the quotient is known.
    for (; (n >> k) == 0; ++r) {
        if (r >= a.nd) {
            if (n == 0) {
                a.nd = 0;
                return;
            }
            while ((n >> k) == 0) {
                n *= 10;
                ++r;
            }
            break;
        }
        n = n * 10 + a.d[r];
    }
    a.dp -= r - 1;
    const std::uint64_t mask = (std::uint64_t{1} << k) - 1;
    for (; r < a.nd; ++r) {  // a digit out, a digit in
        const std::uint64_t next = a.d[r];
        a.d[w++] = static_cast<std::uint8_t>(n >> k);
        n = (n & mask) * 10 + next;
    }
    a.nd = w;
    for (; n > 0; n = (n & mask) * 10) a.put(static_cast<int>(n >> k));  // the remainder's digits
    a.trim();
}

void shift(Decimal& a, int k) {
    constexpr int kMaxShift = 60;
    if (a.nd == 0) return;
    for (; k > kMaxShift; k -= kMaxShift) shift_left(a, kMaxShift);
    for (; k < -kMaxShift; k += kMaxShift) shift_right(a, kMaxShift);
    if (k > 0) shift_left(a, static_cast<unsigned>(k));
    if (k < 0) shift_right(a, static_cast<unsigned>(-k));
}

// Whether a, cut after `at` digits, rounds up: above half, or exactly half
// and (round half to even) the last kept digit odd. A dropped nonzero digit
// makes "exactly half" more than half.
bool rounds_up(const Decimal& a, int at) {
    if (at < 0 || at >= a.nd) return false;
    if (a.d[at] == 5 && at + 1 == a.nd) return a.truncated || (at > 0 && a.d[at - 1] % 2 == 1);
    return a.d[at] >= 5;
}

std::uint64_t rounded_integer(const Decimal& a) {
    if (a.dp > 20) return ~std::uint64_t{0};
    std::uint64_t n = 0;
    int i = 0;
    for (; i < a.dp && i < a.nd; ++i) n = n * 10 + a.d[i];
    for (; i < a.dp; ++i) n *= 10;
    return rounds_up(a, a.dp) ? n + 1 : n;
}

constexpr int kMantissaBits = 52;
constexpr int kExponentBits = 11;
constexpr int kBias = -1023;
constexpr int kInfinityExponent = (1 << kExponentBits) - 1 + kBias;

double from_bits(bool negative, std::uint64_t mantissa, int exponent) {
    std::uint64_t bits = mantissa & ((std::uint64_t{1} << kMantissaBits) - 1);
    bits |= static_cast<std::uint64_t>((exponent - kBias) & ((1 << kExponentBits) - 1)) << kMantissaBits;
    if (negative) bits |= std::uint64_t{1} << 63;
    double out;
    std::memcpy(&out, &bits, sizeof out);
    return out;
}

// The exact method: scale a by powers of two into [1/2, 1), counting them,
// then read off 53 bits, rounded once.
double nearest_double(Decimal& a) {
    if (a.nd == 0 || a.dp < -330) return from_bits(a.negative, 0, kBias);  // 0 (or below half the least subnormal)
    if (a.dp > 310) return from_bits(a.negative, 0, kInfinityExponent);
    static constexpr int kShiftFor[] = {1, 3, 6, 9, 13, 16, 19, 23, 26};  // 2^n >= 10^i
    int exponent = 0;
    while (a.dp > 0) {
        const int n = a.dp >= 9 ? 27 : kShiftFor[a.dp];
        shift(a, -n);
        exponent += n;
    }
    while (a.dp < 0 || (a.dp == 0 && a.d[0] < 5)) {
        const int n = -a.dp >= 9 ? 27 : kShiftFor[-a.dp];
        shift(a, n);
        exponent -= n;
    }
    --exponent;  // a in [1/2, 1) is 2a × 2^(exponent - 1) with 2a in [1, 2)
    if (exponent < kBias + 1) {  // a subnormal: fewer bits
        const int n = kBias + 1 - exponent;
        shift(a, -n);
        exponent += n;
    }
    if (exponent >= kInfinityExponent) return from_bits(a.negative, 0, kInfinityExponent);
    shift(a, 1 + kMantissaBits);
    std::uint64_t mantissa = rounded_integer(a);
    if (mantissa == std::uint64_t{2} << kMantissaBits) {  // rounding carried into a new bit
        mantissa >>= 1;
        if (++exponent >= kInfinityExponent) return from_bits(a.negative, 0, kInfinityExponent);
    }
    if ((mantissa & (std::uint64_t{1} << kMantissaBits)) == 0) exponent = kBias;  // subnormal
    return from_bits(a.negative, mantissa, exponent);
}

// a rounded to `digits` significant digits (half to even).
void round_to(Decimal& a, int digits) {
    if (digits < 0 || digits >= a.nd) return;
    if (!rounds_up(a, digits)) {
        a.nd = digits;
        a.trim();
        return;
    }
    for (int i = digits - 1; i >= 0; --i) {
        if (a.d[i] < 9) {
            ++a.d[i];
            a.nd = i + 1;
            return;
        }
    }
    a.d[0] = 1;  // all nines: 0.99… became 1.0
    a.nd = 1;
    ++a.dp;
}

// The exact decimal value of a finite double's magnitude: its 53-bit
// integer times a power of two, shifted (a double's exact decimal has at most
// 767 significant digits, within kMaxDigits).
Decimal exact_decimal(double value) {
    std::uint64_t bits;
    std::memcpy(&bits, &value, sizeof bits);
    int exponent = static_cast<int>((bits >> kMantissaBits) & ((1u << kExponentBits) - 1));
    std::uint64_t mantissa = bits & ((std::uint64_t{1} << kMantissaBits) - 1);
    if (exponent == 0) exponent = 1;  // subnormal
    else mantissa |= std::uint64_t{1} << kMantissaBits;
    Decimal a;
    char reversed[20];
    int count = 0;
    for (; mantissa > 0; mantissa /= 10) reversed[count++] = static_cast<char>(mantissa % 10);
    while (count > 0) a.put(reversed[--count]);
    a.dp = a.nd;
    a.trim();
    shift(a, exponent + kBias - kMantissaBits);
    return a;
}

DecimalDigits digits_of(const Decimal& a) {
    DecimalDigits out;
    out.point = a.dp;
    for (int i = 0; i < a.nd; ++i) out.digits += static_cast<char>('0' + a.d[i]);
    if (out.digits.empty()) out.digits = "0";
    return out;
}

}  // namespace

DecimalDigits decimal_digits(double value, int precision) {
    Decimal a = exact_decimal(value);
    round_to(a, precision);
    return digits_of(a);
}

DecimalDigits shortest_decimal_digits(double value) {
    const Decimal exact = exact_decimal(value);
    DecimalDigits out;
    for (int precision = 1; precision <= 17; ++precision) {
        Decimal a = exact;
        round_to(a, precision);
        out = digits_of(a);
        if (decimal_to_double("0." + out.digits + "e" + std::to_string(out.point)) == std::fabs(value)) break;
    }
    return out;
}

double decimal_to_double(std::string_view text) {
    Decimal a = read(text);
    // At most 15 digits are an exact integer in a double, and 10^0 … 10^22
    // are exact doubles: one multiplication or division rounds correctly.
    static constexpr double kPowersOfTen[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                              1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    const int exponent = a.dp - a.nd;
    if (a.nd > 0 && a.nd <= 15 && exponent >= -22 && exponent <= 22) {
        std::uint64_t digits = 0;
        for (int i = 0; i < a.nd; ++i) digits = digits * 10 + a.d[i];
        double value = static_cast<double>(digits);
        value = exponent < 0 ? value / kPowersOfTen[-exponent] : value * kPowersOfTen[exponent];
        return a.negative ? -value : value;
    }
    return nearest_double(a);
}

}  // namespace ivp
