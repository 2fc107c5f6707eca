#include "CoreScaling.h"
#include <immintrin.h>

__attribute__((target("avx2,fma")))
static float fma_loop(long rounds, float mv, float cv) {
    __m256 m = _mm256_set1_ps(mv), c = _mm256_set1_ps(cv);
    __m256 a0, a1, a2, a3, a4, a5, a6, a7, a8, a9;
    a0 = a1 = a2 = a3 = a4 = a5 = a6 = a7 = a8 = a9 = _mm256_setzero_ps();
    for (long i = 0; i < rounds; i++) {
        a0 = _mm256_fmadd_ps(a0, m, c); a1 = _mm256_fmadd_ps(a1, m, c);
        a2 = _mm256_fmadd_ps(a2, m, c); a3 = _mm256_fmadd_ps(a3, m, c);
        a4 = _mm256_fmadd_ps(a4, m, c); a5 = _mm256_fmadd_ps(a5, m, c);
        a6 = _mm256_fmadd_ps(a6, m, c); a7 = _mm256_fmadd_ps(a7, m, c);
        a8 = _mm256_fmadd_ps(a8, m, c); a9 = _mm256_fmadd_ps(a9, m, c);
    }
    __m256 s = _mm256_add_ps(_mm256_add_ps(_mm256_add_ps(a0, a1), _mm256_add_ps(a2, a3)),
                             _mm256_add_ps(_mm256_add_ps(a4, a5), _mm256_add_ps(_mm256_add_ps(a6, a7), _mm256_add_ps(a8, a9))));
    float lanes[8];
    _mm256_storeu_ps(lanes, s);
    float total = 0;
    for (int i = 0; i < 8; i++) total += lanes[i];
    return total;
}

static float plain_loop(long rounds, float m, float c) {
    float a[80] = {0};
    for (long i = 0; i < rounds; i++)
        for (int j = 0; j < 80; j++) a[j] = a[j] * m + c;
    float total = 0;
    for (int j = 0; j < 80; j++) total += a[j];
    return total;
}

int core_scaling_uses_fma(void) {
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
}

float core_scaling_multiply_adds(long rounds, float m, float c) {
    return core_scaling_uses_fma() ? fma_loop(rounds, m, c) : plain_loop(rounds, m, c);
}
