// The per-element arithmetic of the pinned sgemm (OpenBLAS 0.3.21, Haswell
// kernel), checked element by element (docs/pinned-kernel-order.md).
//
// For a row-major C = op(A) op(B) + beta C through cblas_sgemm, every element
// is computed by one of two FMA orders over each K block (the driver's K
// blocks: 320, or two halves rounded up to 8 when fewer than 640 remain):
//   single: acc = fma(a_k, b_k, acc) for k in order, from 0;
//   split:  over the first 8 * floor(kb / 8) k, even k into acc A and odd k
//           into acc B, the rest into A in order; acc = A + B (only kb >= 8);
// then C = fma(alpha, acc, C) per block, after C = beta * C once (0 if beta = 0).
// `predict` says which order an element gets from its place in the kernel's
// tiles; the program counts the elements whose bits it mispredicts.
//
// Build and run (M N K op beta; op is NN, NT, TN or TT):
//   gcc -O2 -mfma -o /tmp/haswell_order Benchmarks/kernel-order/haswell_order.c -lopenblas -lm
//   OPENBLAS_CORETYPE=Haswell OPENBLAS_NUM_THREADS=1 /tmp/haswell_order 128 512 784 NT 0
#include <cblas.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static float uniform(unsigned *s) { *s = *s * 1664525u + 1013904223u; return (*s >> 8) / 16777216.0f * 2 - 1; }

// The level-3 driver's blocking of `total` by `q` (level3.c): q while at least
// 2q remain, then two halves rounded up to 8, then the rest.
static int blocks(int total, int q, int *start, int *len) {
    int n = 0;
    for (int at = 0; at < total; n++) {
        int rem = total - at, b = rem >= 2 * q ? q : rem > q ? ((rem / 2 + 7) / 8) * 8 : rem;
        start[n] = at; len[n] = b; at += b;
    }
    return n;
}

// One kernel call of m x n (kernel m: our columns; kernel n: our rows):
// whether (km, kn) gets the split order.
static int splitInCall(int m, int n, int km, int kn) {
    int panels = n / 12;
    if (kn / 12 < panels) {                          // a panel of 12 rows: halves L (0-5), R (6-11)
        if (m < 16) return 0;
        int half = kn % 12 < 6 ? 0 : 1, full8 = m / 8, last = (full8 - 1) * 8;
        if (half == 0 && km < 8) return 1;           // the first 8 columns, L half
        return km >= last && km < last + 8 && half == full8 % 2;  // the last full 8, L or R by parity
    }
    int rest = n - panels * 12, off = kn - panels * 12;
    if (rest >= 8) { if (off < 8) return 0; rest -= 8; off -= 8; }  // 8 rows: single
    if (rest >= 4 && off < 4) return km < (m / 8) * 8;                 // 4 rows: split on full 8s
    return 0;                                                          // 2 and 1 rows: single
}

// Element (i, j) of an M x N result.
static int predict(int M, int N, int i, int j) {
    int start[64], len[64], nb = blocks(N, 320, start, len);  // M blocks (P = 320) over our columns
    for (int b = 0; b < nb; b++) {
        if (j < start[b] || j >= start[b] + len[b]) continue;
        int km = j - start[b], m = len[b];
        if (b > 0) return splitInCall(m, M, km, i);           // later blocks: one call, every row
        for (int js = 0; js < M;) {                           // the first block packs rows 12, 4, rest at a time
            int rem = M - js, jj = rem >= 12 ? 12 : rem > 4 ? 4 : rem;
            if (i < js + jj) return splitInCall(m, jj, km, i - js);
            js += jj;
        }
    }
    return -1;
}

int main(int argc, char **argv) {
    if (argc < 4) { fprintf(stderr, "usage: haswell_order M N K [NN|NT|TN|TT] [beta]\n"); return 2; }
    int M = atoi(argv[1]), N = atoi(argv[2]), K = atoi(argv[3]);
    const char *op = argc > 4 ? argv[4] : "NN";
    float beta = argc > 5 ? atof(argv[5]) : 0;
    int tA = op[0] == 'T', tB = op[1] == 'T';
    unsigned seed = 1;
    float *A = malloc(sizeof(float) * M * K), *B = malloc(sizeof(float) * K * N);
    float *C = malloc(sizeof(float) * M * N), *C0 = malloc(sizeof(float) * M * N);
    for (int i = 0; i < M * K; i++) A[i] = uniform(&seed);
    for (int i = 0; i < K * N; i++) B[i] = uniform(&seed);
    for (int i = 0; i < M * N; i++) C0[i] = C[i] = uniform(&seed);
    cblas_sgemm(CblasRowMajor, tA ? CblasTrans : CblasNoTrans, tB ? CblasTrans : CblasNoTrans,
                M, N, K, 1.0f, A, tA ? M : K, B, tB ? K : N, beta, C, N);
#define AV(i, k) (tA ? A[(k) * M + (i)] : A[(i) * K + (k)])
#define BV(k, j) (tB ? B[(j) * K + (k)] : B[(k) * N + (j)])
    int start[64], len[64], nb = blocks(K, 320, start, len);
    long split = 0, wrong = 0;
    for (int i = 0; i < M; i++) {
        for (int j = 0; j < N; j++) {
            int s = predict(M, N, i, j);
            float c = beta == 0 ? 0 : beta * C0[i * N + j];
            for (int b = 0; b < nb; b++) {
                int k0 = start[b], kb = len[b], paired = s && kb >= 8 ? kb / 8 * 8 : 0;
                float a = 0, odd = 0;
                for (int k = 0; k < paired; k += 2) {
                    a = fmaf(AV(i, k0 + k), BV(k0 + k, j), a);
                    odd = fmaf(AV(i, k0 + k + 1), BV(k0 + k + 1, j), odd);
                }
                for (int k = paired; k < kb; k++) a = fmaf(AV(i, k0 + k), BV(k0 + k, j), a);
                c = fmaf(1.0f, paired ? a + odd : a, c);
            }
            split += s;
            if (c != C[i * N + j] && wrong++ < 5) printf("mispredicted: row %d column %d\n", i, j);
        }
    }
    printf("%dx%dx%d %s beta %g: %ld of %d elements split; mispredicted %ld\n", M, N, K, op, beta, split, M * N, wrong);
    return wrong != 0;
}
