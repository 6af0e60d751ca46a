// main.cpp - command-line driver for the saxpy library.
//
// Pure host C++: everything GPU-related is behind runSaxpy() in saxpy.cu.
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "saxpy.h"

static void usage(const char* prog)
{
    std::fprintf(stderr, "usage: %s [n (default 16M)] [a (default 2.0)]\n", prog);
}

int main(int argc, char** argv)
{
    if (argc > 3) {
        usage(argv[0]);
        return EXIT_FAILURE;
    }
    const std::size_t n = (argc > 1) ? std::strtoull(argv[1], nullptr, 10) : (1u << 24);
    const float a = (argc > 2) ? std::strtof(argv[2], nullptr) : 2.0f;
    if (n == 0) {
        usage(argv[0]);
        return EXIT_FAILURE;
    }

    std::vector<float> x(n), y(n);
    for (std::size_t i = 0; i < n; ++i) {
        x[i] = static_cast<float>(i % 100) * 0.01f;
        y[i] = 1.0f;
    }

    SaxpyReport report;
    if (!runSaxpy(n, a, x.data(), y.data(), &report)) {
        std::fprintf(stderr, "saxpy failed\n");
        return EXIT_FAILURE;
    }

    // Spot check one element against the host formula.
    const std::size_t probe = n / 2;
    const float expected = a * x[probe] + 1.0f;
    std::printf("n=%zu a=%.2f y[%zu]=%.4f (host %.4f)\n", n, a, probe, y[probe], expected);
    std::printf("kernel %.3f ms, cublasSaxpy %.3f ms, max |diff| %.3g\n",
                report.kernelMs, report.cublasMs, report.maxAbsDiff);
    return report.maxAbsDiff < 1e-5f ? EXIT_SUCCESS : EXIT_FAILURE;
}
