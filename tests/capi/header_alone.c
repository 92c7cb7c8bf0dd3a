/* rapport.h compiles alone, twice, as strict C99 (see tests/CMakeLists.txt). */
#include <rapport.h>
#include <rapport.h>

int rapport_header_alone_check(void);
int rapport_header_alone_check(void) { return RAPPORT_VERSION_NUMBER > 0 ? RAPPORT_OK : RAPPORT_EINTERNAL; }
