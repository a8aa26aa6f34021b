#ifndef CBLAS_SHIM_H
#define CBLAS_SHIM_H
/* Standard CBLAS prototypes from GSL's header (BLIS's own cblas.h clashes with GSL's enums);
   the symbols come from BLIS (libblis-pthread-dev), linked by name. */
#include <stdint.h>
#include <malloc.h>
#include <gsl/gsl_cblas.h>
void bli_thread_set_num_threads(int64_t n_threads);
static inline const char *cblas_backend_name(void) { return "blis"; }
static inline void cblas_backend_set_threads(int n) { bli_thread_set_num_threads(n); }
/* Keep freed blocks up to 256 MiB in the heap (glibc otherwise mmaps/munmaps every >=128 KiB array). */
static inline void toy_tune_malloc(void) { mallopt(M_MMAP_THRESHOLD, 256 << 20); mallopt(M_TRIM_THRESHOLD, 512 << 20); }
#endif
