#ifndef CZLIB_SHIM_H
#define CZLIB_SHIM_H
/* zlib (zlib1g-dev): gzip reading for the IDX image files (gzread passes plain files through). */
#include <zlib.h>
#endif
