#pragma once

// The one timing rule of the benchmarks: the median of `repeats` wall-clock runs, in milliseconds, so a
// single run disturbed by other work on the machine does not move the figure.
#include <algorithm>
#include <chrono>
#include <type_traits>
#include <vector>

namespace pm::bench {

// `f` is called as f(run index) when it takes one, else as f().
template <class F>
double medianMs(int repeats, F&& f) {
    using Clock = std::chrono::steady_clock;
    std::vector<double> times;
    for (int i = 0; i < repeats; ++i) {
        const auto start = Clock::now();
        if constexpr (std::is_invocable_v<F&, int>) {
            f(i);
        } else {
            f();
        }
        times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

}  // namespace pm::bench
