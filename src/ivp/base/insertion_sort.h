#pragma once
// A stable sort for the core's short lists: the policies (a handful), a
// provision's open questions (a few dozen at most), the holidays of a year,
// the provisions of a plan and their tracks (the catalogue's 34), the
// questions of the interview (the facts, about 90).
//
// Why not std::stable_sort / std::sort: each of their instantiations is a
// merge sort with a buffer (or an introsort) of 1.5-3 kB of WebAssembly, and
// the core had seven of them, 15 kB in all (docs/perf.md, "Size"). This is
// one loop per list type. Its O(n^2) moves cost nothing at these lengths
// (measured: instructions per call unchanged).
//
// Stable: an element moves before another only when `less` says so. Where a
// list was sorted with std::sort, its order is total (ties broken by a unique
// key), so every sort gives it the same order.
#include <iterator>
#include <utility>

namespace ivp {

template <class RandomIt, class Less>
void insertion_sort(RandomIt first, RandomIt last, Less less) {
    if (first == last) return;
    for (RandomIt i = std::next(first); i != last; ++i) {
        if (!less(*i, *std::prev(i))) continue;
        auto value = std::move(*i);
        RandomIt j = i;
        do {
            *j = std::move(*std::prev(j));
            --j;
        } while (j != first && less(value, *std::prev(j)));
        *j = std::move(value);
    }
}

}  // namespace ivp
