// oneDNN 2.x C API (Debian libdnnl-dev). Its threads are OpenMP's (libgomp, loaded with libdnnl);
// Engine/DNNL.swift reaches omp_set_num_threads through dlsym rather than linking libgomp itself.
#include <oneapi/dnnl/dnnl.h>
#include <oneapi/dnnl/dnnl_debug.h>
