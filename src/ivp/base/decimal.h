#pragma once
// Reading a decimal number text into the nearest double, as strtod does for
// it (round half to even; +-infinity past the largest double; 0 or a
// subnormal at the small end), without strtod.
//
// Why not strtod: the C library's strtod on WebAssembly computes with 128-bit
// long double in software, and that arithmetic and strtod are about 14 kB of
// the module (docs/perf.md, "Size"). This is the exact method of a "simple
// decimal conversion" (the digits kept as decimal digits and shifted by powers
// of two until 53 bits can be read off, as Go's strconv falls back to), with
// the usual exact shortcut first: at most 15 significant digits and a power of
// ten of at most 22 are both exact doubles, so one multiplication or division
// rounds once and correctly. tests/unit/decimal_test.cpp checks it against the
// C library's strtod bit for bit.
#include <string>
#include <string_view>

namespace ivp {

// `text`: an optional '-', digits with an optional '.' (".5" and "5." too),
// and an optional exponent ('e' or 'E', an optional sign, digits); the caller
// has checked the form. The value's sign is kept: "-0" gives -0.0.
double decimal_to_double(std::string_view text);

// The other way: a finite double's magnitude rounded to `precision` (>= 1)
// significant digits, half to even, as printf's "%.*e" rounds it:
// 0.`digits` × 10^`point`, without trailing zeros ("0" and point 0 for zero).
struct DecimalDigits {
    std::string digits;
    int point = 0;
};
DecimalDigits decimal_digits(double value, int precision);

// The fewest digits (1 to 17) that read back as the same double, each try
// rounded as decimal_digits rounds it: JavaScript's Number-to-String digits,
// for JsonLogic (src/ivp/eligibility/jsonlogic.cpp js_number_to_string).
DecimalDigits shortest_decimal_digits(double value);

}  // namespace ivp
