// The program's allocator (CMakeLists.txt: QUIRE_MIMALLOC): operator new and delete
// call mimalloc directly, as its header defines them. Compiled into the quire program
// only, not the libraries: the tests and sanitizer builds keep the system's.
#include <mimalloc-new-delete.h>
#include <mimalloc.h>

namespace {

// mimalloc's heap on 2 MiB pages (issue 19). A 3-page build touched some 18 MiB of
// fresh heap a 4 KiB page at a time: 3,350 page faults in all, now 810, and a third
// less CPU time (0.12 s, now 0.07 s; the 99-page build a fifth less) on a virtual
// machine where a fault costs ~12 us. The price: 2 MiB granules, some 8 MB more
// resident at the peak, and large-page memory mimalloc does not hand back while the
// process lives (quire watch keeps its peak). Asking for large OS pages makes
// mimalloc madvise(MADV_HUGEPAGE) its segments (where no hugetlbfs pages are reserved,
// as on Debian by default), and with transparent huge pages in "madvise" or "always"
// mode a segment then faults in 2 MiB at a time. With THP "never" nothing changes.
// mimalloc gives a thread other than the first its first segment lazily, a 4 KiB page
// at a time and never on large pages (eager_commit_delay 1): the threads quire starts
// (the PDF writer's deflaters) get theirs as the first thread does
// (eager_commit_delay 0).
// Only defaults: MIMALLOC_LARGE_OS_PAGES=0 or MIMALLOC_EAGER_COMMIT_DELAY=1 in the
// environment still turn them off.
//
// It must be set before mimalloc maps its first segment, which happens in the first
// malloc, while the shared libraries' constructors run: before main and before this
// program's own constructors. Functions in .preinit_array (ELF gABI, executables
// only) run before any of those, once the dynamic linker has relocated everything.
void prefer_large_os_pages() {
    mi_option_set_default(mi_option_large_os_pages, 1);
    mi_option_set_default(mi_option_eager_commit_delay, 0);
}

[[gnu::section(".preinit_array"), gnu::used]] void (*const prefer_large_os_pages_early)() = prefer_large_os_pages;

}  // namespace
