// OpenBLAS 0.3.21's single-threaded sgemm driver (driver/level3/level3.c),
// rewritten over the library's own exported Haswell routines, against
// cblas_sgemm: the bits of every element, and where the time of a call goes
// (docs/pinned-kernel-order.md, "A driver of our own").
//
// Debian's DYNAMIC_ARCH libopenblas exports each core's routines by name:
// sgemm_{in,it,on,ot}copy_HASWELL (packing), sgemm_kernel_HASWELL (the
// micro-kernel: C += alpha * packed A x packed B) and sgemm_beta_HASWELL
// (C = beta * C). With the Haswell parameters (GEMM_P = GEMM_Q = 320,
// unroll 8 x 4) the loop nest below calls them exactly as cblas_sgemm does,
// so a caller that owns the loop could pack an operand once for several
// products and keep OpenBLAS's bits.
//
// Build and run (with R > 0: also time R calls per shape, best of 5, and the
// share of packing A, packing B, the kernel and the beta pass):
//   gcc -O2 -o /tmp/driver_replica Benchmarks/kernel-order/driver_replica.c -ldl
//   /tmp/driver_replica [R]
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef long blaslong;
typedef int (*copy_fn)(blaslong, blaslong, const float *, blaslong, float *);
typedef int (*kernel_fn)(blaslong, blaslong, blaslong, float, const float *, const float *, float *, blaslong);
typedef int (*beta_fn)(blaslong, blaslong, blaslong, float, float *, blaslong, float *, blaslong, float *, blaslong);
typedef void (*cblas_fn)(int, int, int, int, int, int, float, const float *, int, const float *, int, float, float *, int);

static copy_fn incopy, itcopy, oncopy, otcopy;
static kernel_fn kernel;
static beta_fn beta_op;
static cblas_fn cblas_sgemm_p;
enum { P = 320, Q = 320, UNROLL_M = 8, UNROLL_N = 4 };
static float *sa, *sb;
static int timing;
static double t_pack_a, t_pack_b, t_kernel, t_beta;

static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec * 1e-9; }
#define TIMED(total, call) do { double t_ = timing ? now() : 0; call; if (timing) total += now() - t_; } while (0)

// level3.c's blocking of what remains: the limit while at least twice it
// remains, then half rounded up to the unroll, then the rest.
static blaslong block(blaslong remaining, blaslong limit) {
  if (remaining >= 2 * limit) return limit;
  if (remaining > limit) return (remaining / 2 + UNROLL_M - 1) / UNROLL_M * UNROLL_M;
  return remaining;
}

// Column-major C (m x n) = alpha op(A) op(B) + beta C, OpenBLAS's own view.
static void driver(int ta, int tb, blaslong m, blaslong n, blaslong k, float alpha, const float *a, blaslong lda,
                   const float *b, blaslong ldb, float beta, float *c, blaslong ldc) {
  if (beta != 1) TIMED(t_beta, beta_op(m, n, 0, beta, NULL, 0, NULL, 0, c, ldc));
  if (k == 0 || alpha == 0) return;
  for (blaslong ls = 0, min_l; ls < k; ls += min_l) {
    min_l = block(k - ls, Q);
    blaslong min_i = block(m, P);
    int keep_b = min_i < m;  // B stays packed for the later m blocks only when there are any
    TIMED(t_pack_a, ta ? incopy(min_l, min_i, a + ls, lda, sa) : itcopy(min_l, min_i, a + ls * lda, lda, sa));
    for (blaslong jj = 0, min_jj; jj < n; jj += min_jj) {
      min_jj = n - jj;
      if (min_jj >= 3 * UNROLL_N) min_jj = 3 * UNROLL_N; else if (min_jj > UNROLL_N) min_jj = UNROLL_N;
      float *piece = sb + (keep_b ? min_l * jj : 0);
      TIMED(t_pack_b, tb ? otcopy(min_l, min_jj, b + jj + ls * ldb, ldb, piece) : oncopy(min_l, min_jj, b + ls + jj * ldb, ldb, piece));
      TIMED(t_kernel, kernel(min_i, min_jj, min_l, alpha, sa, piece, c + jj * ldc, ldc));
    }
    for (blaslong is = min_i; is < m; is += min_i) {
      min_i = block(m - is, P);
      TIMED(t_pack_a, ta ? incopy(min_l, min_i, a + ls + is * lda, lda, sa) : itcopy(min_l, min_i, a + is + ls * lda, lda, sa));
      TIMED(t_kernel, kernel(min_i, n, min_l, alpha, sa, sb, c + is, ldc));
    }
  }
}

// Row-major, as cblas_sgemm(CblasRowMajor, ...): the operands swap.
static void row_major(int ta, int tb, int m, int n, int k, const float *a, int lda, const float *b, int ldb,
                      float beta, float *c, int ldc) {
  driver(tb, ta, n, m, k, 1, b, ldb, a, lda, beta, c, ldc);
}

static void fill(float *x, size_t n, unsigned s) {
  for (size_t i = 0; i < n; i++) { s = s * 1664525u + 1013904223u; x[i] = ((s >> 8) / 16777216.0f - 0.5f) * 2; }
}

static void *symbol(void *lib, const char *name) {
  void *f = dlsym(lib, name);
  if (!f) { fprintf(stderr, "driver_replica: %s not exported by libopenblas.so.0\n", name); exit(2); }
  return f;
}

int main(int argc, char **argv) {
  setenv("OPENBLAS_CORETYPE", "Haswell", 1);
  setenv("OPENBLAS_NUM_THREADS", "1", 1);
  void *lib = dlopen("libopenblas.so.0", RTLD_NOW | RTLD_LOCAL);
  if (!lib) { fprintf(stderr, "driver_replica: %s\n", dlerror()); return 2; }
  incopy = symbol(lib, "sgemm_incopy_HASWELL"); itcopy = symbol(lib, "sgemm_itcopy_HASWELL");
  oncopy = symbol(lib, "sgemm_oncopy_HASWELL"); otcopy = symbol(lib, "sgemm_otcopy_HASWELL");
  kernel = symbol(lib, "sgemm_kernel_HASWELL"); beta_op = symbol(lib, "sgemm_beta_HASWELL");
  cblas_sgemm_p = symbol(lib, "cblas_sgemm");
  sa = aligned_alloc(4096, P * Q * sizeof(float));
  sb = aligned_alloc(4096, (size_t)Q * 8192 * sizeof(float));
  // Row-major M x N x K, op(A), op(B), beta: the 15 training shapes (the lanes'
  // forward halves, whole-batch input gradients, the folded weight gradients
  // and the first layer's column halves), whole-batch and evaluation shapes, odd ones.
  struct { int m, n, k, ta, tb; float beta; } shapes[] = {
    {128, 512, 784, 0, 1, 0}, {128, 256, 512, 0, 1, 0}, {128, 256, 256, 0, 1, 0}, {128, 128, 256, 0, 1, 0},
    {128, 10, 128, 0, 1, 0}, {10, 128, 256, 1, 0, 0.9f}, {256, 128, 10, 0, 0, 0}, {128, 256, 256, 1, 0, 0.9f},
    {256, 256, 128, 0, 0, 0}, {256, 256, 256, 1, 0, 0.9f}, {256, 256, 256, 0, 0, 0}, {256, 512, 256, 1, 0, 0.9f},
    {256, 512, 256, 0, 0, 0}, {512, 400, 256, 1, 0, 0.9f}, {512, 384, 256, 1, 0, 0.9f},
    {256, 512, 784, 0, 1, 0}, {512, 784, 256, 1, 0, 0}, {5000, 512, 784, 0, 1, 0}, {8, 512, 784, 0, 1, 0},
    {100, 37, 333, 1, 1, 0.5f}, {700, 300, 900, 0, 0, 0.3f}};
  int reps = argc > 1 ? atoi(argv[1]) : 0;
  long differing = 0;
  for (size_t s = 0; s < sizeof shapes / sizeof *shapes; s++) {
    int m = shapes[s].m, n = shapes[s].n, k = shapes[s].k, ta = shapes[s].ta, tb = shapes[s].tb;
    int lda = ta ? m : k, ldb = tb ? k : n;
    float *a = malloc(sizeof(float) * m * k), *b = malloc(sizeof(float) * k * n);
    float *c1 = malloc(sizeof(float) * m * n), *c2 = malloc(sizeof(float) * m * n);
    fill(a, (size_t)m * k, 7 * s + 1); fill(b, (size_t)k * n, 7 * s + 2); fill(c1, (size_t)m * n, 7 * s + 3);
    memcpy(c2, c1, sizeof(float) * m * n);
    cblas_sgemm_p(101, ta ? 112 : 111, tb ? 112 : 111, m, n, k, 1, a, lda, b, ldb, shapes[s].beta, c1, n);
    row_major(ta, tb, m, n, k, a, lda, b, ldb, shapes[s].beta, c2, n);
    long diff = 0;
    for (long e = 0; e < (long)m * n; e++) diff += memcmp(c1 + e, c2 + e, sizeof(float)) != 0;
    differing += diff;
    printf("%4d x %4d x %4d %c%c beta %.1f: %ld of %ld elements differ", m, n, k, ta ? 'T' : 'N', tb ? 'T' : 'N',
           shapes[s].beta, diff, (long)m * n);
    if (reps > 0) {
      double best_cblas = 1e9, best_ours = 1e9;
      for (int round = 0; round < 5; round++) {
        double t = now();
        for (int r = 0; r < reps; r++) cblas_sgemm_p(101, ta ? 112 : 111, tb ? 112 : 111, m, n, k, 1, a, lda, b, ldb, shapes[s].beta, c1, n);
        if ((t = (now() - t) / reps) < best_cblas) best_cblas = t;
        t = now();
        for (int r = 0; r < reps; r++) row_major(ta, tb, m, n, k, a, lda, b, ldb, shapes[s].beta, c2, n);
        if ((t = (now() - t) / reps) < best_ours) best_ours = t;
      }
      t_pack_a = t_pack_b = t_kernel = t_beta = 0;
      timing = 1;
      for (int r = 0; r < reps; r++) row_major(ta, tb, m, n, k, a, lda, b, ldb, shapes[s].beta, c2, n);
      timing = 0;
      double total = t_pack_a + t_pack_b + t_kernel + t_beta;
      printf("; cblas %.3f ms, this driver %.3f ms; pack A %.0f%%, pack B %.0f%%, kernel %.0f%%, beta %.0f%%",
             best_cblas * 1e3, best_ours * 1e3, 100 * t_pack_a / total, 100 * t_pack_b / total,
             100 * t_kernel / total, 100 * t_beta / total);
    }
    printf("\n");
    free(a); free(b); free(c1); free(c2);
  }
  printf("%ld elements differ in all\n", differing);
  return differing != 0;
}
