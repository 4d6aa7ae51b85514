/* A library header with a structure richer than its callers need
   (book 7, "cffi": the partial struct declaration). */
#ifndef COMPLICATED_H
#define COMPLICATED_H

#include <stdbool.h>

// book: 2nd ed., "cffi" (complicated.h: the struct the partial declaration stands for)
struct Point {
    double x;
    double y;
    bool isActive;
    char *id;
    int num_times_visited;
};

/* A point at (3, 4), active, visited 7 times. */
struct Point do_calculation(void);

// book: end

// taught: the C side of ctypes_structure.py: a struct passed by value and by pointer
/* For the ctypes Structure example: a point with int coordinates. */
struct IntPoint {
    int x;
    int y;
};

int manhattan_length(struct IntPoint point);     /* |x| + |y|, the struct passed by value */
void scale_point(struct IntPoint *point, int k);  /* multiplies both coordinates, in place */
// taught: end

#endif
