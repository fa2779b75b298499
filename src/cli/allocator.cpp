// The program's allocator (CMakeLists.txt: QUIRE_MIMALLOC): operator new and delete
// call mimalloc directly, as its header defines them. Compiled into the quire program
// only, not the libraries: the tests and sanitizer builds keep the system's.
#include <mimalloc-new-delete.h>
