/* The library behind complicated.h (book 7, ctypes Structure and cffi partial struct). */
#include <stdlib.h>

#include "complicated.h"

// taught: the library the partial struct and the ctypes Structure call into
struct Point do_calculation(void) {
    struct Point point = {3.0, 4.0, true, "P-1", 7};
    return point;
}

int manhattan_length(struct IntPoint point) {
    return abs(point.x) + abs(point.y);
}

void scale_point(struct IntPoint *point, int k) {
    point->x *= k;
    point->y *= k;
}
// taught: end
